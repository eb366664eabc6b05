"""Badge pages (BDG-01) for every persona: due list, bulk record, export, member page."""

from datetime import date as D
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from members.enums import EventKind as E
from members.enums import MemberStatus
from members.models import Badge, Member
from members.services.events import record_event

pytestmark = pytest.mark.django_db

ON = "2026-02-03"


def admit(tree, by, on, cell="cell_a", name="Hoàng Văn Thụ", ill=False):
    member = Member.objects.create(
        full_name=name,
        date_of_birth=D(1930, 1, 1),
        sex="male",
        status=MemberStatus.STRUCK_OFF,
        organization=tree[cell],
        seriously_ill=ill,
    )
    record_event(member, E.ADMITTED, on, by=by, organization=tree[cell])
    member.refresh_from_db()
    return member


def due_url(org, **query):
    url = reverse("members:badge_due", args=[org.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def record_url(org):
    return reverse("members:badge_record", args=[org.pk])


def export_url(org):
    return reverse("members:badge_export", args=[org.pk]) + f"?on={ON}"


def member_url(member):
    return reverse("members:badge_member", args=[member.pk])


@pytest.fixture
def veteran(tree, officer):
    return admit(tree, officer, D(1996, 2, 3))


def test_anonymous_is_sent_to_login(client, tree, veteran):
    org = tree["cell_a"]
    urls = [reverse("members:badges"), due_url(org), export_url(org), member_url(veteran)]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response.url, url
    response = client.post(record_url(org), {})
    assert response.status_code == 302 and "/login" in response.url


# (persona, reads cell_a's badge pages)
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
def test_due_page_and_export_by_persona(name, reads, persona, login, tree, veteran):
    client = login(persona(name))
    org = tree["cell_a"]
    for url in (due_url(org, on=ON), export_url(org), member_url(veteran)):
        response = client.get(url)
        assert response.status_code == (200 if reads else 404), (name, url)


@pytest.mark.parametrize("name", ["officer", "inspector", "secretary", "admin_user"])
def test_home_redirects_readers_to_their_organization(name, persona, login, tree):
    response = login(persona(name)).get(reverse("members:badges"))
    assert response.status_code == 302


def test_home_is_404_for_a_member(member_user, login):
    assert login(member_user).get(reverse("members:badges")).status_code == 404


def test_due_page_lists_the_member_with_counts(officer, login, tree, veteran):
    response = login(officer).get(due_url(tree["commune"], on=ON))
    assert response.status_code == 200
    assert response.context["years"] == 30
    assert list(response.context["page"]) == [veteran]
    assert response.context["current"].due == 1
    body = response.content.decode()
    assert "Hoàng Văn Thụ" in body and 'name="regular-members"' in body
    assert "<script>" not in body and "style=" not in body


def test_default_date_is_the_next_presentation_day(officer, login, tree, veteran):
    response = login(officer).get(due_url(tree["commune"]))
    assert response.context["on"] == D(2027, 2, 3)  # today is after 07/11/2026 in the test clock
    assert response.status_code == 200


def test_inspector_reads_but_cannot_record(inspector, login, tree, veteran):
    client = login(inspector)
    body = client.get(due_url(tree["commune"], on=ON)).content.decode()
    assert "regular-members" not in body
    response = client.post(
        record_url(tree["commune"]),
        {
            "list": "regular",
            "regular-members": [veteran.pk],
            "regular-years": 30,
            "regular-presented_on": "03/02/2026",
        },
    )
    assert response.status_code == 403
    assert (
        client.post(member_url(veteran), {"years": 30, "presented_on": "03/02/2026"}).status_code
        == 403
    )
    assert not Badge.objects.exists()


@pytest.mark.parametrize(
    "name, status", [("other_secretary", 404), ("outsider", 404), ("member_user", 404)]
)
def test_record_outside_reach_is_404(name, status, persona, login, tree, veteran):
    response = login(persona(name)).post(
        record_url(tree["cell_a"]),
        {
            "list": "regular",
            "regular-members": [veteran.pk],
            "regular-years": 30,
            "regular-presented_on": "03/02/2026",
        },
    )
    assert response.status_code == status
    assert not Badge.objects.exists()


def test_secretary_records_the_checked_members(secretary, login, tree, veteran, officer):
    other = admit(tree, officer, D(1996, 1, 1), name="Lê Thị Hồng")
    client = login(secretary)
    response = client.post(
        record_url(tree["cell_a"]),
        {
            "list": "regular",
            "list_on": ON,
            "regular-members": [veteran.pk, other.pk],
            "regular-years": 30,
            "regular-presented_on": "03/02/2026",
            "regular-decision": "15-QĐ/ĐU",
        },
    )
    assert response.status_code == 302
    assert response.url == due_url(tree["cell_a"], on=ON, years=30)
    assert set(Badge.objects.values_list("member__full_name", "decision")) == {
        ("Hoàng Văn Thụ", "15-QĐ/ĐU"),
        ("Lê Thị Hồng", "15-QĐ/ĐU"),
    }
    page = client.get(response.url)
    assert list(page.context["page"]) == []


def test_bulk_record_refused_writes_nothing(secretary, login, tree, veteran, officer):
    not_yet = admit(tree, officer, D(2000, 1, 1), name="Chưa Đủ")
    client = login(secretary)
    response = client.post(
        record_url(tree["cell_a"]),
        {
            "list": "regular",
            "list_on": ON,
            "regular-members": [veteran.pk, not_yet.pk],
            "regular-years": 30,
            "regular-presented_on": "03/02/2026",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert not Badge.objects.exists()
    assert "chưa đến hạn" in response.content.decode()


def test_bulk_record_cannot_reach_members_of_another_cell(secretary, login, tree, officer):
    other_cell = admit(tree, officer, D(1990, 1, 1), cell="cell_b", name="Ở Chi Bộ Khác")
    response = login(secretary).post(
        record_url(tree["cell_a"]),
        {
            "list": "regular",
            "list_on": ON,
            "regular-members": [other_cell.pk],
            "regular-years": 30,
            "regular-presented_on": "03/02/2026",
        },
    )
    assert response.status_code == 302
    assert not Badge.objects.exists()


def test_early_list_and_early_record(officer, login, tree):
    ill = admit(tree, officer, D(1997, 5, 19), name="Ốm Đúng Hạn", ill=True)
    client = login(officer)
    response = client.get(due_url(tree["commune"], on="2026-05-19", years=30))
    assert response.context["early"] == [ill]
    response = client.post(
        record_url(tree["commune"]),
        {
            "list": "early",
            "list_on": "2026-05-19",
            "early-members": [ill.pk],
            "early-years": 30,
            "early-early": "True",
            "early-presented_on": "01/06/2026",
        },
    )
    assert response.status_code == 302
    assert Badge.objects.get().early


def test_member_page_shows_party_age_and_records_one_badge(officer, login, veteran):
    client = login(officer)
    response = client.get(member_url(veteran))
    assert response.context["party_age"] == 30
    assert response.context["next"] == (30, D(2026, 2, 3))
    response = client.post(
        member_url(veteran), {"years": 30, "presented_on": "03/02/2026", "decision": "1-QĐ"}
    )
    assert response.status_code == 302
    response = client.post(member_url(veteran), {"years": 30, "presented_on": "03/02/2026"})
    assert response.status_code == 200
    assert "đã được trao" in response.content.decode()
    assert Badge.objects.count() == 1


def test_member_reads_own_badge_page_only(member_user, login, veteran):
    client = login(member_user)
    own = Member.objects.get(user=member_user)
    assert client.get(member_url(own)).status_code == 200
    assert client.get(member_url(veteran)).status_code == 404


def test_export_is_an_xlsx_of_the_due_list(officer, login, tree, veteran):
    response = login(officer).get(export_url(tree["commune"]))
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    rows = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    assert "03/02/2026" in rows[0][0]
    data = [r for r in rows if r and r[1] == "Hoàng Văn Thụ"]
    assert len(data) == 1 and data[0][0] == 30


def test_due_page_constant_queries_for_1_and_50_members(officer, login, tree, settings):
    settings.PAGE_SIZE = 100
    client = login(officer)
    admit(tree, officer, D(1990, 1, 1))
    client.get(due_url(tree["commune"], on=ON))

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(due_url(tree["commune"], on=ON, years=30)).status_code == 200
        return len(ctx.captured_queries)

    one = count()
    for n in range(49):
        admit(tree, officer, D(1990, 1, 2), cell="cell_b", name=f"Đảng Viên {n}", ill=n % 2 == 0)
    assert count() == one


def test_organization_picker_moves_to_another_subtree_in_reach(
    officer, other_secretary, login, tree
):
    response = login(officer).get(
        due_url(tree["commune"], on=ON, years=40, organization=tree["cell_b"].pk)
    )
    assert response.status_code == 302
    assert response.url == due_url(tree["cell_b"], on=ON, years=40)
    # Out of reach: the choice is invalid and the page stays where it is.
    response = login(other_secretary).get(
        due_url(tree["cell_b"], on=ON, organization=tree["cell_a"].pk)
    )
    assert response.status_code == 200 and response.context["org"] == tree["cell_b"]
