"""members.views.quality: the register's data quality page and its export for every persona, the
organization filter, constant queries."""

from datetime import date
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from members.models import Member
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


PAGE = reverse("members:quality")


EXPORT = reverse("members:quality_export")


def _with_dates(name, org, **dates):
    member = MemberFactory(full_name=name, organization=org, citizen_id=None)
    Member.objects.filter(pk=member.pk).update(**dates)
    return member


def _names(members):
    return sorted(m.full_name for m in members)


# (persona, the page, the page for cell_a)
SCOPE = [
    ("admin_user", 200, 200),
    ("officer", 200, 200),
    ("inspector", 200, 200),
    ("secretary", 200, 200),
    ("other_secretary", 200, 404),
    ("member_user", 404, 404),
    ("outsider", 200, 404),
]


@pytest.mark.parametrize("name, whole, cell_a", SCOPE)
def test_quality_by_persona(name, whole, cell_a, persona, client, login, tree, member_a):
    login(persona(name))
    for url in (PAGE, EXPORT):
        assert client.get(url).status_code == whole, url
        assert client.get(url, {"organization": tree["cell_a"].pk}).status_code == cell_a, url


def test_organization_filter_narrows_every_list(client, login, officer, tree):
    MemberFactory(full_name="Lê Văn Đức", organization=tree["cell_a"], citizen_id=None)
    MemberFactory(full_name="Hà Thị Mai", organization=tree["cell_b"], citizen_id=None)
    login(officer)
    report = client.get(PAGE, {"organization": tree["cell_b"].pk}).context["report"]
    assert _names(report.without_citizen_id) == ["Hà Thị Mai"]
    assert [c.name for c in report.small_cells] == [tree["cell_b"].name]


def test_quality_export(client, login, officer, tree):
    MemberFactory(full_name="Lê Văn Đức", organization=tree["cell_a"], citizen_id=None)
    _with_dates(
        "Trẻ Quá", tree["cell_a"], date_of_birth=date(1990, 3, 5), admitted_on=date(2008, 3, 4)
    )
    login(officer)
    response = client.get(EXPORT)
    assert response.status_code == 200
    workbook = load_workbook(BytesIO(b"".join(response.streaming_content)))
    assert len(workbook.worksheets) == 4
    first = [row for row in workbook.worksheets[0].iter_rows(values_only=True)]
    assert first[0][0] == "Chưa có số CCCD"
    assert any(row and row[0] == "Lê Văn Đức" for row in first)
    third = [row for row in workbook.worksheets[2].iter_rows(values_only=True)]
    row = next(r for r in third if r and r[0] == "Trẻ Quá")
    assert row[-1] == "Vào Đảng khi chưa đủ 18 tuổi (ADM-01)"
    cells = [row for row in workbook.worksheets[3].iter_rows(values_only=True)]
    assert any(r and r[0] == tree["cell_a"].name for r in cells)


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200
        if response.streaming:
            b"".join(response.streaming_content)
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", [PAGE, EXPORT])
def test_quality_queries_do_not_grow(client, login, officer, tree, url):
    born = date(1980, 1, 1)
    MemberFactory(full_name="Lê Văn Đức", organization=tree["cell_a"], date_of_birth=born)
    login(officer)
    one = _count(client, url)
    for i in range(25):
        MemberFactory(full_name=f"Lê Văn {i}", organization=tree["cell_a"], date_of_birth=born)
        MemberFactory(full_name=f"Lê Văn {i}", organization=tree["cell_b"], date_of_birth=born)
        _with_dates(f"Sai {i}", tree["cell_b"], admitted_on=date(1985, 1, 1), date_of_birth=born)
    assert _count(client, url) == one
