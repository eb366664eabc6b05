"""Background job progress; included by chibo/urls.py under "jobs/" (namespace "core_jobs")."""

from django.urls import path

from core.views import jobs as views_jobs

app_name = "core_jobs"
urlpatterns = [
    path("<int:pk>/", views_jobs.job_status, name="status"),
]
