"""Long work with visible progress: `BackgroundJob` rows, their progress and their scope.

A view creates the job (`start_job`), enqueues a django-tasks task with the job's id and
shows `core/_job_progress.html`, which polls `core_jobs:status` every second (htmx) and
moves to the page named by `next` when the job is finished. The task reports progress
with `report_progress(job, done)` and ends with `finish(job, result)` or `fail(job, msg)`.

Progress is written to the row when no transaction is open, and always to a sidecar file
`<VAR_DIR>/jobs/<id>.json`: work that runs inside one long transaction (an all-or-nothing
import) cannot make its row's updates visible before it commits, and on SQLite another
connection could not write the row at all while that transaction holds the write lock.
Writes are throttled (at most one per `PROGRESS_INTERVAL` seconds).

Jobs are private to the user who started them: `get_job_for(user, pk)` is a 404 for
anybody else (system administrators included: a job can hold a whole file's data).
"""

import json
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import connection, models
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import BackgroundJob, JobState

if TYPE_CHECKING:
    # django-stubs' placeholders for the project's user model (AUTH_USER_MODEL), which its
    # mypy plugin resolves: core imports no app above it.
    from django.contrib.auth.models import _AnyUser, _User

PROGRESS_INTERVAL = 0.5  # seconds between two progress writes
_last_write: dict[int, float] = {}


def jobs_dir() -> Path:
    path = Path(settings.VAR_DIR) / "jobs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def uploads_dir() -> Path:
    """Where uploaded files wait for their job (not under MEDIA_ROOT: never served)."""
    path = Path(settings.VAR_DIR) / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def jobs_for(user: "_AnyUser") -> models.QuerySet[BackgroundJob]:
    if not user.is_authenticated:
        return BackgroundJob.objects.none()
    return BackgroundJob.objects.filter(created_by=user)


def get_job_for(user: "_AnyUser", pk: int | str, *, kind: str | None = None) -> BackgroundJob:
    jobs = jobs_for(user)
    if kind is not None:
        jobs = jobs.filter(kind=kind)
    return get_object_or_404(jobs, pk=pk)


def start_job(
    kind: str, *, by: "_User", step: str = "", total: int = 0, **fields: Any
) -> BackgroundJob:
    return BackgroundJob.objects.create(kind=kind, step=step, total=total, created_by=by, **fields)


def _sidecar(job_id: int) -> Path:
    return jobs_dir() / f"{job_id}.json"


def _write_sidecar(job: BackgroundJob) -> None:
    data = {
        "state": job.state,
        "step": job.step,
        "progress": job.progress,
        "total": job.total,
        "message": job.message,
    }
    target = _sidecar(job.pk)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, target)


def _save_row(job: BackgroundJob, fields: list[str]) -> None:
    if connection.in_atomic_block:
        return  # invisible until commit (and blocking on SQLite): the sidecar carries it
    BackgroundJob.objects.filter(pk=job.pk).update(
        **{name: getattr(job, name) for name in fields}, updated_at=timezone.now()
    )


def set_state(
    job: BackgroundJob,
    state: str,
    *,
    step: str | None = None,
    total: int | None = None,
    message: str = "",
) -> None:
    """Move the job to `state` (and `step`), progress back to 0."""
    job.state = state
    if step is not None:
        job.step = step
    if total is not None:
        job.total = total
    job.progress = 0
    job.message = message
    _write_sidecar(job)
    _save_row(job, ["state", "step", "total", "progress", "message"])
    _last_write[job.pk] = time.monotonic()


def report_progress(
    job: BackgroundJob, done: int, *, total: int | None = None, message: str | None = None
) -> None:
    """Record that `done` units (rows) are done; cheap enough to call for every chunk."""
    job.progress = done
    if total is not None:
        job.total = total
    if message is not None:
        job.message = message
    now = time.monotonic()
    if now - _last_write.get(job.pk, 0.0) < PROGRESS_INTERVAL:
        return
    _last_write[job.pk] = now
    _write_sidecar(job)
    _save_row(job, ["progress", "total", "message"])


def finish(job: BackgroundJob, result: dict[str, Any], *, message: str = "") -> None:
    job.state = JobState.DONE
    job.result = result
    job.message = message
    job.progress = job.total or job.progress
    job.finished_at = timezone.now()
    job.save()
    _forget(job)


def fail(job: BackgroundJob, message: str, *, result: dict[str, Any] | None = None) -> None:
    job.state = JobState.FAILED
    job.message = message[:500]
    if result is not None:
        job.result = result
    job.finished_at = timezone.now()
    job.save()
    _forget(job)


def _forget(job: BackgroundJob) -> None:
    _last_write.pop(job.pk, None)
    _sidecar(job.pk).unlink(missing_ok=True)


def live(job: BackgroundJob) -> BackgroundJob:
    """The job with its latest progress (from the sidecar while it runs)."""
    if job.is_finished:
        return job
    try:
        data = json.loads(_sidecar(job.pk).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return job
    for name in ("state", "step", "progress", "total", "message"):
        if name in data:
            setattr(job, name, data[name])
    return job


def remove_file(job: BackgroundJob) -> None:
    """Delete the job's uploaded file (after the work that needed it)."""
    if job.file_path:
        Path(job.file_path).unlink(missing_ok=True)
