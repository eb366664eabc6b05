"""Writes of the reports app: starting an annual report (a background job that builds the
DOCX, PDF and XLSX and keeps them as a ReportFile)."""

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from core import jobs
from core.models import BackgroundJob

from . import tasks

if TYPE_CHECKING:
    from accounts.models import User
    from organizations.models import Organization


def start_annual_report(organization: "Organization", year: int, *, by: "User") -> BackgroundJob:
    """Queue the annual report of `organization` for `year`; its progress is the
    returned job's."""
    if not by.has_perm("reports.start_annual_report", organization):
        raise PermissionDenied(_("Bạn không có quyền lập báo cáo năm của tổ chức này."))
    job = jobs.start_job(tasks.KIND, by=by, step=str(year), total=tasks.TOTAL)
    tasks.annual_report_task.enqueue(job.pk, organization.pk, year)
    return job
