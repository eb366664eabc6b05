"""Persona scoping of every download, export and document view of the meetings app.

Each view in meetings/urls/meetings.py and meetings/urls/statistics.py that hands out a file or
a numbered document is called by:
- the committee officer of the subtree (commune): allowed (200, or the redirect of a
  write that took place);
- the secretary of another cell (cell_b): 404;
- a member of another cell (cell_b): 404;
- an officer of another commune (the outsider of every view test): 404;
- an anonymous visitor: sent to the login page.
The ICS feed has no login: its secret token is the key, and a wrong or revoked token
is a 404 for everyone.
"""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlparse

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.enums import Role
from meetings.enums import AttendanceStatus as S
from meetings.models import CalendarFeed, SignedScan
from meetings.services.documents import (
    attach_document,
    calendar_feed,
    issue_minutes,
    issue_resolution,
    upload_signed_scan,
)
from meetings.services.plan import create_meeting, update_minutes
from meetings.services.resolutions import add_resolution
from organizations.models import DocumentNumber
from tests.factories import MemberFactory, RoleAssignmentFactory, UserFactory
from tests.meetings.conftest import YEAR, held, mark

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def other_member(tree):
    """A party member of cell_b with an account: reads only cell_b's meetings."""
    user = UserFactory(username="other_member", full_name="Lý Văn Sáng")
    MemberFactory(full_name="Lý Văn Sáng", organization=tree["cell_b"], user=user)
    RoleAssignmentFactory(user=user, role=Role.MEMBER, organization=tree["cell_b"])
    return user


@pytest.fixture
def world(tree, cell, secretary, people, tmp_path, settings):
    """A held meeting of cell_a with everything a download can hand out: an attached
    document, a resolution, numbers for both documents and their signed scans."""
    settings.MEDIA_ROOT = tmp_path
    meeting = mark(
        held(cell, date(YEAR, 3, 5), by=secretary), secretary, {p: S.PRESENT for p in people}
    )
    update_minutes(
        meeting, version=meeting.version, by=secretary, chair=people[0], minute_taker=people[1]
    )
    document = attach_document(
        meeting,
        by=secretary,
        title="Dự thảo nghị quyết",
        file=SimpleUploadedFile("du-thao.pdf", PDF, "application/pdf"),
    )
    resolution = add_resolution(meeting, by=secretary, title="Nghị quyết tháng 3", votes_for=5)
    # A second resolution, not numbered yet: the issue_resolution view numbers it.
    draft = add_resolution(meeting, by=secretary, title="Nghị quyết bổ sung", votes_for=4)
    issue_minutes(meeting, by=secretary)
    issue_resolution(resolution, by=secretary)
    minutes_scan = upload_signed_scan(
        meeting, by=secretary, file=SimpleUploadedFile("bb.pdf", PDF, "application/pdf")
    )
    resolution_scan = upload_signed_scan(
        meeting,
        by=secretary,
        file=SimpleUploadedFile("nq.pdf", PDF, "application/pdf"),
        resolution=resolution,
    )
    feed = calendar_feed(cell, by=secretary)
    return {
        "meeting": meeting,
        "document": document,
        "resolution": resolution,
        "draft": draft,
        "minutes_scan": minutes_scan,
        "resolution_scan": resolution_scan,
        "feed": feed,
        "cell": cell,
        "grassroots": tree["grassroots"],
        "commune": tree["commune"],
    }


@dataclass(frozen=True)
class Endpoint:
    name: str  # URL name
    arg: str  # key in `world` whose pk goes into the URL
    method: str = "get"
    content_type: str = ""  # expected for the allowed persona ("" : an HTML page)
    query: str = ""
    # A member of the cell itself reads its meetings' documents, a write is refused
    # (403), and the statistics (which read organizations, not one's own cell) are a 404.
    own_member: int = 200


ENDPOINTS = [
    # Attached documents, biên bản and nghị quyết (DOC-01, DOC-02).
    Endpoint("meetings:document", "document", content_type="application/pdf"),
    Endpoint("meetings:minutes_docx", "meeting", content_type=DOCX_TYPE),
    Endpoint("meetings:minutes_pdf", "meeting", content_type="application/pdf"),
    Endpoint("meetings:resolution_docx", "resolution", content_type=DOCX_TYPE),
    Endpoint("meetings:resolution_pdf", "resolution", content_type="application/pdf"),
    Endpoint("meetings:issue_minutes", "meeting", method="post", own_member=403),
    Endpoint("meetings:issue_resolution", "draft", method="post", own_member=403),
    # Signed scans: the upload pages and the archived files.
    Endpoint("meetings:minutes_scan", "meeting", own_member=403),
    Endpoint("meetings:resolution_scan", "resolution", own_member=403),
    Endpoint("meetings:scan", "minutes_scan", content_type="application/pdf"),
    Endpoint("meetings:scan", "resolution_scan", content_type="application/pdf"),
    # The ICS feed's secret link is made (and revoked) behind a login.
    Endpoint("meetings:feed_link", "cell", method="post", own_member=403),
    # Compliance statistics: the XLSX export and the screens it mirrors, for the cell and
    # for the grassroots đảng bộ above it.
    Endpoint(
        "meeting_stats:export", "cell", content_type=XLSX_TYPE, query="year=2025", own_member=404
    ),
    Endpoint(
        "meeting_stats:export",
        "grassroots",
        content_type=XLSX_TYPE,
        query="year=2025",
        own_member=404,
    ),
    Endpoint("meeting_stats:page", "grassroots", query="year=2025", own_member=404),
    Endpoint("meeting_stats:cells", "grassroots", query="year=2025", own_member=404),
]


def _url(endpoint: Endpoint, world) -> str:
    url = reverse(endpoint.name, args=[world[endpoint.arg].pk])
    return f"{url}?{endpoint.query}" if endpoint.query else url


def _call(client, endpoint, url):
    return getattr(client, endpoint.method)(url)


def _body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def _numbers():
    return set(DocumentNumber.objects.values_list("pk", "number", "doc_type"))


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: f"{e.name}[{e.arg}]")
def test_outsiders_get_404(endpoint, world, client, other_secretary, other_member, outsider):
    url = _url(endpoint, world)
    numbers, scans, token = _numbers(), SignedScan.objects.count(), world["feed"].token
    for user in (other_secretary, other_member, outsider):
        client.force_login(user)
        response = _call(client, endpoint, url)
        assert response.status_code == 404, (user.username, response.status_code)
        client.logout()
    # A refused write left nothing behind: no number, no scan, the same feed link.
    assert _numbers() == numbers and SignedScan.objects.count() == scans
    assert CalendarFeed.objects.get().token == token


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: f"{e.name}[{e.arg}]")
def test_anonymous_goes_to_login(endpoint, world, client):
    url = _url(endpoint, world)
    numbers, token = _numbers(), world["feed"].token
    response = _call(client, endpoint, url)
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == reverse("accounts:login")
    assert _numbers() == numbers and CalendarFeed.objects.get().token == token


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: f"{e.name}[{e.arg}]")
def test_committee_officer_of_the_subtree_is_allowed(endpoint, world, client, officer):
    client.force_login(officer)
    response = _call(client, endpoint, _url(endpoint, world))
    if endpoint.method == "post":
        # The write went through and led back to the meeting or the cell's plan.
        assert response.status_code == 302
        assert "login" not in response["Location"]
        return
    assert response.status_code == 200
    if endpoint.content_type:
        assert response["Content-Type"].startswith(endpoint.content_type)
        assert _body(response)


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: f"{e.name}[{e.arg}]")
def test_member_of_the_cell_reads_but_does_not_write(endpoint, world, client, member_user):
    numbers, token = _numbers(), world["feed"].token
    client.force_login(member_user)
    response = _call(client, endpoint, _url(endpoint, world))
    assert response.status_code == endpoint.own_member
    assert _numbers() == numbers and CalendarFeed.objects.get().token == token


def test_officer_writes_take_effect(world, client, officer):
    """The allowed POSTs did their work: numbers allocated, the feed link replaced."""
    client.force_login(officer)
    draft, token = world["draft"], world["feed"].token
    client.post(reverse("meetings:issue_resolution", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.number  # "02-NQ/CB"-style number written on the resolution
    client.post(reverse("meetings:feed_link", args=[world["cell"].pk]))
    assert CalendarFeed.objects.get().token != token


# --- The ICS feed: the secret token is the key --------------------------------------------


def test_ics_feed_with_its_token_needs_no_login(world, client):
    response = client.get(reverse("meetings:feed", args=[world["feed"].token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VCALENDAR" in response.content


@pytest.mark.parametrize("persona", [None, "officer", "other_secretary", "other_member"])
def test_ics_feed_wrong_token_is_404(persona, world, client, request):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    wrong = world["feed"].token[:-1] + ("A" if world["feed"].token[-1] != "A" else "B")
    assert client.get(reverse("meetings:feed", args=[wrong])).status_code == 404


def test_ics_feed_revoked_token_is_404(world, client, secretary):
    old = world["feed"].token
    calendar_feed(world["cell"], by=secretary, regenerate=True)
    assert client.get(reverse("meetings:feed", args=[old])).status_code == 404
    new = CalendarFeed.objects.get().token
    assert client.get(reverse("meetings:feed", args=[new])).status_code == 200


def test_ics_feed_of_one_cell_lists_only_its_meetings(world, client, tree, officer):
    """A token opens one cell's calendar, never a neighbour's meetings."""
    other = calendar_feed(tree["cell_b"], by=officer)
    theirs_meeting = create_meeting(
        organization=tree["cell_b"], kind="periodic", planned_on=date(YEAR, 3, 9), by=officer
    )
    mine = client.get(reverse("meetings:feed", args=[world["feed"].token])).content.decode()
    theirs = client.get(reverse("meetings:feed", args=[other.token])).content.decode()
    assert f"UID:meeting-{world['meeting'].pk}@chibo" in mine
    assert f"UID:meeting-{theirs_meeting.pk}@chibo" not in mine
    assert f"UID:meeting-{world['meeting'].pk}@chibo" not in theirs
