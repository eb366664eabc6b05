"""core.jobs: progress (row and sidecar), the polled partial, scope of a job."""

import pytest
from django.db import transaction
from django.urls import reverse

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


def test_status_partial_polls_then_redirects(job, login, officer):
    client = login(officer)
    url = reverse("core_jobs:status", args=[job.pk]) + "?next=/members/"
    html = client.get(url).content.decode()
    assert 'hx-trigger="every 1s"' in html and "<progress" in html
    jobs.finish(job, {})
    response = client.get(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 204 and response["HX-Redirect"] == "/members/"
    # Another host is never a target.
    response = client.get(
        reverse("core_jobs:status", args=[job.pk]) + "?next=https://evil.example/",
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and "HX-Redirect" not in response


def test_status_scope(job, client, login, outsider, admin_user):
    url = reverse("core_jobs:status", args=[job.pk])
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert login(outsider).get(url).status_code == 404
    assert login(admin_user).get(url).status_code == 404


def test_ids_in_urls_are_not_localized(officer, login, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    job = BackgroundJob.objects.create(kind="k", created_by=officer, pk=1234)
    html = login(officer).get(reverse("core_jobs:status", args=[job.pk])).content.decode()
    assert "/jobs/1234/" in html and "1.234" not in html
