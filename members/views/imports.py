"""Import and export pages: upload → preview → confirm, the template, the export.

Thin: the checks and writes are in members.imports; progress is core.jobs'. Anyone who
may write some part of the tree ("members.import_members") may import into that part;
everybody else gets a 404, and a job is a 404 to anybody but the user who started it.
"""

import tempfile

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core import jobs
from core.exporters import XLSX_CONTENT_TYPE, content_disposition
from core.models import JobState
from core.views.write import ConfirmActionView, WriteFormView

from ..forms.imports import UploadForm
from ..imports import tasks
from ..imports.export import export_response
from ..imports.layout import INLINE_MAX_ROWS, MAX_FILE_BYTES
from ..imports.template import build_template


def _job(request, pk):
    return jobs.get_job_for(request.user, pk, kind=tasks.KIND)


def _next_page(job) -> str:
    if job.state == JobState.DONE or job.state == JobState.FAILED:
        return reverse("members:import_preview", args=[job.pk])
    return reverse("members:import_status", args=[job.pk])


class ImportStartView(WriteFormView):
    """Upload a workbook: it is kept and checked (the preview follows). Whoever may not
    import gets a 404 (the page does not exist for them)."""

    permission = "members.import_members"
    form_class = UploadForm
    template_name = "members/imports/start.html"

    def permission_denied(self):
        raise Http404

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "max_bytes": MAX_FILE_BYTES}

    def get_context_data(self, **kwargs):
        recent = jobs.jobs_for(self.request.user).filter(kind=tasks.KIND)[:5]
        return super().get_context_data(recent=recent, inline_max=INLINE_MAX_ROWS, **kwargs)

    def perform(self, form):
        job = tasks.start_preview(form.cleaned_data["file"], by=self.request.user)
        return _next_page(job)


import_start = ImportStartView.as_view()


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
    can_confirm = tasks.ready_to_apply(job)
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


class ImportConfirmView(ConfirmActionView):
    """Write a checked file (POST only); a job is a 404 to anybody but its owner."""

    permission = "members.import_members"

    def get_object(self):
        return _job(self.request, self.kwargs["pk"])

    def permission_denied(self):
        raise Http404

    def perform(self):
        return _next_page(tasks.start_apply(self.object))

    def get_error_url(self):
        return reverse("members:import_preview", args=[self.object.pk])


import_confirm = ImportConfirmView.as_view()


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
