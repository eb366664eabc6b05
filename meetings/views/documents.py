"""Attached documents, biên bản and nghị quyết (DOC-01, DOC-02), signed scans."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.documents import DOCX_CONTENT_TYPE, PDF_CONTENT_TYPE
from core.forms import apply_errors

from .. import documents, queries, services
from ..forms import DocumentForm, ScanForm
from ..models import MeetingDocument, Resolution, SignedScan
from .common import _meeting, _writable


@login_required
def document_upload(request, pk):
    meeting = _meeting(request, pk, write=True)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.attach_document(meeting, by=request.user, **form.cleaned_data)
        messages.success(request, _("Đã đính kèm tài liệu."))
        return redirect(meeting)
    return render(
        request,
        "meetings/form.html",
        {
            "form": form,
            "meeting": meeting,
            "org": meeting.organization,
            "title": _("Đính kèm tài liệu"),
            "multipart": True,
        },
    )


@login_required
def document_download(request, pk):
    document = get_object_or_404(
        MeetingDocument.objects.filter(meeting__in=queries.meetings_for(request.user)), pk=pk
    )
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=document.file.name.rsplit("/", 1)[-1])


# --- Documents (DOC-01, DOC-02) ----------------------------------------------------------


def _document_response(data: bytes, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(
        data, content_type=PDF_CONTENT_TYPE if fmt == "pdf" else DOCX_CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@login_required
def minutes_document(request, pk, fmt):
    meeting = _meeting(request, pk)
    if not meeting.is_held:
        raise Http404
    data = documents.render(documents.minutes_context(meeting), fmt)
    return _document_response(data, fmt, f"bien-ban-{meeting.on:%Y-%m-%d}")


@login_required
def resolution_document(request, pk, fmt):
    resolution = get_object_or_404(
        Resolution.objects.select_related("meeting__organization", "meeting__chair").filter(
            meeting__in=queries.meetings_for(request.user)
        ),
        pk=pk,
    )
    data = documents.render(documents.resolution_context(resolution), fmt)
    return _document_response(data, fmt, f"nghi-quyet-{resolution.meeting.on:%Y-%m-%d}")


@login_required
@require_POST
def issue_minutes(request, pk):
    meeting = _meeting(request, pk, write=True)
    try:
        number = services.issue_minutes(meeting, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Biên bản đã được cấp số %(n)s.") % {"n": f"{number.number:02d}"}
        )
    return redirect(meeting)


@login_required
@require_POST
def issue_resolution(request, pk):
    resolution = get_object_or_404(
        Resolution.objects.select_related("meeting__organization").filter(
            meeting__in=queries.meetings_for(request.user)
        ),
        pk=pk,
    )
    _writable(request, resolution.meeting.organization)
    services.issue_resolution(resolution, by=request.user)
    messages.success(request, _("Nghị quyết đã được cấp số %(n)s.") % {"n": resolution.number})
    return redirect(resolution.meeting)


# --- Signed scans (issue 4, item 4): uploaded back, archived, served only from here ------


def _scan_form_page(request, meeting, form, title):
    return render(
        request,
        "meetings/form.html",
        {
            "form": form,
            "meeting": meeting,
            "org": meeting.organization,
            "title": title,
            "multipart": True,
        },
    )


def _upload_scan(request, meeting, resolution, title):
    form = ScanForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.upload_signed_scan(
                meeting, by=request.user, file=form.cleaned_data["file"], resolution=resolution
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã lưu bản ký."))
            return redirect(meeting)
    return _scan_form_page(request, meeting, form, title)


@login_required
def minutes_scan(request, pk):
    meeting = _meeting(request, pk, write=True)
    return _upload_scan(request, meeting, None, _("Lưu bản ký của biên bản"))


@login_required
def resolution_scan(request, pk):
    resolution = get_object_or_404(
        Resolution.objects.select_related("meeting__organization").filter(
            meeting__in=queries.meetings_for(request.user)
        ),
        pk=pk,
    )
    _writable(request, resolution.meeting.organization)
    title = _("Lưu bản ký của nghị quyết %(n)s") % {"n": resolution.number or resolution.title}
    return _upload_scan(request, resolution.meeting, resolution, title)


@login_required
def scan_download(request, pk):
    """A signed scan, only for those who read the meeting (404 for anyone else)."""
    scan = get_object_or_404(
        SignedScan.objects.filter(meeting__in=queries.meetings_for(request.user)), pk=pk
    )
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
