"""Attached documents, biên bản and nghị quyết (DOC-01, DOC-02), signed scans."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.documents import DOCX_CONTENT_TYPE, PDF_CONTENT_TYPE
from core.views.write import ConfirmActionView, Saved

from ..documents import minutes as documents
from ..forms import DocumentForm, ScanForm
from ..models import Meeting, Resolution
from ..queries.documents import get_document_for
from ..queries.resolutions import get_resolution_for
from ..queries.scans import get_scan_for
from ..queries.scope import get_meeting_for
from ..services import documents as services
from .common import MeetingFormView, writer


class DocumentUploadView(MeetingFormView[DocumentForm]):
    form_class = DocumentForm
    title = gettext_lazy("Đính kèm tài liệu")
    multipart = True
    success_message = gettext_lazy("Đã đính kèm tài liệu.")

    def perform(self, form: DocumentForm) -> Saved:
        services.attach_document(self.meeting, by=writer(self.request), **form.cleaned_data)
        return self.meeting


@login_required
def document_download(request, pk):
    document = get_document_for(request.user, pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=document.file.name.rsplit("/", 1)[-1])


# --- Documents (DOC-01, DOC-02) ----------------------------------------------------------


def document_response(data: bytes, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(
        data, content_type=PDF_CONTENT_TYPE if fmt == "pdf" else DOCX_CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@login_required
def minutes_document(request, pk, fmt):
    meeting = get_meeting_for(request.user, pk)
    if not meeting.is_held:
        raise Http404
    data = documents.render(documents.minutes_context(meeting), fmt)
    return document_response(data, fmt, f"bien-ban-{meeting.on:%Y-%m-%d}")


@login_required
def resolution_document(request, pk, fmt):
    resolution = get_resolution_for(request.user, pk)
    data = documents.render(documents.resolution_context(resolution), fmt)
    return document_response(data, fmt, f"nghi-quyet-{resolution.meeting.on:%Y-%m-%d}")


class IssueMinutesView(ConfirmActionView[Meeting]):
    """Allocate the biên bản's number (DOC-01)."""

    permission = "meetings.change_meeting"

    def get_object(self) -> Meeting:
        return get_meeting_for(self.request.user, self.kwargs["pk"])

    def perform(self) -> Saved:
        number = services.issue_minutes(self.object, by=writer(self.request))
        return number

    def get_success_message(self, saved: Saved) -> str:
        number = getattr(saved, "number", 0)
        return _("Biên bản đã được cấp số %(n)s.") % {"n": f"{number:02d}"}

    def get_success_url(self) -> str:
        return self.object.get_absolute_url()


class IssueResolutionView(ConfirmActionView[Resolution]):
    """Allocate the nghị quyết's number (DOC-01) and write it on the resolution."""

    def get_object(self) -> Resolution:
        return get_resolution_for(self.request.user, self.kwargs["pk"])

    def has_permission(self, obj: Resolution) -> bool:
        return self.request.user.has_perm("meetings.change_meeting", obj.meeting)

    def perform(self) -> Saved:
        services.issue_resolution(self.object, by=writer(self.request))
        return self.object.meeting

    def get_success_message(self, saved: Saved) -> str:
        return _("Nghị quyết đã được cấp số %(n)s.") % {"n": self.object.number}

    def get_error_url(self) -> str:
        return self.object.meeting.get_absolute_url()


# --- Signed scans: uploaded back, archived, served only from here -------------------------


class MinutesScanView(MeetingFormView[ScanForm]):
    """The signed scan of the meeting's biên bản."""

    form_class = ScanForm
    title = gettext_lazy("Lưu bản ký của biên bản")
    multipart = True
    success_message = gettext_lazy("Đã lưu bản ký.")
    resolution: Resolution | None = None

    def perform(self, form: ScanForm) -> Saved:
        services.upload_signed_scan(
            self.meeting,
            by=writer(self.request),
            file=form.cleaned_data["file"],
            resolution=self.resolution,
        )
        return self.meeting


class ResolutionScanView(MinutesScanView):
    """The signed scan of a nghị quyết: the meeting's writers, asked of its meeting."""

    def get_object(self) -> Meeting:
        self.resolution = get_resolution_for(self.request.user, self.kwargs["pk"])
        return self.resolution.meeting

    def get_title(self) -> str | Promise:
        assert self.resolution is not None
        return _("Lưu bản ký của nghị quyết %(n)s") % {
            "n": self.resolution.number or self.resolution.title
        }


@login_required
def scan_download(request, pk):
    """A signed scan, only for those who read the meeting (404 for anyone else)."""
    scan = get_scan_for(request.user, pk)
    try:
        handle = scan.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    kind = "nghi-quyet" if scan.resolution_id else "bien-ban"
    response = FileResponse(
        handle,
        content_type=scan.content_type,
        filename=f"{kind}-{scan.number.number:02d}-ban-ky.{scan.extension}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


document_upload = DocumentUploadView.as_view()
issue_minutes = IssueMinutesView.as_view()
issue_resolution = IssueResolutionView.as_view()
minutes_scan = MinutesScanView.as_view()
resolution_scan = ResolutionScanView.as_view()
