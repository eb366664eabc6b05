"""URLs of the member register (namespace "members", included by chibo/urls.py): the list,
its exports and the member pages, then every other area's pages under /members/."""

from django.urls import path

from ..views import register
from . import badges, exemptions, imports, participation, quality, reconciliation, transfers

app_name = "members"
urlpatterns = [
    path("", register.member_list, name="list"),
    path("export.xlsx", register.export_list, name="export_list"),
    path("register.xlsx", register.register_xlsx, name="register_xlsx"),
    path("register.docx", register.register_docx, name="register_docx"),
    *quality.urlpatterns,
    path("new/", register.create, name="create"),
    path("me/", register.me, name="me"),
    path("<int:pk>/", register.detail, name="detail"),
    path("<int:pk>/edit/", register.edit, name="edit"),
    path("<int:pk>/photo/", register.photo, name="photo"),
    path("<int:pk>/events/new/", register.record_event, name="record_event"),
    *transfers.urlpatterns,
    *exemptions.urlpatterns,
    *participation.urlpatterns,
    *badges.urlpatterns,
    *reconciliation.urlpatterns,
    *imports.urlpatterns,
]
