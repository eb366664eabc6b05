"""meetings.documents.ics: a cell's meetings as an iCalendar feed (RFC 5545): timed and
all-day events in UTC, escaped text, cancelled meetings, lines folded at 75 octets."""

from datetime import date, time

import pytest

from meetings.documents.ics import calendar_text
from meetings.enums import MeetingKind, MeetingState
from meetings.models import Meeting
from meetings.services.plan import create_meeting
from tests.meetings.conftest import YEAR, held

pytestmark = pytest.mark.django_db


def events(text):
    return text.split("BEGIN:VEVENT\r\n")[1:]


def test_a_timed_meeting_is_in_utc_with_its_end(cell, secretary):
    meeting = held(cell, date(YEAR, 3, 5), by=secretary)  # 19:00 for two hours
    text = calendar_text(cell, Meeting.objects.filter(pk=meeting.pk))
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VEVENT\r\nEND:VCALENDAR\r\n")
    [event] = events(text)
    assert f"UID:meeting-{meeting.pk}@chibo\r\n" in event
    assert "DTSTART:20250305T120000Z\r\n" in event  # 19:00 in Hà Nội
    assert "DTEND:20250305T140000Z\r\n" in event
    assert "STATUS:CONFIRMED\r\n" in event
    assert f"SEQUENCE:{meeting.version}\r\n" in event


def test_a_meeting_without_a_time_is_all_day_and_one_without_an_end_lasts_two_hours(
    cell, secretary
):
    day = create_meeting(
        organization=cell, kind=MeetingKind.PERIODIC, planned_on=date(YEAR, 4, 5), by=secretary
    )
    timed = create_meeting(
        organization=cell, kind=MeetingKind.PERIODIC, planned_on=date(YEAR, 5, 5), by=secretary
    )
    Meeting.objects.filter(pk=timed.pk).update(starts_at=time(7, 30), ends_at=None)
    first, second = events(calendar_text(cell, Meeting.objects.filter(organization=cell)))
    assert "DTSTART;VALUE=DATE:20250405\r\n" in first
    assert "DTEND;VALUE=DATE:20250406\r\n" in first
    assert f"UID:meeting-{day.pk}@chibo" in first
    assert "DTSTART:20250505T003000Z\r\n" in second and "DTEND:20250505T023000Z\r\n" in second


def test_text_is_escaped_and_long_lines_folded(cell, secretary):
    meeting = create_meeting(
        organization=cell,
        kind=MeetingKind.PERIODIC,
        planned_on=date(YEAR, 4, 5),
        place="Nhà văn hóa; thôn Nà Phát, xã Tân Lập\\ tỉnh Lạng Sơn",
        by=secretary,
    )
    Meeting.objects.filter(pk=meeting.pk).update(
        topic="Chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
    )
    text = calendar_text(cell, Meeting.objects.filter(pk=meeting.pk))
    lines = text.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert "LOCATION:Nhà văn hóa\\; thôn Nà Phát\\, xã Tân Lập\\\\ tỉnh Lạng Sơn\r\n" in unfolded
    assert "SUMMARY:" in unfolded and "Hồ Chí Minh\r\n" in unfolded
    assert any(line.startswith(" ") for line in lines)  # a continuation line


def test_a_cancelled_meeting_stays_in_the_feed_as_cancelled(cell, secretary):
    meeting = create_meeting(
        organization=cell, kind=MeetingKind.PERIODIC, planned_on=date(YEAR, 4, 5), by=secretary
    )
    Meeting.objects.filter(pk=meeting.pk).update(state=MeetingState.CANCELLED)
    [event] = events(calendar_text(cell, Meeting.objects.filter(pk=meeting.pk)))
    assert "STATUS:CANCELLED\r\n" in event


def test_an_empty_calendar_is_still_a_calendar(cell):
    text = calendar_text(cell, Meeting.objects.none())
    assert events(text) == []
    assert f"X-WR-CALNAME:{cell.name}\r\n" in text.replace("\r\n ", "")
