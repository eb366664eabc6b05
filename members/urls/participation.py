"""URLs of the periods of non-participation (AGE-01, MTG-07), included by
members/urls/register.py, namespace "members"."""

from django.urls import path

from ..views import participation

urlpatterns = [
    path(
        "<int:pk>/non-participation/",
        participation.non_participation_create,
        name="non_participation_create",
    ),
    path(
        "non-participation/<int:pk>/end/",
        participation.non_participation_end,
        name="non_participation_end",
    ),
]
