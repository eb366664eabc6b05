"""Statistics and reports (namespace "reports"): STA-01 tables, the annual report."""

from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.home, name="home"),
    path("membership/<int:org_pk>/", views.membership, name="membership"),
    path("membership/<int:org_pk>/export/", views.membership_export, name="membership_export"),
    path("annual/<int:org_pk>/", views.annual, name="annual"),
    path("files/<int:pk>/<str:fmt>/", views.report_file, name="file"),
]
