"""meetings.views.superior_attendance: MTG-06, the superior committee's screen: assigning its
members to cells, the meetings attended, cells never visited; scoped by persona."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import SupervisorAssignment
from meetings.queries.superior_attendance import superior_attendance_overview
from meetings.services.superior_attendance import (
    add_superior,
    assign_superior_attendee,
    unassign_superior_attendee,
)
from tests.factories import OrganizationFactory
from tests.meetings.conftest import YEAR, add_member, held, seat

pytestmark = pytest.mark.django_db


@pytest.fixture
def committee(tree):
    """Two members of the grassroots committee (the superior of cell_a and cell_b) and one
    whose seat ended before the year."""
    grassroots = tree["grassroots"]
    phu = add_member(grassroots, "Vương Văn Phú")
    lan = add_member(grassroots, "Đinh Thị Lan")
    old = add_member(grassroots, "Hà Văn Cũ")
    seat(grassroots, phu)
    seat(grassroots, lan, starts_on=date(YEAR, 7, 1))  # joined mid-year: counts for the year
    seat(grassroots, old, ends_on=date(YEAR - 1, 12, 31))
    return {"phu": phu, "lan": lan, "old": old}


def url(org, year=YEAR):
    return reverse("meetings:supervision_year", args=[org.pk, year])


def test_mtg06_screen_assign_attend_never_visited(tree, committee, officer, secretary, client):
    client.force_login(officer)
    page = client.get(url(tree["grassroots"]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Chi bộ thôn Nà Phát" in html and "Chi bộ thôn Khau Khoang" in html
    assert "Hà Văn Cũ" not in html  # no seat in the year: not offered
    response = client.post(
        url(tree["grassroots"]),
        {"organization": tree["cell_a"].pk, "member": committee["phu"].pk, "note": "Tổ 1"},
    )
    assert response.status_code == 302
    assignment = SupervisorAssignment.objects.get()
    assert (assignment.organization, assignment.member, assignment.year) == (
        tree["cell_a"],
        committee["phu"],
        YEAR,
    )
    meeting = held(tree["cell_a"], date(YEAR, 3, 5), by=secretary)
    add_superior(meeting, by=secretary, member=committee["phu"], position="Đảng ủy viên")
    html = client.get(url(tree["grassroots"])).content.decode()
    assert "05/03" in html  # the meeting attended, under the cell and under the member
    rows, lines = superior_attendance_overview(tree["grassroots"], YEAR)
    visited = {r.cell: r.visited for r in rows}
    assert visited == {tree["cell_a"]: True, tree["cell_b"]: False}
    [phu] = [line for line in lines if line.member == committee["phu"]]
    assert phu.cells == [tree["cell_a"]] and phu.attended == [(meeting, tree["cell_a"])]
    never = html.split('data-testid="never-visited"')[1]
    assert "Chi bộ thôn Khau Khoang" in never and "Chi bộ thôn Nà Phát" not in never
    # Next year nothing is carried over.
    html = client.get(url(tree["grassroots"], YEAR + 1)).content.decode()
    assert "Chưa phân công" in html


def test_mtg06_refusal_shown_on_the_form(tree, committee, officer, client):
    client.force_login(officer)
    response = client.post(
        url(tree["grassroots"]),
        {"organization": tree["cell_a"].pk, "member": committee["old"].pk},
    )
    assert response.status_code == 400
    assert not SupervisorAssignment.objects.exists()


def test_mtg06_remove_assignment(tree, committee, officer, inspector, outsider, client):
    assignment = assign_superior_attendee(
        organization=tree["cell_a"], member=committee["phu"], year=YEAR, by=officer
    )
    delete = reverse("meetings:assignment_delete", args=[assignment.pk])
    client.force_login(outsider)
    assert client.post(delete).status_code == 404
    client.force_login(inspector)
    assert client.post(delete).status_code == 403
    with pytest.raises(PermissionDenied, match="không có quyền phân công cấp ủy viên"):
        unassign_superior_attendee(assignment, by=inspector)
    client.force_login(officer)
    assert client.get(delete).status_code == 405
    assert client.post(delete).status_code == 302
    assert not SupervisorAssignment.objects.exists()


# (persona, page, post) on the grassroots committee's screen
PERSONAS = [
    ("officer", 200, 302),
    ("admin_user", 200, 302),
    ("inspector", 200, 403),
    ("secretary", 404, 404),
    ("other_secretary", 404, 404),
    ("member_user", 404, 404),
    ("outsider", 404, 404),
]


@pytest.mark.parametrize("name, page, post", PERSONAS)
def test_mtg06_scoped_by_persona(name, page, post, tree, committee, persona, client):
    client.force_login(persona(name))
    assert client.get(url(tree["grassroots"])).status_code == page
    assert (
        client.get(reverse("meetings:supervision", args=[tree["grassroots"].pk])).status_code
        == page
    )
    response = client.post(
        url(tree["grassroots"]), {"organization": tree["cell_a"].pk, "member": committee["phu"].pk}
    )
    assert response.status_code == post
    assert SupervisorAssignment.objects.exists() == (post == 302)


def test_mtg06_cell_page_is_not_a_superior_screen(tree, officer, client):
    client.force_login(officer)
    assert client.get(url(tree["cell_a"])).status_code == 404


def test_anonymous_goes_to_login(tree, client):
    response = client.get(url(tree["grassroots"]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_mtg06_constant_queries(tree, committee, officer, secretary, client):
    client.force_login(officer)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url(tree["grassroots"])).status_code == 200
        return len(ctx.captured_queries)

    assign_superior_attendee(
        organization=tree["cell_a"], member=committee["phu"], year=YEAR, by=officer
    )
    before = count()
    for n in range(3):
        cell = OrganizationFactory(name=f"Chi bộ số {n}", kind="cell", superior=tree["grassroots"])
        cell.refresh_from_db()
        member = add_member(tree["grassroots"], f"Cấp ủy {n}")
        seat(tree["grassroots"], member)
        assign_superior_attendee(organization=cell, member=member, year=YEAR, by=officer)
        meeting = held(cell, date(YEAR, 3 + n, 5), by=officer)
        add_superior(meeting, by=officer, member=member)
    assert count() == before
