"""The progress of a background job, polled by htmx (`core/_job_progress.html`)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from core.jobs import get_job_for, live


@login_required
def job_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress partial; once the job is finished, htmx is sent on to `next`."""
    job = live(get_job_for(request.user, pk))
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    if job.is_finished and next_url and request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = next_url
        return response
    return render(request, "core/_job_progress.html", {"job": job, "next_url": next_url})
