"""Import and export pages: upload → preview → confirm, the template, the export.

Thin: the checks and writes are in members.imports; progress is core.jobs'. Anyone who
may write some part of the tree ("members.import_members") may import into that part;
everybody else gets a 404, and a job is a 404 to anybody but the user who started it.
"""

import tempfile
import uuid
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import jobs
from core.exporters import XLSX_CONTENT_TYPE, content_disposition
from core.models import JobState

from ..forms.imports import UploadForm
from ..imports import tasks
from ..imports.export import export_response
from ..imports.layout import INLINE_MAX_ROWS, MAX_FILE_BYTES, MEMBER_SHEET, ORG_SHEET
from ..imports.reading import FileProblem, find_sheet, open_workbook, rows_guess
from ..imports.template import build_template


def _job(request, pk):
    return jobs.get_job_for(request.user, pk, kind=tasks.KIND)


def _save_upload(upload) -> Path:
    target = jobs.uploads_dir() / f"{uuid.uuid4().hex}.xlsx"
    with target.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return target


def _rows_in(path: Path) -> int:
    """Rows the file announces (0 if it cannot be opened: the preview will say why)."""
    try:
        workbook = open_workbook(path)
    except FileProblem:
        return 0
    try:
        total = 0
        for name in (ORG_SHEET, MEMBER_SHEET):
            ws = find_sheet(workbook, name)
            if ws is not None:
                total += (rows_guess(ws)) - 1
        return max(total, 0)
    finally:
        workbook.close()


def _run(job) -> None:
    """Small files inline, in this request; the rest by the worker."""
    if job.total <= INLINE_MAX_ROWS:
        tasks.run_job(job.pk)
    else:
        tasks.import_task.enqueue(job.pk)


def _next_page(job) -> str:
    if job.state == JobState.DONE or job.state == JobState.FAILED:
        return reverse("members:import_preview", args=[job.pk])
    return reverse("members:import_status", args=[job.pk])


@login_required
def import_start(request):
    if not request.user.has_perm("members.import_members"):
        raise Http404
    form = UploadForm(request.POST or None, request.FILES or None, max_bytes=MAX_FILE_BYTES)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        path = _save_upload(upload)
        job = jobs.start_job(
            tasks.KIND,
            by=request.user,
            step=tasks.PREVIEW,
            total=_rows_in(path),
            file_path=str(path),
            file_name=Path(upload.name).name[:255],
        )
        _run(job)
        job.refresh_from_db()
        return redirect(_next_page(job))
    recent = jobs.jobs_for(request.user).filter(kind=tasks.KIND)[:5]
    return render(
        request,
        "members/imports/start.html",
        {"form": form, "recent": recent, "inline_max": INLINE_MAX_ROWS},
    )


@login_required
def import_status(request, pk):
    job = jobs.live(_job(request, pk))
    if job.is_finished:
        return redirect("members:import_preview", pk)
    return render(
        request,
        "members/imports/status.html",
        {"job": job, "next_url": reverse("members:import_preview", args=[job.pk])},
    )


@login_required
def import_preview(request, pk):
    job = _job(request, pk)
    if not job.is_finished:
        return redirect("members:import_status", pk)
    report = job.result or {}
    problems = report.get("problems", [])
    sheets: dict[str, list] = {}
    for problem in problems:
        sheets.setdefault(problem["sheet"], []).append(problem)
    can_confirm = (
        job.state == JobState.DONE
        and job.step == tasks.PREVIEW
        and not report.get("file_error")
        and not report.get("problem_count")
        and Path(job.file_path).exists()
    )
    return render(
        request,
        "members/imports/preview.html",
        {
            "job": job,
            "report": report,
            "counts": report.get("counts", {}),
            "sheets": sheets,
            "shown": len(problems),
            "can_confirm": can_confirm,
        },
    )


@login_required
@require_POST
def import_confirm(request, pk):
    job = _job(request, pk)
    if not (
        job.state == JobState.DONE and job.step == tasks.PREVIEW and Path(job.file_path).exists()
    ):
        messages.error(request, _("Lần nhập này không thể xác nhận (đã ghi, có lỗi hoặc hết hạn)."))
        return redirect("members:import_preview", pk)
    job.step = tasks.APPLY
    job.state = JobState.QUEUED
    job.progress = 0
    job.save(update_fields=["step", "state", "progress", "updated_at"])
    _run(job)
    job.refresh_from_db()
    return redirect(_next_page(job))


@login_required
def import_template(request):
    if not request.user.has_perm("members.import_members"):
        raise Http404

    spool = tempfile.TemporaryFile(suffix=".xlsx")
    build_template(spool)
    size = spool.tell()
    spool.seek(0)
    response = FileResponse(spool, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition(_("Mẫu nhập đảng viên.xlsx"))
    response["Content-Length"] = str(size)
    return response


@login_required
def export_layout(request):
    """The user's members (and organizations) in the import layout."""
    if not request.user.has_perm("members.view_register"):
        raise Http404
    return export_response(request.user)
