"""meetings.services.attendance: the sheet, one tap, all present, locking (MTG-03, EXM-02)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from meetings.enums import AttendanceStatus as S
from meetings.models import Attendance, Meeting
from meetings.queries.evaluations import evaluate
from meetings.queries.register import attendance_sheet
from meetings.services.attendance import mark_all_present, record_attendance, save_attendance
from meetings.services.common import Conflict
from members.enums import MembershipKind
from tests.meetings.conftest import YEAR, add_member, exempt, held, join, mark

pytestmark = pytest.mark.django_db


def test_attendance_for_someone_not_in_the_cell_that_day_is_refused(cell, secretary, people, tree):
    newcomer = add_member(cell, "Vi Thị Lan", starts_on=date(YEAR, 6, 1))
    stranger = add_member(tree["cell_b"], "Hà Văn Mạnh")
    meeting = held(cell, date(YEAR, 3, 5), by=secretary)
    for member in (newcomer, stranger):
        with pytest.raises(
            ValidationError, match="không sinh hoạt tại Chi bộ thôn Nà Phát vào ngày 05/03/2025"
        ) as error:
            save_attendance(
                meeting,
                entries=[
                    {"member": people[0].pk, "status": S.PRESENT},
                    {"member": member.pk, "status": S.PRESENT},
                ],
                version=meeting.version,
                by=secretary,
            )
        assert "không sinh hoạt tại Chi bộ thôn Nà Phát vào ngày 05/03/2025" in str(error.value)
    assert not Attendance.objects.exists()  # the good row of the sheet was not saved either
    assert Meeting.objects.get().version == meeting.version


def test_exempt_status_needs_an_exemption(cell, secretary, people):
    meeting = held(cell, date(YEAR, 3, 5), by=secretary)
    with pytest.raises(
        ValidationError, match="Nguyễn Văn Bảo không được miễn sinh hoạt vào ngày này"
    ):
        record_attendance(
            meeting, member=people[0], status=S.EXEMPT, version=meeting.version, by=secretary
        )


def test_special_duty_only_for_armed_forces(cell, secretary, people):
    soldier = add_member(cell, "Lục Văn Quân", armed_forces=True)
    meeting = held(cell, date(YEAR, 3, 5), by=secretary)
    with pytest.raises(
        ValidationError, match="Chỉ đảng viên lực lượng vũ trang mới được ghi làm nhiệm vụ đặc biệt"
    ):
        record_attendance(
            meeting,
            member=people[0],
            status=S.EXCUSED,
            on_special_duty=True,
            version=meeting.version,
            by=secretary,
        )
    row = record_attendance(
        meeting,
        member=soldier,
        status=S.EXCUSED,
        on_special_duty=True,
        version=meeting.version,
        by=secretary,
    )
    assert row.on_special_duty


def test_stale_version_is_a_conflict_and_nothing_is_lost(cell, secretary, officer, people):
    meeting = held(cell, date(YEAR, 3, 5), by=secretary)
    seen = meeting.version
    mine = Meeting.objects.get(pk=meeting.pk)
    theirs = Meeting.objects.get(pk=meeting.pk)
    record_attendance(theirs, member=people[0], status=S.PRESENT, version=seen, by=officer)
    with pytest.raises(Conflict, match="Người khác vừa cập nhật buổi sinh hoạt này") as error:
        record_attendance(mine, member=people[0], status=S.UNEXCUSED, version=seen, by=secretary)
    assert "Người khác vừa cập nhật" in str(error.value)
    assert Attendance.objects.get().status == S.PRESENT  # the first save stands
    # With the fresh version the second person's change goes through.
    record_attendance(mine, member=people[0], status=S.UNEXCUSED, version=seen + 1, by=secretary)
    assert Attendance.objects.get().status == S.UNEXCUSED


def test_exempted_member_defaults_to_exempt_and_all_present(cell, secretary, people):
    exempt(people[4], date(YEAR, 1, 1))
    meeting = held(cell, date(YEAR, 3, 5), by=secretary)
    sheet = {row.member.pk: row.status for row in attendance_sheet(meeting)}
    assert sheet[people[4].pk] == S.EXEMPT and sheet[people[0].pk] == ""
    mark_all_present(meeting, version=meeting.version, by=secretary)
    statuses = dict(Attendance.objects.values_list("member_id", "status"))
    assert statuses[people[4].pk] == S.EXEMPT
    assert [statuses[p.pk] for p in people[:4]] == [S.PRESENT] * 4


def test_temporary_members_hosted_and_away(cell, secretary, people, tree):
    guest = add_member(tree["cell_b"], "Đinh Văn Sơn")
    join(guest, cell, date(YEAR, 1, 1), kind=MembershipKind.TEMPORARY)
    join(people[0], tree["cell_b"], date(YEAR, 1, 1), kind=MembershipKind.TEMPORARY)
    meeting = held(cell, date(YEAR, 3, 5), by=secretary)
    sheet = {row.member.pk: row for row in attendance_sheet(meeting)}
    assert sheet[guest.pk].temporary and sheet[people[0].pk].away
    mark_all_present(meeting, version=meeting.version, by=secretary)
    evaluation = evaluate(Meeting.objects.get())
    assert evaluation.count.base == 4  # four members at home, the guest counts in cell_b
    assert evaluation.base_size == 4


def test_mtg03_exactly_85_percent_with_real_rows(cell, secretary):
    members = [add_member(cell, f"Đảng viên {i}") for i in range(20)]
    meeting = held(cell, date(YEAR, 3, 5), by=secretary)
    mark(
        meeting, secretary, {m: (S.PRESENT if i < 17 else S.EXCUSED) for i, m in enumerate(members)}
    )
    evaluation = evaluate(meeting)
    assert evaluation.count.rate == 85
    assert evaluation.criteria[0].met is False
    extra = add_member(cell, "Đảng viên 21")
    mark(meeting, secretary, {extra: S.PRESENT})  # 18/21 = 85.7%
    assert evaluate(meeting).criteria[0].met is True


def test_mtg03_member_exempted_mid_year_leaves_the_base(cell, secretary, people):
    exempt(people[4], date(YEAR, 4, 1))
    march = mark(
        held(cell, date(YEAR, 3, 5), by=secretary),
        secretary,
        {**{p: S.PRESENT for p in people[:4]}, people[4]: S.UNEXCUSED},
    )
    april = held(cell, date(YEAR, 4, 5), by=secretary)
    mark_all_present(april, version=april.version, by=secretary)
    assert evaluate(march).count.base == 5
    april_eval = evaluate(Meeting.objects.get(pk=april.pk))
    assert (april_eval.count.base, april_eval.count.present_in_base) == (4, 4)
    assert april_eval.count.meets_target


def test_all_present_keeps_what_was_already_marked(cell, secretary, people):
    meeting = held(cell, date(YEAR, 3, 5), by=secretary)
    record_attendance(
        meeting,
        member=people[2],
        status=S.EXCUSED,
        reason="Ốm",
        version=meeting.version,
        by=secretary,
    )
    assert mark_all_present(meeting, version=meeting.version, by=secretary) == 4
    statuses = dict(Attendance.objects.values_list("member_id", "status"))
    assert statuses[people[2].pk] == S.EXCUSED
    assert sum(s == S.PRESENT for s in statuses.values()) == 4
