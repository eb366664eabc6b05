"""Helpers shared by the meeting screens."""

from django.core.exceptions import PermissionDenied, ValidationError

from members.models import Member

from .. import queries
from ..models import Meeting


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


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
