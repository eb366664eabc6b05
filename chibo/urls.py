from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("reports.urls.home")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("accounts.urls")),
    path("organizations/", include("organizations.urls")),
    path("organizations/", include("members.urls.seats")),
    path("members/", include("members.urls.register")),
    path("meetings/statistics/", include("meetings.urls.statistics")),
    path("meetings/", include("meetings.urls.meetings")),
    path("admissions/", include("admissions.urls")),
    path("reviews/", include("reviews.urls")),
    path("discipline/", include("discipline.urls")),
    path("training/", include("training.urls")),
    path("reports/", include("reports.urls.reports")),
    path("api/v1/", include("api.urls")),
    path("holidays/", include("core.urls.holidays")),
    path("jobs/", include("core.urls.jobs")),
    path("django-admin/", admin.site.urls),
]

# Uploaded files (photos, scans, attachments) are never served from MEDIA_URL: each has
# a scoped download view, so a file outside the user's part of the tree is a 404 too.
