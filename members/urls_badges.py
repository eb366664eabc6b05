"""URLs of the member register: party age and badges (BDG-01), quarterly reconciliation
(MEM-03). Included by members/urls.py, namespace "members"."""

from django.urls import path

from .views import badges, reconciliation

urlpatterns = [
    path("badges/", badges.badge_home, name="badges"),
    path("badges/<int:org_pk>/", badges.due, name="badge_due"),
    path("badges/<int:org_pk>/record/", badges.record, name="badge_record"),
    path("badges/<int:org_pk>/export.xlsx", badges.export, name="badge_export"),
    path("<int:pk>/badges/", badges.member_badges, name="badge_member"),
    path("reconciliation/", reconciliation.reconciliation_home, name="reconciliations"),
    path("reconciliation/<int:org_pk>/", reconciliation.reconciliation, name="reconciliation"),
    path(
        "reconciliation/<int:org_pk>/export.xlsx",
        reconciliation.reconciliation_export,
        name="reconciliation_export",
    ),
]
