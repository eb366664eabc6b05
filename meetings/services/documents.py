"""Attached documents, the ICS feed, numbers of biên bản and nghị quyết (DOC-01), signed scans."""

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from core.documents import DocType
from organizations.models import DocumentNumber
from organizations.services.numbering import next_number

from ..documents.minutes import issued, resolution_context
from ..enums import MeetingState
from ..models import (
    CalendarFeed,
    Meeting,
    MeetingDocument,
    Resolution,
    SignedScan,
)
from ..queries.scans import minutes_ref, resolution_ref
from .common import save

if TYPE_CHECKING:
    from accounts.models import User
    from organizations.models import Organization


@transaction.atomic
def attach_document(
    meeting: Meeting, *, by: "User", title: str, file: UploadedFile[bytes]
) -> MeetingDocument:
    if not by.has_perm("meetings.change_meeting", meeting):
        raise PermissionDenied(_("Bạn không có quyền ghi sinh hoạt của chi bộ này."))
    if not title.strip():
        title = getattr(file, "name", "") or _("Tài liệu")
    document = MeetingDocument(meeting=meeting, title=title.strip(), file=file, uploaded_by=by)
    save(document, by)
    return document


@transaction.atomic
def calendar_feed(
    organization: "Organization", *, by: "User", regenerate: bool = False
) -> CalendarFeed:
    """The cell's ICS feed token, created on first use; `regenerate` revokes the old link."""
    if not by.has_perm("meetings.plan_meetings", organization):
        raise PermissionDenied(_("Bạn không có quyền lập kế hoạch sinh hoạt của chi bộ này."))
    feed, created = CalendarFeed.objects.get_or_create(organization=organization)
    if regenerate and not created:
        feed.regenerate()
        feed.save()
    return feed


# --- Documents: numbers per type across the committee's term (DOC-01) -------------------


@transaction.atomic
def issue_minutes(meeting: Meeting, *, by: "User") -> DocumentNumber:
    """Allocate the biên bản number (idempotent: the same meeting keeps its number)."""
    if not by.has_perm("meetings.change_meeting", meeting):
        raise PermissionDenied(_("Bạn không có quyền ghi sinh hoạt của chi bộ này."))
    if meeting.state != MeetingState.HELD:
        raise ValidationError(_("Chỉ lập biên bản cho buổi sinh hoạt đã diễn ra."))
    assert meeting.held_on is not None  # a held meeting has its date
    return next_number(
        meeting.organization,
        DocType.BIEN_BAN,
        meeting.held_on,
        by=by,
        title=str(meeting),
        ref=minutes_ref(meeting),
    )


@transaction.atomic
def issue_resolution(resolution: Resolution, *, by: "User") -> DocumentNumber:
    """Allocate the nghị quyết number and write it on the resolution ("01-NQ/CB")."""
    meeting = resolution.meeting
    if not by.has_perm("meetings.change_meeting", meeting):
        raise PermissionDenied(_("Bạn không có quyền ghi sinh hoạt của chi bộ này."))
    assert meeting.held_on is not None  # resolutions are recorded at held meetings
    number = next_number(
        meeting.organization,
        DocType.NGHI_QUYET,
        meeting.held_on,
        by=by,
        title=resolution.title,
        ref=resolution_ref(resolution),
    )
    resolution.number = resolution_context(resolution)["doc"].number_line.removeprefix("Số ")
    save(resolution, by)
    return number


# --- Signed scans of numbered documents -----------------------------------------------

MAX_SCAN_BYTES = 20 * 1024 * 1024
# What the file starts with decides its type, not the name the browser sent.
SCAN_SIGNATURES = (
    (b"%PDF-", "application/pdf", ("pdf",)),
    (b"\xff\xd8\xff", "image/jpeg", ("jpg", "jpeg")),
    (b"\x89PNG\r\n\x1a\n", "image/png", ("png",)),
)
SCAN_EXTENSIONS = tuple(ext for _sig, _type, exts in SCAN_SIGNATURES for ext in exts)


def scan_content_type(file: UploadedFile[bytes]) -> str:
    """The content type of an uploaded scan (PDF, JPEG or PNG), checked against its first
    bytes, its extension and its size; a ValidationError on the `file` field otherwise."""
    size = getattr(file, "size", None) or 0
    if size <= 0:
        raise ValidationError({"file": _("Tệp rỗng.")})
    if size > MAX_SCAN_BYTES:
        raise ValidationError({"file": _("Tệp lớn hơn 20 MB.")})
    name = getattr(file, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    for signature, content_type, extensions in SCAN_SIGNATURES:
        if head.startswith(signature):
            if extension not in extensions:
                break
            return content_type
    raise ValidationError(
        {"file": _("Bản ký phải là tệp PDF hoặc ảnh JPG, PNG (đúng định dạng với đuôi tệp).")}
    )


def _number_of(meeting: Meeting, resolution: Resolution | None) -> DocumentNumber | None:
    if resolution is None:
        return issued(meeting.organization, DocType.BIEN_BAN, minutes_ref(meeting))
    return issued(meeting.organization, DocType.NGHI_QUYET, resolution_ref(resolution))


@transaction.atomic
def upload_signed_scan(
    meeting: Meeting, *, by: "User", file: UploadedFile[bytes], resolution: Resolution | None = None
) -> SignedScan:
    """Archive the signed scan of the meeting's biên bản (or of `resolution`). Only a
    numbered document has a signed original; a new upload replaces the current scan and
    the earlier ones stay in the history."""
    if not by.has_perm("meetings.change_meeting", meeting):
        raise PermissionDenied(_("Bạn không có quyền ghi sinh hoạt của chi bộ này."))
    if resolution is not None and resolution.meeting_id != meeting.pk:
        raise ValidationError(_("Nghị quyết không thuộc buổi sinh hoạt này."))
    number = _number_of(meeting, resolution)
    if number is None:
        raise ValidationError(
            _("Văn bản chưa được cấp số: cấp số, in, ký rồi mới lưu bản ký."), code="unnumbered"
        )
    content_type = scan_content_type(file)
    assert file.size is not None  # scan_content_type refuses a file without a size
    scan = SignedScan(
        meeting=meeting,
        resolution=resolution,
        number=number,
        file=file,
        original_name=(getattr(file, "name", "") or "")[-255:],
        content_type=content_type,
        size=file.size,
        uploaded_by=by if getattr(by, "is_authenticated", False) else None,
    )
    save(scan, by)
    return scan
