"""core.views.jobs: the polled progress partial of a background job, its redirect and scope."""

import pytest
from django.urls import reverse

from core import jobs
from core.models import BackgroundJob


@pytest.fixture
def job(officer, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return jobs.start_job("test.kind", by=officer, step="preview", total=10)


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
