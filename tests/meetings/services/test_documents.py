"""The signed scan of a numbered biên bản or nghị quyết uploaded back and
archived (DOC-01): type and size checked, a random path under media, served only through
the scoped view (an outsider gets 404), replacing keeps the history."""

import re
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from meetings.enums import AttendanceStatus as S
from meetings.models import SignedScan
from meetings.services import documents as scan_services
from meetings.services.documents import issue_minutes, issue_resolution, upload_signed_scan
from meetings.services.resolutions import add_resolution
from tests.meetings.conftest import YEAR, held, mark

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def pdf(name="bien-ban-ky.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def meeting(cell, secretary, people, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    m = mark(held(cell, date(YEAR, 3, 5), by=secretary), secretary, {p: S.PRESENT for p in people})
    add_resolution(m, by=secretary, title="Nghị quyết tháng 3", votes_for=5)
    return m


@pytest.fixture
def numbered(meeting, secretary):
    issue_minutes(meeting, by=secretary)
    return meeting


def test_doc01_unnumbered_minutes_refused(meeting, secretary):
    with pytest.raises(ValidationError, match="chưa được cấp số"):
        upload_signed_scan(meeting, by=secretary, file=pdf())
    assert not SignedScan.objects.exists()


def test_doc01_scan_archived_under_a_random_path(numbered, secretary, tmp_path):
    scan = upload_signed_scan(numbered, by=secretary, file=pdf())
    assert scan.number.number == 1 and scan.resolution is None
    assert scan.content_type == "application/pdf" and scan.size == len(PDF)
    assert scan.uploaded_by == secretary and scan.original_name == "bien-ban-ky.pdf"
    path = scan.file.name
    assert path.startswith("meetings/scans/") and path.endswith(".pdf")
    # Only random characters: nothing names the cell, the meeting or the original file.
    assert re.fullmatch(r"meetings/scans/[0-9a-f]{4}/[A-Za-z0-9_-]{32}\.pdf", path), path
    assert (tmp_path / path).read_bytes() == PDF
    other = upload_signed_scan(numbered, by=secretary, file=pdf())
    assert other.file.name != path


def test_replacing_keeps_the_history(numbered, secretary, officer, client, login):
    first = upload_signed_scan(numbered, by=secretary, file=pdf())
    second = upload_signed_scan(numbered, by=officer, file=SimpleUploadedFile("ky.png", PNG))
    assert list(SignedScan.objects.filter(meeting=numbered)) == [second, first]
    login(secretary)
    html = client.get(numbered.get_absolute_url()).content.decode()
    assert "đã lưu bản ký" in html and "Officer" in html  # the current one: who
    assert timezone.localtime(second.uploaded_at).strftime("%d/%m/%Y") in html  # and when
    assert "1 bản trước đó" in html
    assert reverse("meetings:scan", args=[first.pk]) in html
    assert client.get(reverse("meetings:scan", args=[first.pk])).status_code == 200


WRONG_TYPE = "Bản ký phải là tệp PDF hoặc ảnh JPG, PNG"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("ban-ky.exe", b"MZ\x90\x00", WRONG_TYPE),
        ("ban-ky.pdf", b"<html><script>alert(1)</script></html>", WRONG_TYPE),  # not a PDF inside
        ("ban-ky.pdf", PNG, WRONG_TYPE),  # a PNG named .pdf
        ("ban-ky.jpg", PDF, WRONG_TYPE),  # a PDF named .jpg
        ("ban-ky", PDF, WRONG_TYPE),  # no extension
        ("ban-ky.pdf", b"", "Tệp rỗng"),
    ],
    ids=["exe", "html-named-pdf", "png-named-pdf", "pdf-named-jpg", "no-extension", "empty"],
)
def test_type_checked_on_the_bytes(numbered, secretary, name, content, message):
    with pytest.raises(ValidationError, match=message):
        upload_signed_scan(numbered, by=secretary, file=SimpleUploadedFile(name, content))
    assert not SignedScan.objects.exists()


@pytest.mark.parametrize("name, content", [("a.pdf", PDF), ("a.PNG", PNG), ("a.jpeg", JPEG)])
def test_pdf_and_images_accepted(numbered, secretary, name, content):
    scan = upload_signed_scan(numbered, by=secretary, file=SimpleUploadedFile(name, content))
    assert scan.content_type in {"application/pdf", "image/png", "image/jpeg"}


def test_size_checked(numbered, secretary, monkeypatch, client, login):
    monkeypatch.setattr(scan_services, "MAX_SCAN_BYTES", len(PDF) - 1)
    with pytest.raises(ValidationError, match="20 MB"):
        upload_signed_scan(numbered, by=secretary, file=pdf())
    monkeypatch.undo()
    login(secretary)
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (20 * 1024 * 1024))
    response = client.post(reverse("meetings:minutes_scan", args=[numbered.pk]), {"file": big})
    assert response.status_code == 200 and "Tệp lớn hơn 20 MB." in response.content.decode()
    assert not SignedScan.objects.exists()


def test_upload_through_the_page(numbered, secretary, client, login):
    login(secretary)
    url = reverse("meetings:minutes_scan", args=[numbered.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"file": pdf()})
    assert response.status_code == 302
    scan = SignedScan.objects.get()
    download = client.get(reverse("meetings:scan", args=[scan.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == PDF
    assert download["X-Content-Type-Options"] == "nosniff"
    # A bad file comes back on the form with the message beside the field.
    response = client.post(url, {"file": SimpleUploadedFile("x.pdf", b"not a pdf")})
    assert response.status_code == 200 and "Bản ký phải là tệp PDF" in response.content.decode()
    # The page never links to the media file itself.
    html = client.get(numbered.get_absolute_url()).content.decode()
    assert scan.file.name not in html and "/media/" not in html


def test_unnumbered_minutes_refused_on_the_page(meeting, secretary, client, login):
    login(secretary)
    response = client.post(reverse("meetings:minutes_scan", args=[meeting.pk]), {"file": pdf()})
    assert response.status_code == 200 and "chưa được cấp số" in response.content.decode()
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert 'data-testid="minutes-scans"' not in html  # no upload offered before a number


def test_resolution_scan_needs_the_issued_number(meeting, secretary, client, login):
    resolution = meeting.resolutions.get()
    resolution.number = "07-NQ/CB"  # typed by hand, never issued: no signed original
    resolution.save()
    with pytest.raises(ValidationError, match="chưa được cấp số"):
        upload_signed_scan(meeting, by=secretary, file=pdf(), resolution=resolution)
    issue_resolution(resolution, by=secretary)
    scan = upload_signed_scan(meeting, by=secretary, file=pdf(), resolution=resolution)
    assert scan.resolution == resolution and scan.number.doc_type == "NQ"
    login(secretary)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert 'data-testid="resolution-scans"' in html and "đã lưu bản ký" in html
    response = client.post(
        reverse("meetings:resolution_scan", args=[resolution.pk]),
        {"file": SimpleUploadedFile("nq.jpg", JPEG)},
    )
    assert response.status_code == 302 and resolution.signed_scans.count() == 2


def test_resolution_of_another_meeting_refused(numbered, cell, secretary):
    other = held(cell, date(YEAR, 4, 5), by=secretary)
    resolution = numbered.resolutions.get()
    issue_resolution(resolution, by=secretary)
    with pytest.raises(ValidationError, match="Nghị quyết không thuộc buổi sinh hoạt này"):
        upload_signed_scan(other, by=secretary, file=pdf(), resolution=resolution)


def test_only_writers_upload(numbered, member_user, inspector):
    for user in (member_user, inspector):
        with pytest.raises(PermissionDenied, match="không có quyền ghi sinh hoạt"):
            upload_signed_scan(numbered, by=user, file=pdf())


# (persona, download, upload page) for a scan of cell_a's minutes
PERSONAS = [
    ("secretary", 200, 200),
    ("officer", 200, 200),
    ("admin_user", 200, 200),
    ("inspector", 200, 403),
    ("member_user", 200, 403),
    ("other_secretary", 404, 404),
    ("outsider", 404, 404),
]


@pytest.mark.parametrize("name, download, upload", PERSONAS)
def test_scans_scoped_by_persona(name, download, upload, numbered, secretary, persona, client):
    scan = upload_signed_scan(numbered, by=secretary, file=pdf())
    resolution = numbered.resolutions.get()
    issue_resolution(resolution, by=secretary)
    client.force_login(persona(name))
    assert client.get(reverse("meetings:scan", args=[scan.pk])).status_code == download
    for url in (
        reverse("meetings:minutes_scan", args=[numbered.pk]),
        reverse("meetings:resolution_scan", args=[resolution.pk]),
    ):
        assert client.get(url).status_code == upload, url
        assert client.post(url, {"file": pdf()}).status_code in (
            {302} if upload == 200 else {upload}
        ), url


def test_anonymous_goes_to_login(numbered, secretary, client):
    scan = upload_signed_scan(numbered, by=secretary, file=pdf())
    response = client.get(reverse("meetings:scan", args=[scan.pk]))
    assert response.status_code == 302 and "login" in response["Location"]
