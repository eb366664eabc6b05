from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import PublicHoliday


@admin.register(PublicHoliday)
class PublicHolidayAdmin(SimpleHistoryAdmin):  # type: ignore[misc]  # untyped package
    list_display = ["date", "name", "kind", "note"]
    list_filter = ["kind"]
    search_fields = ["name", "note"]
    date_hierarchy = "date"
    ordering = ["date"]
