from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ScoringConfig, SupervisorAssignment


@admin.register(ScoringConfig)
class ScoringConfigAdmin(SimpleHistoryAdmin):
    """MTG-05: the weights of the 100-point score, per province (a configurable default)."""

    list_display = ["__str__", "preparation", "attendance", "conduct", "closing", "min_speakers"]


@admin.register(SupervisorAssignment)
class SupervisorAssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["organization", "member", "year"]
    list_filter = ["year"]
    raw_id_fields = ["organization", "member"]
