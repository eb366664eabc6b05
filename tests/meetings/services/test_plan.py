"""Services: planning, attendance, locking, resolutions and the alerts, by rule ID."""

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from meetings.enums import AttendanceStatus as S
from meetings.enums import MeetingKind, MeetingState
from meetings.models import AgendaItem, Attendance, Meeting, Resolution
from meetings.queries.alerts import cells_without_meeting, member_alerts, plan_findings
from meetings.queries.evaluations import evaluate, year_scores
from meetings.queries.register import attendance_sheet
from meetings.queries.scope import year_meetings
from meetings.queries.superior_attendance import cells_never_visited, superior_attendance_of
from meetings.rules.agenda import AGENDA
from meetings.rules.quality import resolution_valid
from meetings.services.attendance import mark_all_present, record_attendance, save_attendance
from meetings.services.common import Conflict
from meetings.services.plan import create_meeting, generate_year_plan, hold_meeting, update_minutes
from meetings.services.resolutions import add_resolution, add_task
from meetings.services.superior_attendance import add_superior, assign_superior_attendee
from members.enums import MembershipKind, MemberStatus
from tests.meetings.conftest import YEAR, add_member, exempt, held, join, mark, seat

pytestmark = pytest.mark.django_db


# --- Planning (MTG-01, MTG-02, MTG-04) ---


def test_mtg01_year_plan_twelve_periodic_on_the_chosen_day(cell, secretary):
    created = generate_year_plan(organization=cell, year=YEAR, day_of_month=31, by=secretary)
    assert len(created) == 12
    days = [m.planned_on for m in created]
    assert days[1] == date(YEAR, 2, 28) and days[3] == date(YEAR, 4, 30)
    assert {m.kind for m in created} == {MeetingKind.PERIODIC}
    # Run again: nothing doubles.
    assert generate_year_plan(organization=cell, year=YEAR, day_of_month=5, by=secretary) == []
    assert AgendaItem.objects.filter(meeting=created[0]).count() == len(AGENDA)


def test_mtg01_grassroots_committee_meets_twice_a_year(tree, officer):
    created = generate_year_plan(
        organization=tree["grassroots"], year=YEAR, day_of_month=15, by=officer
    )
    assert [m.planned_on.month for m in created] == [6, 12]
    assert plan_findings(tree["grassroots"], YEAR) == []


def test_mtg02_warns_for_each_quarter_without_thematic(cell, secretary):
    generate_year_plan(organization=cell, year=YEAR, day_of_month=10, by=secretary)
    create_meeting(
        organization=cell,
        kind=MeetingKind.THEMATIC,
        planned_on=date(YEAR, 5, 20),
        topic="Học tập Chỉ thị 05",
        by=secretary,
    )
    findings = plan_findings(cell, YEAR)
    assert [f.rule_id for f in findings] == ["MTG-02"] * 3
    assert "Quý 2" not in " ".join(f.message for f in findings)


def test_mtg02_thematic_needs_a_topic(cell, secretary):
    with pytest.raises(ValidationError, match="Sinh hoạt chuyên đề phải có chủ đề") as error:
        create_meeting(
            organization=cell, kind=MeetingKind.THEMATIC, planned_on=date(YEAR, 5, 20), by=secretary
        )
    assert "chủ đề" in str(error.value)
    assert not Meeting.objects.exists()


def test_other_secretary_cannot_plan_for_cell_a(cell, other_secretary):
    with pytest.raises(PermissionDenied, match="không có quyền lập kế hoạch sinh hoạt"):
        create_meeting(
            organization=cell,
            kind=MeetingKind.PERIODIC,
            planned_on=date(YEAR, 1, 5),
            by=other_secretary,
        )


def test_meetings_only_for_cells_and_grassroots_committees(tree, officer):
    with pytest.raises(
        ValidationError, match="Chỉ chi bộ hoặc đảng bộ cơ sở mới lập kế hoạch sinh hoạt"
    ):
        create_meeting(
            organization=tree["commune"],
            kind=MeetingKind.PERIODIC,
            planned_on=date(YEAR, 1, 5),
            by=officer,
        )


# --- Bad input: refused with a clear message, nothing half-saved ---


def test_future_meeting_cannot_be_marked_held(cell, secretary):
    tomorrow = timezone.localdate() + timedelta(days=1)
    meeting = create_meeting(organization=cell, kind="periodic", planned_on=tomorrow, by=secretary)
    with pytest.raises(
        ValidationError, match="Không thể ghi nhận đã sinh hoạt vào ngày ở tương lai"
    ) as error:
        hold_meeting(meeting, version=meeting.version, by=secretary, held_on=tomorrow)
    assert "tương lai" in str(error.value)
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.PLANNED and meeting.version == 1


def test_end_time_before_start_is_refused(cell, secretary):
    meeting = create_meeting(
        organization=cell, kind="periodic", planned_on=date(YEAR, 3, 5), by=secretary
    )
    with pytest.raises(ValidationError, match="Giờ kết thúc phải sau giờ bắt đầu") as error:
        hold_meeting(
            meeting,
            version=1,
            by=secretary,
            held_on=date(YEAR, 3, 5),
            starts_at=time(19, 0),
            ends_at=time(18, 30),
        )
    assert "Giờ kết thúc phải sau giờ bắt đầu" in str(error.value)
    assert Meeting.objects.get().state == MeetingState.PLANNED


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


# --- Optimistic locking ---


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


def test_stale_minutes_are_a_conflict(cell, secretary):
    meeting = held(cell, date(YEAR, 3, 5), by=secretary)
    update_minutes(meeting, version=meeting.version, by=secretary, discussion="Ý kiến 1")
    with pytest.raises(Conflict, match="Người khác vừa cập nhật buổi sinh hoạt này"):
        update_minutes(meeting, version=meeting.version - 1, by=secretary, discussion="Ý kiến 2")
    assert Meeting.objects.get().discussion == "Ý kiến 1"


# --- Attendance defaults and bulk ---


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


# --- MTG-03 from the data ---


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


# --- MTG-07 from the data ---


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


# --- MTG-08 alerts ---


def _months(cell, secretary, people, plan):
    """plan: {month: status of people[0]}; everyone else present."""
    for month, status in plan.items():
        meeting = held(cell, date(YEAR, month, 5), by=secretary)
        mark(meeting, secretary, {**{p: S.PRESENT for p in people[1:]}, people[0]: status})


def _alerts(cell):
    return {(a.rule_id, a.member.full_name, a.count) for a in member_alerts(cell, YEAR)}


def test_mtg08_third_unexcused_month_proposes_strike_off(cell, secretary, people):
    _months(cell, secretary, people, {1: S.UNEXCUSED, 2: S.PRESENT, 4: S.UNEXCUSED})
    assert _alerts(cell) == set()
    _months(cell, secretary, people, {7: S.UNEXCUSED})  # not consecutive: still 3 months
    assert _alerts(cell) == {("MTG-08", "Nguyễn Văn Bảo", 3)}


def test_mtg08_two_meetings_in_one_month_are_one_month(cell, secretary, people):
    _months(cell, secretary, people, {1: S.UNEXCUSED, 2: S.UNEXCUSED})
    thematic = held(
        cell, date(YEAR, 2, 20), by=secretary, kind=MeetingKind.THEMATIC, topic="Chuyên đề"
    )
    mark(thematic, secretary, {people[0]: S.UNEXCUSED})
    assert not any(rule == "MTG-08" for rule, *_ in _alerts(cell))


def test_mtg08_fourth_absence_in_a_row_alerts_third_does_not(cell, secretary, people):
    _months(cell, secretary, people, {1: S.PRESENT, 2: S.EXCUSED, 3: S.EXCUSED, 4: S.EXCUSED})
    assert _alerts(cell) == set()
    _months(cell, secretary, people, {5: S.EXCUSED})
    assert _alerts(cell) == {("MTG-03", "Nguyễn Văn Bảo", 4)}
    may = Meeting.objects.get(planned_on=date(YEAR, 5, 5))
    criterion = evaluate(may).criteria[2]
    assert criterion.met is False and "4" in criterion.detail


def test_mtg08_member_exempted_mid_year_stops_the_run(cell, secretary, people):
    _months(cell, secretary, people, {1: S.UNEXCUSED, 2: S.UNEXCUSED})
    exempt(people[0], date(YEAR, 3, 1))
    for month in (3, 4, 5):
        meeting = held(cell, date(YEAR, month, 5), by=secretary)
        mark_all_present(meeting, version=meeting.version, by=secretary)
    assert Attendance.objects.filter(member=people[0], status=S.EXEMPT).count() == 3
    assert _alerts(cell) == set()


def test_mtg08_member_transferred_in_mid_year(cell, secretary, people):
    newcomer = add_member(cell, "Vi Thị Lan", starts_on=date(YEAR, 6, 1))
    _months(cell, secretary, people, {m: S.PRESENT for m in range(1, 6)})
    for month in (6, 7, 8):
        meeting = held(cell, date(YEAR, month, 5), by=secretary)
        mark(meeting, secretary, {**{p: S.PRESENT for p in people}, newcomer: S.UNEXCUSED})
    # Her first three meetings in the cell: three unexcused months, three in a row.
    assert _alerts(cell) == {("MTG-08", "Vi Thị Lan", 3)}
    # Before June she is not on the register: her row is refused for May.
    may = Meeting.objects.get(planned_on=date(YEAR, 5, 5))
    with pytest.raises(
        ValidationError,
        match="Vi Thị Lan không sinh hoạt tại Chi bộ thôn Nà Phát vào ngày 05/05/2025",
    ):
        record_attendance(may, member=newcomer, status=S.PRESENT, version=may.version, by=secretary)


def test_mtg01_cells_without_a_periodic_meeting_last_month(tree, secretary, people):
    cell = tree["cell_a"]
    held(cell, date(YEAR, 10, 5), by=secretary)
    missing = cells_without_meeting(tree["commune"], today=date(YEAR, 11, 23))
    assert list(missing) == [tree["cell_b"]]
    missing = cells_without_meeting(tree["commune"], today=date(YEAR, 12, 1))
    assert set(missing) == {tree["cell_a"], tree["cell_b"]}


# --- MTG-05 yearly rating from the data; MTG-06 follow-up ---


def _good_meeting(cell, secretary, people, on, **overrides):
    m = held(cell, on, by=secretary)
    mark_all_present(m, version=m.version, by=secretary)
    m.refresh_from_db()
    add_task(m, by=secretary, text="Sửa nhà văn hóa", assignee=people[2])
    m.refresh_from_db()
    fields = dict(
        prepared_content=True,
        # DOC-02: everything the minutes need, so that they are complete.
        place="Nhà văn hóa thôn",
        chair=people[0],
        minute_taker=people[1],
        self_rating="good",
        minutes_signed=True,
        speakers=5,
        news_and_directions="Tin",
        ideological_situation="Ổn định",
        review_of_tasks="Đã xong",
        discussion="Ý kiến",
        conclusion="Thống nhất",
    )
    fields.update(overrides)
    update_minutes(m, version=m.version, by=secretary, **fields)
    return m


def test_mtg05_score_from_the_data_and_the_yearly_rating(cell, secretary, people):
    for month in range(1, 13):
        good = month <= 7
        _good_meeting(cell, secretary, people, date(YEAR, month, 5), speakers=5 if good else 1)
    meetings = list(year_meetings(cell, YEAR))
    scores = year_scores(cell, YEAR, meetings)
    ratings = [scores.scores[m.pk].rating for m in meetings]
    assert ratings == ["good"] * 7 + ["fair"] * 5  # 85 points without enough speakers
    assert scores.scores[meetings[-1].pk].points == 85
    assert scores.rating == "good"
    # One meeting fewer rated Tốt: the year is not Tốt any more.
    update_minutes(meetings[0], version=meetings[0].version, by=secretary, speakers=1)
    scores = year_scores(cell, YEAR, list(year_meetings(cell, YEAR)))
    assert scores.rating == "fair" and "6" in scores.explanation


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
