"""core.jobs: progress (row and sidecar), the polled partial, scope of a job."""

import pytest
from django.db import transaction

from core import jobs
from core.models import BackgroundJob, JobState


@pytest.fixture
def job(officer, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return jobs.start_job("test.kind", by=officer, step="preview", total=10)


@pytest.mark.django_db(transaction=True)
def test_progress_outside_a_transaction_goes_to_the_row(job, monkeypatch):
    monkeypatch.setattr(jobs, "PROGRESS_INTERVAL", 0)
    jobs.set_state(job, JobState.RUNNING)
    jobs.report_progress(job, 4)
    row = BackgroundJob.objects.get(pk=job.pk)
    assert (row.state, row.progress, row.percent) == (JobState.RUNNING, 4, 40)


def test_progress_inside_a_transaction_goes_to_the_sidecar(job, monkeypatch):
    monkeypatch.setattr(jobs, "PROGRESS_INTERVAL", 0)
    with transaction.atomic():
        jobs.set_state(job, JobState.RUNNING)
        jobs.report_progress(job, 7)
    row = BackgroundJob.objects.get(pk=job.pk)
    assert row.progress == 0  # the row was not touched
    assert jobs.live(row).progress == 7


def test_finish_and_fail_clear_the_sidecar(job):
    jobs.set_state(job, JobState.RUNNING)
    jobs.finish(job, {"ok": True}, message="xong")
    row = BackgroundJob.objects.get(pk=job.pk)
    assert row.is_finished and row.result == {"ok": True} and row.percent == 100
    assert not list(jobs.jobs_dir().glob(f"{job.pk}.*"))
    jobs.fail(row, "hỏng")
    assert BackgroundJob.objects.get(pk=job.pk).state == JobState.FAILED
