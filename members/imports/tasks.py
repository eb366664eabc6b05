"""Background import: the jobs of an import and the django-tasks task that runs them.

`start_preview(upload, by=)` keeps the uploaded file and starts its check (a
`core.BackgroundJob`); `start_apply(job)` starts writing a checked file. Each runs
`run_job(job_id)` in the request for a small file, else enqueues `import_task` (a worker
runs it: `manage.py db_worker`, started by `make run`). Progress goes to the job as rows
are read.
"""

import logging
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django_tasks import task

from core import jobs
from core.models import BackgroundJob, JobState

from .layout import INLINE_MAX_ROWS, MEMBER_SHEET, ORG_SHEET
from .reading import FileProblem, find_sheet, open_workbook, rows_guess
from .writing import run_import

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from accounts.models import User

logger = logging.getLogger(__name__)
KIND = "members.import"
PREVIEW, APPLY = "preview", "apply"


def run_job(job_id: int) -> dict:
    job = BackgroundJob.objects.select_related("created_by").get(pk=job_id)
    apply = job.step == APPLY
    jobs.set_state(
        job,
        JobState.RUNNING,
        message=_("Đang ghi vào cơ sở dữ liệu") if apply else _("Đang kiểm tra"),
    )

    def progress(done: int, total: int) -> None:
        jobs.report_progress(job, done, total=total)

    try:
        report = run_import(job.file_path, user=job.created_by, apply=apply, progress=progress)
    except Exception:
        logger.exception("import job %s failed", job_id)
        jobs.fail(job, _("Lỗi hệ thống khi xử lý tệp; không có thay đổi nào được ghi."))
        jobs.remove_file(job)
        return {"applied": False, "failed": True}
    report["file_name"] = job.file_name
    report["step"] = job.step
    if apply and report["applied"]:
        message = _("Đã nhập xong.")
    elif report["file_error"] or report["problem_count"]:
        message = _("Tệp có lỗi; không có thay đổi nào được ghi.")
    else:
        message = _("Đã kiểm tra xong.")
    jobs.finish(job, report, message=message)
    if apply or report["file_error"] or report["problem_count"]:
        jobs.remove_file(job)
    return {"applied": report["applied"], "problems": report["problem_count"]}


@task()
def import_task(job_id: int) -> dict:
    return run_job(job_id)


def _save_upload(upload: "UploadedFile") -> Path:
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


def _run(job: BackgroundJob) -> BackgroundJob:
    """Small files inline, in this request; the rest by the worker."""
    if job.total <= INLINE_MAX_ROWS:
        run_job(job.pk)
    else:
        import_task.enqueue(job.pk)
    job.refresh_from_db()
    return job


def start_preview(upload: "UploadedFile", *, by: "User") -> BackgroundJob:
    """Keep the uploaded workbook and check it (nothing is written to the register)."""
    if not by.has_perm("members.import_members"):
        raise PermissionDenied(_("Đồng chí không có quyền nhập danh sách đảng viên."))
    path = _save_upload(upload)
    job = jobs.start_job(
        KIND,
        by=by,
        step=PREVIEW,
        total=_rows_in(path),
        file_path=str(path),
        file_name=Path(upload.name or "").name[:255],
    )
    return _run(job)


def ready_to_apply(job: BackgroundJob) -> bool:
    """A finished check of a file still kept, with no problem found."""
    report = job.result or {}
    return (
        job.state == JobState.DONE
        and job.step == PREVIEW
        and not report.get("file_error")
        and not report.get("problem_count")
        and Path(job.file_path).exists()
    )


def start_apply(job: BackgroundJob) -> BackgroundJob:
    """Write a checked file (all or nothing: the apply checks it again)."""
    if not (job.state == JobState.DONE and job.step == PREVIEW and Path(job.file_path).exists()):
        raise ValidationError(_("Lần nhập này không thể xác nhận (đã ghi, có lỗi hoặc hết hạn)."))
    job.step = APPLY
    job.state = JobState.QUEUED
    job.progress = 0
    job.save(update_fields=["step", "state", "progress", "updated_at"])
    return _run(job)
