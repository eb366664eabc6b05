"""meetings.services.plan: planning a year, adding, holding and cancelling meetings, the
minutes (MTG-01, MTG-02, MTG-04, DOC-02), by rule ID."""

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from meetings.enums import MeetingKind, MeetingState
from meetings.models import AgendaItem, Meeting
from meetings.queries.alerts import plan_findings
from meetings.rules.agenda import AGENDA
from meetings.services.common import Conflict
from meetings.services.plan import create_meeting, generate_year_plan, hold_meeting, update_minutes
from tests.meetings.conftest import YEAR, held

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


# --- Optimistic locking ---


def test_stale_minutes_are_a_conflict(cell, secretary):
    meeting = held(cell, date(YEAR, 3, 5), by=secretary)
    update_minutes(meeting, version=meeting.version, by=secretary, discussion="Ý kiến 1")
    with pytest.raises(Conflict, match="Người khác vừa cập nhật buổi sinh hoạt này"):
        update_minutes(meeting, version=meeting.version - 1, by=secretary, discussion="Ý kiến 2")
    assert Meeting.objects.get().discussion == "Ý kiến 1"
