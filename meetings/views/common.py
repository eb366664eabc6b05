"""Helpers shared by the meeting screens."""

from django.core.exceptions import PermissionDenied

from members.models import Member

from .. import queries
from ..models import Meeting


def _writable(request, organization) -> None:
    if not queries.can_edit(request.user, organization):
        raise PermissionDenied


def _meeting(request, pk, *, write=False) -> Meeting:
    meeting = queries.get_meeting_for(request.user, pk)
    if write:
        _writable(request, meeting.organization)
    return meeting


def _register_members(meeting):
    ids = list(queries.register_on(meeting.organization, meeting.on))
    return Member.objects.filter(pk__in=ids).order_by("sort_key", "id")
