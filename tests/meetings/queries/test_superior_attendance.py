"""meetings.queries.superior_attendance: MTG-06, the superior committee's members in a year (their
seats), the meetings each assigned member attended, the cells never visited."""

from datetime import date

import pytest

from meetings.queries.superior_attendance import (
    cells_never_visited,
    committee_members,
    superior_attendance_of,
    superior_attendance_overview,
)
from meetings.services.superior_attendance import add_superior, assign_superior_attendee
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


def test_mtg06_committee_members_are_the_seats_of_the_year(tree, committee):
    members = list(committee_members(tree["grassroots"], YEAR))
    assert set(members) == {committee["phu"], committee["lan"]}
    assert committee["old"] in committee_members(tree["grassroots"], YEAR - 1)


def test_mtg06_attendance_of_each_assigned_member_and_cells_never_visited(
    tree, committee, officer, secretary
):
    assign_superior_attendee(
        organization=tree["cell_a"], member=committee["phu"], year=YEAR, by=officer
    )
    assign_superior_attendee(
        organization=tree["cell_b"], member=committee["lan"], year=YEAR, by=officer
    )
    meeting = held(tree["cell_a"], date(YEAR, 3, 5), by=secretary)
    add_superior(meeting, by=secretary, member=committee["phu"])
    [attendance] = superior_attendance_of(tree["cell_a"], YEAR)
    assert attendance.attended == [meeting]
    assert list(cells_never_visited(tree["grassroots"], YEAR)) == [tree["cell_b"]]
    # A meeting of another year is not a visit of this one.
    assert set(cells_never_visited(tree["grassroots"], YEAR + 1)) == {
        tree["cell_a"],
        tree["cell_b"],
    }
    rows, lines = superior_attendance_overview(tree["grassroots"], YEAR)
    assert {r.cell: r.visited for r in rows} == {tree["cell_a"]: True, tree["cell_b"]: False}
    [lan] = [line for line in lines if line.member == committee["lan"]]
    assert lan.cells == [tree["cell_b"]] and lan.attended == []
