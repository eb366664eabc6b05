"""STA-01 statistics pages: the tables of a subtree on a date, and their XLSX (one sheet
per table). Thin views over reports.membership; an organization outside the user's
reach is a 404. Read-only: every persona that reads the organization sees the page.

The annual report page: start a report for a year (a background job; those who may
write for the organization), watch its progress, list and download the kept files
(everyone who reads the organization). A member or an outsider gets a 404."""

from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts.scope import can_write_org
from core import jobs
from core.documents import DOCX_CONTENT_TYPE, PDF_CONTENT_TYPE
from core.exporters import INTEGER, PERCENT, XLSX_CONTENT_TYPE, Column, Sheet, xlsx_response
from organizations.queries import get_organization_for, tree_roots_for

from . import queries, tasks
from .forms import AnnualReportForm, StatisticsForm
from .membership import Row, membership_tables


def _first_root(user):
    roots = tree_roots_for(user)
    if not roots:
        raise Http404
    return roots[0]


@login_required
def home(request):
    return redirect("reports:membership", _first_root(request.user).pk)


def _form(request, org):
    data = request.GET.copy()
    data["organization"] = data.get("organization") or str(org.pk)
    return StatisticsForm(data, user=request.user)


@login_required
def membership(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    form = _form(request, org)
    picked = form.picked_organization()
    if picked is not None and picked.pk != org.pk:
        query = request.GET.copy()
        query.pop("organization", None)
        url = reverse("reports:membership", args=[picked.pk])
        return redirect(f"{url}?{query.urlencode()}" if query else url)
    on = form.statistics_date()
    return render(
        request,
        "reports/membership.html",
        {"org": org, "form": form, "on": on, "tables": membership_tables(org, on)},
    )


def _total_row(total: int) -> Row:
    return Row("total", _("Tổng số"), total, Decimal(1) if total else None)


SHEET_COLUMNS = [
    Column(gettext_lazy("Chỉ tiêu"), "label", width=40),
    Column(gettext_lazy("Số lượng"), "count", INTEGER),
    Column(gettext_lazy("Tỷ lệ"), "share", PERCENT),
]


@login_required
def membership_export(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    on = _form(request, org).statistics_date()
    day = on.strftime("%d/%m/%Y")
    sheets = [
        Sheet(
            _("%(title)s (đến ngày %(day)s)") % {"title": table.title, "day": day},
            SHEET_COLUMNS,
            [*table.rows, _total_row(table.total)],
            organization=org.name,
            name=table.title,
        )
        for table in membership_tables(org, on)
    ]
    return xlsx_response(
        sheets, filename=_("Thống kê đảng viên %(day)s.xlsx") % {"day": on.strftime("%d-%m-%Y")}
    )


# --- the annual report --------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def annual(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    can_start = can_write_org(request.user, org)
    if request.method == "POST":
        if not can_start:
            raise PermissionDenied
        form = AnnualReportForm(request.POST)
        if form.is_valid():
            year = form.cleaned_data["year"]
            job = jobs.start_job(tasks.KIND, by=request.user, step=str(year), total=tasks.TOTAL)
            tasks.annual_report_task.enqueue(job.pk, org.pk, year)
            url = reverse("reports:annual", args=[org.pk])
            return redirect(f"{url}?job={job.pk}")
    else:
        form = AnnualReportForm()
    job = None
    if job_pk := request.GET.get("job", ""):
        if not job_pk.isdigit():
            raise Http404
        job = jobs.live(jobs.get_job_for(request.user, int(job_pk), kind=tasks.KIND))
    return render(
        request,
        "reports/annual.html",
        {
            "org": org,
            "form": form,
            "can_start": can_start,
            "job": job,
            "files": queries.files_of(request.user, org)[:50],
            "job_url": f"{reverse('reports:annual', args=[org.pk])}?job={job.pk}" if job else "",
        },
    )


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
