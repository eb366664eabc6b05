from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    AdmissionCase,
    AdmissionTarget,
    Candidate,
    CaseDocument,
    CaseStep,
    FullMembershipCase,
    Sponsor,
)


@admin.register(Candidate)
class CandidateAdmin(SimpleHistoryAdmin):
    list_display = ("full_name", "cell", "state", "state_since")
    list_filter = ("state", "source")
    search_fields = ("search_name",)


@admin.register(AdmissionCase)
class AdmissionCaseAdmin(SimpleHistoryAdmin):
    """Read in the admin; stages change only through admissions.services.advance."""

    list_display = ("candidate", "cell", "stage", "outcome", "opened_on")
    list_filter = ("stage", "outcome")

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(FullMembershipCase)
class FullMembershipCaseAdmin(SimpleHistoryAdmin):
    list_display = ("member", "probation_ends_on", "stage", "outcome")

    def has_change_permission(self, request, obj=None):
        return False


admin.site.register([CaseStep, CaseDocument, Sponsor, AdmissionTarget], SimpleHistoryAdmin)
