"""URLs of the quarterly reconciliation (MEM-03), included by members/urls/register.py,
namespace "members"."""

from django.urls import path

from ..views import reconciliation

urlpatterns = [
    path("reconciliation/", reconciliation.reconciliation_home, name="reconciliations"),
    path("reconciliation/<int:org_pk>/", reconciliation.reconciliation, name="reconciliation"),
    path(
        "reconciliation/<int:org_pk>/export.xlsx",
        reconciliation.reconciliation_export,
        name="reconciliation_export",
    ),
]
