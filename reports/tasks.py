"""Background generation of the annual report: a django-tasks task that builds each
section (progress after each one), then the DOCX, PDF and XLSX, and keeps them as a
ReportFile. The view creates the core.BackgroundJob and enqueues `annual_report_task`."""

import logging

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from django_tasks import task

from core import jobs
from core.models import BackgroundJob, JobState
from organizations.models import Organization

from .documents import annual as documents
from .models import ReportFile, ReportKind
from .queries import annual

logger = logging.getLogger(__name__)
KIND = "reports.annual"
FILE_STEPS = 3  # DOCX, PDF, XLSX
TOTAL = len(annual.SECTIONS) + FILE_STEPS


def run_annual_report(job_id: int, organization_id: int, year: int) -> dict:
    job = BackgroundJob.objects.select_related("created_by").get(pk=job_id)
    organization = Organization.objects.get(pk=organization_id)
    jobs.set_state(job, JobState.RUNNING, total=TOTAL, message=_("Đang tổng hợp số liệu"))
    try:
        sections = []
        for done, (_key, build) in enumerate(annual.SECTIONS, start=1):
            section = build(organization, year)
            sections.append(section)
            jobs.report_progress(job, done, message=section.title)
        done = len(sections)
        header = documents.header(organization, year, by=job.created_by)
        charts = documents.charts_of(sections)
        docx = documents.build_docx(header, year, sections, charts)
        jobs.report_progress(job, done + 1, message=_("Đang tạo tệp PDF"))
        pdf = documents.build_pdf(header, year, sections, charts)
        jobs.report_progress(job, done + 2, message=_("Đang tạo phụ lục XLSX"))
        xlsx = documents.build_xlsx(organization, year, sections)
        base = f"bao-cao-{year}-{organization.pk}"
        report = ReportFile(
            kind=ReportKind.ANNUAL,
            organization=organization,
            year=year,
            number_line=header.number_line,
            job=job,
            created_by=job.created_by,
        )
        report.docx.save(f"{base}.docx", ContentFile(docx), save=False)
        report.pdf.save(f"{base}.pdf", ContentFile(pdf), save=False)
        report.xlsx.save(f"{base}-phu-luc.xlsx", ContentFile(xlsx), save=False)
        report.save()
    except Exception:
        logger.exception("annual report job %s failed", job_id)
        jobs.fail(job, _("Lỗi hệ thống khi tạo báo cáo; chưa có tệp nào được lưu."))
        return {"failed": True}
    jobs.finish(job, {"report": report.pk}, message=_("Đã tạo xong báo cáo."))
    return {"report": report.pk}


@task()
def annual_report_task(job_id: int, organization_id: int, year: int) -> dict:
    return run_annual_report(job_id, organization_id, year)
