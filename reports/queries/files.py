"""Scoped reads of the reports app: the kept report files a user may see."""

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from accounts.scope import org_read_filter

from ..models import ReportFile

if TYPE_CHECKING:
    from accounts.scope import RequestUser
    from organizations.models import Organization


def report_files_for(user: "RequestUser") -> QuerySet[ReportFile]:
    """Report files of the organizations the user reads (a 404 for the others)."""
    return ReportFile.objects.filter(org_read_filter(user, "organization__"))


def get_report_file_for(user: "RequestUser", pk: int) -> ReportFile:
    return get_object_or_404(report_files_for(user).select_related("organization"), pk=pk)


def files_of(user: "RequestUser", organization: "Organization") -> QuerySet[ReportFile]:
    return (
        report_files_for(user)
        .filter(organization=organization)
        .select_related("created_by", "organization")
    )
