from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CommitteeSeat, Member


@admin.register(Member)
class MemberAdmin(SimpleHistoryAdmin):
    list_display = ["full_name", "date_of_birth", "sex", "status", "organization"]
    list_filter = ["status", "sex"]
    search_fields = ["full_name", "search_name"]
    raw_id_fields = ["organization", "user"]


@admin.register(CommitteeSeat)
class CommitteeSeatAdmin(SimpleHistoryAdmin):
    list_display = ["member", "role", "committee", "starts_on", "ends_on"]
    raw_id_fields = ["member", "committee"]
