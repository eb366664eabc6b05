"""Documents attached to the meetings a user reads (404 outside the reach)."""

from typing import TYPE_CHECKING

from django.shortcuts import get_object_or_404

from ..models import MeetingDocument
from .scope import meetings_for

if TYPE_CHECKING:
    from accounts.scope import RequestUser


def get_document_for(user: "RequestUser", pk: int) -> MeetingDocument:
    return get_object_or_404(MeetingDocument.objects.filter(meeting__in=meetings_for(user)), pk=pk)
