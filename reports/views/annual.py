"""The annual report page: start a report for a year (a background job; those who hold
"reports.start_annual_report"), watch its progress, list and download the kept files
(everyone who reads the organization). A member or an outsider gets a 404."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from core import jobs
from core.documents import DOCX_CONTENT_TYPE, PDF_CONTENT_TYPE
from core.exporters import XLSX_CONTENT_TYPE
from core.views.write import WriteFormView
from organizations.queries import get_organization_for

from .. import services, tasks
from ..forms import AnnualReportForm
from ..queries import files as queries


class AnnualReportView(WriteFormView):
    """The page of an organization's annual reports: readers see the kept files and a
    running job's progress; POST (the form) is for those who hold
    "reports.start_annual_report" (a reader's POST is 403)."""

    form_class = AnnualReportForm
    template_name = "reports/annual.html"
    permission = "reports.start_annual_report"

    def get_object(self):
        return get_organization_for(self.request.user, self.kwargs["org_pk"])

    def has_permission(self, obj):
        return self.request.method != "POST" or super().has_permission(obj)

    def get_context_data(self, **kwargs):
        org = self.object
        job = None
        if job_pk := self.request.GET.get("job", ""):
            if not job_pk.isdigit():
                raise Http404
            job = jobs.live(jobs.get_job_for(self.request.user, int(job_pk), kind=tasks.KIND))
        return super().get_context_data(
            org=org,
            can_start=self.request.user.has_perm(self.permission, org),
            job=job,
            files=queries.files_of(self.request.user, org)[:50],
            job_url=f"{reverse('reports:annual', args=[org.pk])}?job={job.pk}" if job else "",
            **kwargs,
        )

    def perform(self, form):
        job = services.start_annual_report(
            self.object, form.cleaned_data["year"], by=self.request.user
        )
        return f"{reverse('reports:annual', args=[self.object.pk])}?job={job.pk}"


annual = AnnualReportView.as_view()


FORMATS = {
    "docx": ("docx", DOCX_CONTENT_TYPE),
    "pdf": ("pdf", PDF_CONTENT_TYPE),
    "xlsx": ("xlsx", XLSX_CONTENT_TYPE),
}


@login_required
def report_file(request, pk, fmt):
    """A kept file, served only to those who read the organization (never a media URL)."""
    report = queries.get_report_file_for(request.user, pk)
    if fmt not in FORMATS:
        raise Http404
    field_name, content_type = FORMATS[fmt]
    stored = getattr(report, field_name)
    if not stored:
        raise Http404
    name = _("Báo cáo năm %(year)s - %(org)s.%(ext)s") % {
        "year": report.year,
        "org": report.organization.name,
        "ext": fmt,
    }
    if fmt == "xlsx":
        name = _("Phụ lục số liệu năm %(year)s - %(org)s.xlsx") % {
            "year": report.year,
            "org": report.organization.name,
        }
    return FileResponse(
        stored.open("rb"), as_attachment=True, filename=name, content_type=content_type
    )
