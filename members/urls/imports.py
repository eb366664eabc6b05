"""URLs of the import and export pages, included by members/urls/register.py, namespace
"members"."""

from django.urls import path

from ..views import imports

urlpatterns = [
    path("import/", imports.import_start, name="import_start"),
    path("import/template.xlsx", imports.import_template, name="import_template"),
    path("import/<int:pk>/", imports.import_preview, name="import_preview"),
    path("import/<int:pk>/status/", imports.import_status, name="import_status"),
    path("import/<int:pk>/confirm/", imports.import_confirm, name="import_confirm"),
    path("export/layout.xlsx", imports.export_layout, name="export_layout"),
]
