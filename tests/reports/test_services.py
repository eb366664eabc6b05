"""reports.services.start_annual_report: the writers start a report (a background job the
tests run at once); a reader who may not is refused with a reason and nothing starts."""

import pytest
from django.core.exceptions import PermissionDenied

from core.models import BackgroundJob, JobState
from reports import services, tasks
from reports.models import ReportFile

pytestmark = pytest.mark.django_db


def test_a_writer_starts_the_report_of_a_year(tree, officer):
    job = services.start_annual_report(tree["commune"], 2025, by=officer)
    assert (job.kind, job.step, job.created_by) == (tasks.KIND, "2025", officer)
    job.refresh_from_db()
    assert job.state == JobState.DONE  # the immediate backend ran the task
    report = ReportFile.objects.get()
    assert (report.organization, report.year) == (tree["commune"], 2025)


def test_a_reader_cannot_start_one(tree, inspector):
    with pytest.raises(PermissionDenied, match="không có quyền lập báo cáo năm"):
        services.start_annual_report(tree["commune"], 2025, by=inspector)
    assert not BackgroundJob.objects.exists()
    assert not ReportFile.objects.exists()
