"""Reads of the committee seat pages: who may take a seat, the seat being ended."""

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from ..enums import ACTIVE_STATUSES
from ..models import CommitteeSeat, Member
from .register import members_for

if TYPE_CHECKING:
    from accounts.scope import RequestUser
    from organizations.models import Organization


def members_of_subtree_for(user: "RequestUser", org: "Organization") -> QuerySet[Member]:
    """Active members of `org`'s subtree the user may read: who can sit on its committee."""
    return (
        members_for(user)
        .filter(organization__path__startswith=org.path, status__in=ACTIVE_STATUSES)
        .select_related("organization")
    )


def get_seat_for(organization: "Organization", pk: int) -> CommitteeSeat:
    """A seat on one of `organization`'s committees (404 for another's: the organization
    itself is already the user's, read with organizations' scoped getter)."""
    return get_object_or_404(
        CommitteeSeat.objects.select_related("committee__organization", "member"),
        pk=pk,
        committee__organization=organization,
    )
