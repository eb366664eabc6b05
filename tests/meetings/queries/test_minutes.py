"""meetings.queries.minutes: DOC-02, what the database holds of each meeting's minutes (its
fields and related rows), read in one query whatever the number of meetings."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.enums import AttendanceStatus as S
from meetings.models import Attendance, Meeting, Resolution
from meetings.queries.minutes import minutes_facts
from meetings.services.resolutions import add_resolution, add_task
from tests.meetings.conftest import YEAR, held, mark

pytestmark = pytest.mark.django_db


def test_no_meeting_no_query():
    with CaptureQueriesContext(connection) as queries:
        assert minutes_facts([]) == {}
        assert minutes_facts([Meeting()]) == {}  # not saved: nothing to read
    assert len(queries) == 0


def test_a_bare_meeting_holds_little(cell, secretary):
    meeting = held(cell, date(YEAR, 3, 5), by=secretary)
    facts = minutes_facts([meeting])[meeting.pk]
    assert facts.starts_at and facts.ends_at  # held from 19:00
    assert not facts.attendance and not facts.tasks
    assert not facts.conclusion and not facts.signed and not facts.chair
    assert facts.votes and facts.absence_reasons  # nothing missing among no rows


def test_related_rows_fill_their_parts(cell, secretary, people):
    meeting = held(cell, date(YEAR, 3, 5), by=secretary)
    mark(meeting, secretary, {p: S.PRESENT for p in people})
    add_resolution(meeting, by=secretary, title="NQ", votes_for=5)
    add_task(meeting, by=secretary, text="Làm đường", assignee=people[0])
    facts = minutes_facts([meeting])[meeting.pk]
    assert facts.attendance and facts.absence_reasons
    assert facts.conclusion  # a resolution stands for the conclusion
    assert facts.tasks and facts.votes


def test_missing_reasons_and_votes_are_seen(cell, secretary, people):
    meeting = held(cell, date(YEAR, 3, 5), by=secretary)
    mark(meeting, secretary, {p: S.PRESENT for p in people})
    Attendance.objects.filter(meeting=meeting, member=people[0]).update(status=S.EXCUSED, reason="")
    Resolution.objects.create(meeting=meeting, title="NQ chưa biểu quyết")
    facts = minutes_facts([meeting])[meeting.pk]
    assert not facts.absence_reasons
    assert not facts.votes


def test_one_query_for_many_meetings(cell, secretary, people):
    meetings = [held(cell, date(YEAR, month, 5), by=secretary) for month in range(1, 7)]
    mark(meetings[0], secretary, {p: S.PRESENT for p in people})
    with CaptureQueriesContext(connection) as queries:
        facts = minutes_facts(meetings)
    assert len(queries) == 1
    assert set(facts) == {m.pk for m in meetings}
    assert facts[meetings[0].pk].attendance and not facts[meetings[1].pk].attendance
