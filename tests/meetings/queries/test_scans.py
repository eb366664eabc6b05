"""meetings.queries.scans: the signed scans of a meeting's numbered biên bản and nghị quyết,
newest first (the first is the current one), and a scan only for those who read the meeting."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from meetings.enums import AttendanceStatus as S
from meetings.queries.scans import (
    ScanShelf,
    get_scan_for,
    minutes_ref,
    resolution_ref,
    signed_scans,
)
from meetings.services.documents import issue_minutes, issue_resolution, upload_signed_scan
from meetings.services.resolutions import add_resolution
from tests.meetings.conftest import YEAR, held, mark

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name):
    return SimpleUploadedFile(name, PDF, "application/pdf")


@pytest.fixture
def meeting(cell, secretary, people, settings, tmp_path):
    """A held meeting of cell_a, its five members present (they vote its resolutions)."""
    settings.MEDIA_ROOT = tmp_path
    return mark(
        held(cell, date(YEAR, 3, 5), by=secretary), secretary, {p: S.PRESENT for p in people}
    )


def test_references_name_the_model_and_the_row(meeting, secretary):
    resolution = add_resolution(meeting, by=secretary, title="NQ", votes_for=3)
    assert minutes_ref(meeting) == f"meetings.Meeting:{meeting.pk}"
    assert resolution_ref(resolution) == f"meetings.Resolution:{resolution.pk}"


def test_an_empty_shelf_has_no_current_scan():
    shelf = ScanShelf(number=None, scans=[])
    assert shelf.current is None and shelf.earlier == []


def test_shelves_before_numbering_are_empty(meeting, secretary):
    resolution = add_resolution(meeting, by=secretary, title="NQ", votes_for=3)
    minutes, by_resolution = signed_scans(meeting, [resolution])
    assert minutes.number is None and minutes.scans == []
    assert by_resolution[resolution.pk].number is None


def test_each_document_keeps_its_own_scans_newest_first(meeting, secretary):
    resolution = add_resolution(meeting, by=secretary, title="NQ", votes_for=3)
    other = add_resolution(meeting, by=secretary, title="NQ khác", votes_for=3)
    minutes_number = issue_minutes(meeting, by=secretary)
    resolution_number = issue_resolution(resolution, by=secretary)
    first = upload_signed_scan(meeting, by=secretary, file=pdf("bb-1.pdf"))
    second = upload_signed_scan(meeting, by=secretary, file=pdf("bb-2.pdf"))
    on_resolution = upload_signed_scan(
        meeting, by=secretary, file=pdf("nq.pdf"), resolution=resolution
    )
    with CaptureQueriesContext(connection) as queries:
        minutes, by_resolution = signed_scans(meeting, [resolution, other])
    assert len(queries) == 2
    assert minutes.number == minutes_number
    assert minutes.current == second and minutes.earlier == [first]
    assert by_resolution[resolution.pk].number == resolution_number
    assert by_resolution[resolution.pk].scans == [on_resolution]
    assert by_resolution[other.pk].number is None and by_resolution[other.pk].current is None


def test_a_scan_is_read_only_within_the_meetings_reach(
    meeting, secretary, officer, member_user, other_secretary, outsider
):
    issue_minutes(meeting, by=secretary)
    scan = upload_signed_scan(meeting, by=secretary, file=pdf("bb.pdf"))
    for user in (secretary, officer, member_user):
        assert get_scan_for(user, scan.pk) == scan
    for user in (other_secretary, outsider):
        with pytest.raises(Http404):
            get_scan_for(user, scan.pk)
