"""Reconciliation page and export (MEM-03) for every persona; quarter picker; query counts."""

from datetime import date as D
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from members.enums import EventKind as E
from members.enums import MemberStatus
from members.models import Member
from members.services.events import record_event
from organizations.enums import OrgKind
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def page_url(org, **query):
    url = reverse("members:reconciliation", args=[org.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def export_url(org):
    return reverse("members:reconciliation_export", args=[org.pk]) + "?year=2026&quarter=2"


def admit(org, by, name, on):
    member = Member.objects.create(
        full_name=name,
        date_of_birth=D(1970, 1, 1),
        sex="male",
        status=MemberStatus.STRUCK_OFF,
        organization=org,
    )
    record_event(member, E.ADMITTED, on, by=by, organization=org)
    return member


@pytest.fixture
def data(tree, officer):
    a = admit(tree["cell_a"], officer, "Một", D(2020, 1, 1))
    record_event(a, E.TRANSFER_OUT, D(2026, 5, 10), by=officer)
    record_event(a, E.TRANSFER_IN, D(2026, 5, 11), by=officer, organization=tree["cell_b"])
    admit(tree["cell_b"], officer, "Hai", D(2026, 4, 1))
    return tree


def test_anonymous_is_sent_to_login(client, tree):
    for url in (
        reverse("members:reconciliations"),
        page_url(tree["commune"]),
        export_url(tree["commune"]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response.url, url


READERS = [
    ("admin_user", True),
    ("officer", True),
    ("inspector", True),
    ("secretary", True),
    ("other_secretary", False),
    ("member_user", False),
    ("outsider", False),
]


@pytest.mark.parametrize("name, reads", READERS)
def test_page_and_export_by_persona(name, reads, persona, login, data):
    client = login(persona(name))
    for url in (page_url(data["cell_a"], year=2026, quarter=2), export_url(data["cell_a"])):
        assert client.get(url).status_code == (200 if reads else 404), (name, url)


def test_home_redirects_and_member_gets_404(officer, member_user, login):
    assert login(officer).get(reverse("members:reconciliations")).status_code == 302
    assert login(member_user).get(reverse("members:reconciliations")).status_code == 404


def test_page_shows_the_quarter(officer, login, data):
    response = login(officer).get(page_url(data["grassroots"], year=2026, quarter=2))
    assert response.status_code == 200
    result = response.context["result"]
    _own, cell_a, cell_b = result.rows
    assert (cell_a.start, cell_a.transferred_out, cell_a.end) == (1, 1, 0)
    assert (cell_b.start, cell_b.admitted, cell_b.transferred_in, cell_b.end) == (0, 1, 1, 2)
    body = response.content.decode()
    assert 'data-testid="reconciliation-ok"' in body
    assert "<script>" not in body and "style=" not in body
    # Years and ids unlocalized in links (USE_THOUSAND_SEPARATOR).
    assert "year=2026&amp;quarter=2" in body and "2.026" not in body


def test_bad_quarter_falls_back_to_the_current_one(officer, login, data):
    response = login(officer).get(page_url(data["commune"], year="x", quarter=9))
    assert response.status_code == 200
    assert (response.context["result"].year, response.context["result"].quarter) == (2026, 4)


def test_export_is_an_xlsx(officer, login, data):
    response = login(officer).get(export_url(data["grassroots"]))
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert "quý 2 năm 2026" in rows[0][0]
    by_label = {r[0]: r for r in rows if r and r[0]}
    assert by_label["Chi bộ thôn Khau Khoang"][1:4] == (0, 1, 1)
    assert by_label["Cộng Đảng bộ Trường THPT Tân Lập"][9] == 2


def test_page_constant_queries_with_1_and_50_subordinates(officer, login, tree):
    client = login(officer)
    parent = OrganizationFactory(
        name="Đảng bộ bộ phận", kind=OrgKind.GRASSROOTS_COMMITTEE, superior=tree["commune"]
    )
    cell = OrganizationFactory(name="Chi bộ 0", kind=OrgKind.CELL, superior=parent)
    admit(cell, officer, "Một", D(2026, 4, 2))
    client.get(page_url(parent, year=2026, quarter=2))

    def count():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(page_url(parent, year=2026, quarter=2))
        assert response.status_code == 200
        return len(ctx.captured_queries), response

    one, _ = count()
    for n in range(1, 50):
        parent.refresh_from_db()
        cell = OrganizationFactory(name=f"Chi bộ {n}", kind=OrgKind.CELL, superior=parent)
        admit(cell, officer, f"Người {n}", D(2026, 4, 2))
    many, response = count()
    assert len(response.context["result"].subordinates) == 50
    assert many == one


def test_organization_picker_moves_to_another_subtree_in_reach(officer, secretary, login, tree):
    response = login(officer).get(
        page_url(tree["commune"], year=2026, quarter=2, organization=tree["cell_a"].pk)
    )
    assert response.status_code == 302
    assert response.url == page_url(tree["cell_a"], year=2026, quarter=2)
    response = login(secretary).get(
        page_url(tree["cell_a"], year=2026, quarter=2, organization=tree["cell_b"].pk)
    )
    assert response.status_code == 200 and response.context["org"] == tree["cell_a"]


def test_check_column_in_english(english, officer, login, data):
    client = login(officer)
    body = client.get(page_url(data["grassroots"], year=2026, quarter=2)).content.decode()
    assert '<th rowspan="2">Check</th>' in body
    assert '<th rowspan="2">Inspection</th>' not in body and "Kiểm tra" not in body
