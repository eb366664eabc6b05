"""URLs of the member register (namespace "members"), one module per area."""

from django.urls import path

from . import urls_badges, urls_imports, urls_transfers
from .views import quality, register

app_name = "members"
urlpatterns = [
    path("", register.member_list, name="list"),
    path("export.xlsx", register.export_list, name="export_list"),
    path("register.xlsx", register.register_xlsx, name="register_xlsx"),
    path("register.docx", register.register_docx, name="register_docx"),
    path("quality/", quality.page, name="quality"),
    path("quality.xlsx", quality.export, name="quality_export"),
    path("new/", register.create, name="create"),
    path("me/", register.me, name="me"),
    path("<int:pk>/", register.detail, name="detail"),
    path("<int:pk>/edit/", register.edit, name="edit"),
    path("<int:pk>/photo/", register.photo, name="photo"),
    path("<int:pk>/events/new/", register.record_event, name="record_event"),
    *urls_transfers.urlpatterns,
    *urls_badges.urlpatterns,
    *urls_imports.urlpatterns,
]
