"""The project's URLs plus /reports/ (until "reports" is included in chibo/urls.py)."""

from django.urls import include, path

urlpatterns = [
    path("reports/", include("reports.urls.reports")),
    path("", include("chibo.urls")),
]
