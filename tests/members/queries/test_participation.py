"""MTG-07: members suspended from party activity, prosecuted or detained on the meeting date
are read from the register's dated periods (members.NonParticipation) and left out of the
resolution's vote base. Boundaries: a period ending the day before, starting the day
after, or covering the meeting date by its first or last day."""

from datetime import date as D
from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.enums import AttendanceStatus, MeetingKind
from meetings.queries.register import rule_rows
from meetings.rules import quality as meeting_rules
from meetings.services import attendance as meeting_attendance
from meetings.services import plan as meeting_plan
from meetings.services.common import is_suspended
from members.enums import NonParticipationKind as K
from members.models import Member
from members.queries.participation import suspended_member_ids
from members.services import participation as svc
from tests.members.services.test_transfers import make_member

pytestmark = pytest.mark.django_db

MEETING_ON = D(2025, 6, 10)
DAY = timedelta(days=1)


@pytest.fixture
def member(tree):
    return make_member(tree["cell_a"], name="Lê Văn Đình")


def period(member, by, kind=K.SUSPENDED, starts_on=D(2025, 5, 1), ends_on=None):
    return svc.record_non_participation(
        member=member, kind=kind, starts_on=starts_on, ends_on=ends_on, by=by
    )


@pytest.mark.parametrize(
    "starts_on, ends_on, suspended",
    [
        (MEETING_ON - 30 * DAY, MEETING_ON - DAY, False),  # ended the day before
        (MEETING_ON + DAY, None, False),  # starts the day after
        (MEETING_ON, MEETING_ON + 30 * DAY, True),  # starts on the day
        (MEETING_ON - 30 * DAY, MEETING_ON, True),  # ends on the day
        (MEETING_ON - 30 * DAY, None, True),  # open
    ],
)
@pytest.mark.parametrize("kind", [K.SUSPENDED, K.PROSECUTED, K.DETAINED])
def test_mtg_07_is_suspended_on_the_meeting_date(
    member, secretary, kind, starts_on, ends_on, suspended
):
    period(member, secretary, kind, starts_on, ends_on)
    assert is_suspended(member, MEETING_ON) is suspended
    assert suspended_member_ids([member.pk], MEETING_ON) == ({member.pk} if suspended else set())
    prefetched = Member.objects.prefetch_related("non_participations").get(pk=member.pk)
    with CaptureQueriesContext(connection) as ctx:
        assert is_suspended(prefetched, MEETING_ON) is suspended
    assert ctx.captured_queries == []


def test_mtg_07_out_of_contact_is_not_a_suspension(member, secretary):
    period(member, secretary, K.OUT_OF_CONTACT)
    assert not is_suspended(member, MEETING_ON)


def test_mtg_07_suspended_member_ids_in_one_query(tree, member, secretary):
    others = [make_member(tree["cell_a"], name=f"Đảng viên {i}") for i in range(5)]
    period(member, secretary)
    period(others[0], secretary, K.DETAINED, ends_on=MEETING_ON - DAY)
    period(others[1], secretary, K.PROSECUTED, starts_on=MEETING_ON)
    with CaptureQueriesContext(connection) as ctx:
        ids = suspended_member_ids([m.pk for m in [member, *others]], MEETING_ON)
    assert ids == {member.pk, others[1].pk} and len(ctx.captured_queries) == 1
    assert suspended_member_ids([], MEETING_ON) == set()


def test_mtg_07_suspended_members_leave_the_vote_base(tree, secretary):
    cell = tree["cell_a"]
    names = ["Nguyễn Văn Bảo", "Trần Thị Cúc", "Lê Văn Dũng", "Phạm Thị Hoa"]
    people = [make_member(cell, name=name) for name in names]
    before, after, detained, free = people
    period(before, secretary, K.SUSPENDED, D(2025, 1, 1), MEETING_ON - DAY)
    period(after, secretary, K.SUSPENDED, MEETING_ON + DAY)
    period(detained, secretary, K.DETAINED, MEETING_ON - DAY, MEETING_ON)
    meeting = meeting_plan.create_meeting(
        organization=cell, kind=MeetingKind.PERIODIC, planned_on=MEETING_ON, by=secretary
    )
    meeting_plan.hold_meeting(
        meeting,
        version=meeting.version,
        by=secretary,
        held_on=MEETING_ON,
        starts_at=time(19, 0),
        ends_at=time(21, 0),
    )
    meeting.refresh_from_db()
    present, excused = AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED
    statuses = {before: present, after: present, detained: excused, free: present}
    meeting_attendance.save_attendance(
        meeting,
        entries=[{"member": m.pk, "status": s, "reason": "Tạm giam"} for m, s in statuses.items()],
        version=meeting.version,
        by=secretary,
    )
    attendances = list(meeting.attendances.select_related("member"))
    assert {a.member_id for a in attendances if a.suspended} == {detained.pk}
    lines = {line.member_id: line for line in meeting_rules.vote_base(rule_rows(attendances))}
    assert [m.pk for m in people if lines[m.pk].counted] == [before.pk, after.pk, free.pk]
    assert "truy tố" in str(lines[detained.pk].reason)
