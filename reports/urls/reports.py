"""Statistics and reports (namespace "reports"): STA-01 tables, the annual report."""

from django.urls import path

from ..views import annual, membership

app_name = "reports"
urlpatterns = [
    path("", membership.home, name="home"),
    path("membership/<int:org_pk>/", membership.membership, name="membership"),
    path(
        "membership/<int:org_pk>/export/",
        membership.membership_export,
        name="membership_export",
    ),
    path("annual/<int:org_pk>/", annual.annual, name="annual"),
    path("files/<int:pk>/<str:fmt>/", annual.report_file, name="file"),
]
