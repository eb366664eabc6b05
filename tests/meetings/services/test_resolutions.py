"""meetings.services.resolutions: resolutions with their vote (MTG-07) and tasks."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from meetings.enums import AttendanceStatus as S
from meetings.models import Resolution
from meetings.queries.evaluations import evaluate
from meetings.rules.quality import resolution_valid
from meetings.services.plan import create_meeting
from meetings.services.resolutions import add_resolution
from members.enums import MemberStatus
from tests.meetings.conftest import YEAR, add_member, exempt, held, mark

pytestmark = pytest.mark.django_db


def test_votes_above_members_present_are_refused(cell, secretary, people):
    meeting = mark(
        held(cell, date(YEAR, 3, 5), by=secretary),
        secretary,
        {
            people[0]: S.PRESENT,
            people[1]: S.PRESENT,
            people[2]: S.PRESENT,
            people[3]: S.EXCUSED,
            people[4]: S.UNEXCUSED,
        },
    )
    with pytest.raises(
        ValidationError, match=r"Tổng số phiếu \(4\) nhiều hơn số đảng viên chính thức có mặt"
    ) as error:
        add_resolution(meeting, by=secretary, title="NQ tháng 3", votes_for=3, votes_against=1)
    assert "Tổng số phiếu (4) nhiều hơn số đảng viên chính thức có mặt được biểu quyết (3)" in str(
        error.value
    )
    assert not Resolution.objects.exists()
    add_resolution(meeting, by=secretary, title="NQ tháng 3", votes_for=3)


def test_resolution_only_after_the_meeting_is_held(cell, secretary):
    meeting = create_meeting(
        organization=cell, kind="periodic", planned_on=date(YEAR, 3, 5), by=secretary
    )
    with pytest.raises(
        ValidationError, match="Chỉ ghi nghị quyết sau khi đã ghi nhận buổi sinh hoạt diễn ra"
    ):
        add_resolution(meeting, by=secretary, title="NQ")


def test_mtg07_base_counting(cell, secretary, people):
    probationary = add_member(cell, "Nông Thị Tuyết", status=MemberStatus.PROBATIONARY)
    late_full = add_member(cell, "Bế Văn Tài", full_member_on=date(YEAR, 6, 1))  # full after March
    exempt(people[3], date(YEAR, 1, 1))
    meeting = mark(
        held(cell, date(YEAR, 3, 5), by=secretary),
        secretary,
        {
            people[0]: S.PRESENT,
            people[1]: S.PRESENT,
            people[2]: S.EXCUSED,  # accepted reason: out
            people[3]: S.EXEMPT,  # exempted and absent: out
            people[4]: S.UNEXCUSED,  # counted
            probationary: S.PRESENT,  # no vote
            late_full: S.PRESENT,  # still probationary on 05/03
        },
    )
    evaluation = evaluate(meeting)
    counted = {line.name for line in evaluation.base if line.counted}
    assert counted == {"Nguyễn Văn Bảo", "Trần Thị Cúc", "Hoàng Văn Khải"}
    assert evaluation.base_size == 3 and evaluation.voters_present == 2
    assert resolution_valid(2, evaluation.base_size)
    assert not resolution_valid(1, evaluation.base_size)
