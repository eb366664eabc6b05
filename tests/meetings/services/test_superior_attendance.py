"""MTG-06: members holding a seat on the superior committee are assigned to its cells for a
year, by officers of the superior; their attendance is linked to the assignment (the screen:
views/test_superior_attendance)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from meetings.queries.superior_attendance import (
    cells_never_visited,
    superior_attendance_of,
)
from meetings.services.superior_attendance import (
    add_superior,
    assign_superior_attendee,
)
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


def test_mtg06_only_a_committee_member_is_assigned(tree, committee, officer):
    with pytest.raises(ValidationError, match="không phải cấp ủy viên"):
        assign_superior_attendee(
            organization=tree["cell_a"], member=committee["old"], year=YEAR, by=officer
        )
    stranger = add_member(tree["cell_b"], "Người Ngoài")
    with pytest.raises(
        ValidationError, match="Người Ngoài không phải cấp ủy viên của Đảng bộ Trường THPT Tân Lập"
    ):
        assign_superior_attendee(
            organization=tree["cell_a"], member=stranger, year=YEAR, by=officer
        )
    with pytest.raises(
        ValidationError, match="Vương Văn Phú không phải cấp ủy viên của Đảng bộ xã Tân Lập"
    ):  # the grassroots itself: its superior is the commune
        assign_superior_attendee(
            organization=tree["grassroots"], member=committee["phu"], year=YEAR, by=officer
        )
    assign_superior_attendee(
        organization=tree["cell_a"], member=committee["phu"], year=YEAR, by=officer
    )
    with pytest.raises(ValidationError, match="đã được phân công"):
        assign_superior_attendee(
            organization=tree["cell_a"], member=committee["phu"], year=YEAR, by=officer
        )


def test_mtg06_assignment_attendance_and_cells_never_visited(tree, officer, secretary, people):
    cell = tree["cell_a"]
    supervisor = add_member(tree["grassroots"], "Vương Văn Phú")
    seat(tree["grassroots"], supervisor)
    assignment = assign_superior_attendee(
        organization=cell, member=supervisor, year=YEAR, by=officer
    )
    # the cell's own secretary does not assign
    with pytest.raises(PermissionDenied, match="không có quyền phân công cấp ủy viên"):
        assign_superior_attendee(
            organization=tree["cell_b"], member=supervisor, year=YEAR, by=secretary
        )
    meeting = held(cell, date(YEAR, 3, 5), by=secretary)
    attendee = add_superior(meeting, by=secretary, member=supervisor, position="Đảng ủy viên")
    assert attendee.assignment == assignment
    [attendance] = superior_attendance_of(cell, YEAR)
    assert attendance.attended == [meeting]
    assert list(cells_never_visited(tree["commune"], YEAR)) == [tree["cell_b"]]
