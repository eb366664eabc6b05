"""Compliance statistics of cell meetings (namespace "meeting_stats")."""

from django.urls import path

from ..views import statistics as views

app_name = "meeting_stats"
urlpatterns = [
    path("", views.home, name="home"),
    path("<int:org_pk>/", views.page, name="page"),
    path("<int:org_pk>/cells/", views.cells, name="cells"),
    path("<int:org_pk>/export.xlsx", views.export, name="export"),
]
