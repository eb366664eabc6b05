"""The register on the meeting date (meetings.queries.register_on): what it reads, and how often."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Attendance
from meetings.services.attendance import mark_all_present
from members.enums import NonParticipationKind
from members.models import NonParticipation
from tests.meetings.conftest import YEAR, add_member, held

pytestmark = pytest.mark.django_db


def _all_present_queries(cell, secretary, on):
    meeting = held(cell, on, by=secretary)
    with CaptureQueriesContext(connection) as ctx:
        mark_all_present(meeting, version=meeting.version, by=secretary)
    return ctx, meeting


def test_saving_attendance_does_not_query_per_member(cell, secretary, people, tree):
    """The register reads every member's non-participation periods at once (MTG-07
    "suspended"), so saving the sheet for 10 members reads as often as for 5."""
    NonParticipation.objects.create(
        member=people[0], kind=NonParticipationKind.SUSPENDED, starts_on=date(YEAR, 1, 1)
    )
    small, meeting = _all_present_queries(cell, secretary, date(YEAR, 3, 5))
    assert Attendance.objects.get(meeting=meeting, member=people[0]).suspended is True
    for i in range(5):
        add_member(cell, f"Thành viên {i}")
    large, _ = _all_present_queries(cell, secretary, date(YEAR, 4, 5))
    reads = [q for q in small.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")]
    reads_large = [
        q for q in large.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")
    ]
    assert len(reads_large) == len(reads)
