"""Resolutions and tasks of the meetings a user reads (404 outside the reach)."""

from typing import TYPE_CHECKING

from django.shortcuts import get_object_or_404

from ..models import Resolution, Task
from .scope import meetings_for

if TYPE_CHECKING:
    from accounts.scope import RequestUser


def get_resolution_for(user: "RequestUser", pk: int) -> Resolution:
    return get_object_or_404(
        Resolution.objects.select_related("meeting__organization", "meeting__chair").filter(
            meeting__in=meetings_for(user)
        ),
        pk=pk,
    )


def get_task_for(user: "RequestUser", pk: int) -> Task:
    return get_object_or_404(
        Task.objects.select_related("meeting__organization").filter(meeting__in=meetings_for(user)),
        pk=pk,
    )
