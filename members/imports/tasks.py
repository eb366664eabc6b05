"""Background import: the django-tasks task that runs a preview or an apply for a job.

The view creates the `core.BackgroundJob` (with the uploaded file's path) and either calls
`run_job(job_id)` itself (small files) or enqueues `import_task` (a worker runs it:
`manage.py db_worker`, started by `make run`). Progress goes to the job as rows are read.
"""

import logging

from django.utils.translation import gettext as _
from django_tasks import task

from core import jobs
from core.models import BackgroundJob, JobState

from .writing import run_import

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
