"""URLs of party age and badges (BDG-01), included by members/urls/register.py, namespace
"members"."""

from django.urls import path

from ..views import badges

urlpatterns = [
    path("badges/", badges.badge_home, name="badges"),
    path("badges/<int:org_pk>/", badges.due, name="badge_due"),
    path("badges/<int:org_pk>/record/", badges.record, name="badge_record"),
    path("badges/<int:org_pk>/export.xlsx", badges.export, name="badge_export"),
    path("<int:pk>/badges/", badges.member_badges, name="badge_member"),
]
