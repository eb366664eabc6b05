"""Scoped reads of transfers (TRF-01..02).

Both sides see a transfer: the sending organization's reach and the receiving
organization's reach; nobody else (a 404 everywhere). A member sees none (they are not
a party to the paperwork).
"""

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.scope import is_system_admin, org_read_filter

from .enums import TransferKind, TransferState
from .models import Member, Transfer

if TYPE_CHECKING:
    from accounts.scope import RequestUser
    from organizations.models import Organization

# A transfer still under way: its member may not start another one.
OPEN = Q(state__in=[TransferState.PENDING, TransferState.SENT]) | Q(
    kind=TransferKind.TEMPORARY, state=TransferState.RECEIVED
)


def transfers_for(user: "RequestUser") -> QuerySet[Transfer]:
    if not user.is_authenticated:
        return Transfer.objects.none()
    if is_system_admin(user):
        return Transfer.objects.all()
    return Transfer.objects.filter(
        org_read_filter(user, "from_organization__") | org_read_filter(user, "to_organization__")
    )


def get_transfer_for(user: "RequestUser", pk: int) -> Transfer:
    return get_object_or_404(
        transfers_for(user).select_related(
            "member", "member__organization", "from_organization", "to_organization"
        ),
        pk=pk,
    )


def filter_transfers(
    qs: QuerySet[Transfer],
    *,
    organization: "Organization | None" = None,
    state: str = "",
    kind: str = "",
) -> QuerySet[Transfer]:
    """Narrow to one subtree (either side in it), a state and a kind."""
    if organization is not None:
        qs = qs.filter(
            organization.subtree_q("from_organization__")
            | organization.subtree_q("to_organization__")
        )
    if state:
        qs = qs.filter(state=state)
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def transfer_list_for(user: "RequestUser", **filters: Any) -> QuerySet[Transfer]:
    """The transfer list: scoped, filtered, newest first, a constant number of queries."""
    return (
        filter_transfers(transfers_for(user), **filters)
        .select_related("member", "from_organization", "to_organization")
        .order_by("-trigger_on", "-id")
    )


def readable_members_in_reach(user: "RequestUser") -> QuerySet[Member]:
    """Members of organizations the user reaches (a member's own record excluded)."""
    if not user.is_authenticated:
        return Member.objects.none()
    return Member.objects.filter(org_read_filter(user, "organization__"))
