"""Scoped reads of transfers (TRF-01..02).

Both sides see a transfer: the sending organization's reach and the receiving
organization's reach; nobody else (a 404 everywhere). A member sees none (they are not
a party to the paperwork).
"""

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.scope import is_system_admin, org_read_filter

from ..enums import MemberStatus, TransferKind, TransferState
from ..models import Member, Transfer

if TYPE_CHECKING:
    from accounts.scope import RequestUser
    from organizations.models import Organization

# A transfer still under way: its member may not start another one.
OPEN = Q(state__in=[TransferState.PENDING, TransferState.SENT]) | Q(
    kind=TransferKind.TEMPORARY, state=TransferState.RECEIVED
)


def open_steps(transfer: Transfer) -> dict[str, bool]:
    """Which steps the transfer's state still allows (whoever takes them): the letter
    and the cancelling while pending, the reception once sent to an organization in the
    system, the return of a temporary transfer sent or received."""
    state = transfer.state
    return {
        "can_send": state == TransferState.PENDING,
        "can_cancel": state == TransferState.PENDING,
        "can_receive": state == TransferState.SENT and transfer.to_organization_id is not None,
        "can_return": transfer.kind == TransferKind.TEMPORARY
        and state in (TransferState.SENT, TransferState.RECEIVED),
    }


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


def get_reachable_member_for(user: "RequestUser", pk: int) -> Member:
    """One member of an organization the user reaches (404 otherwise, own record too)."""
    return get_object_or_404(readable_members_in_reach(user).select_related("organization"), pk=pk)


def find_returning_member(*, citizen_id: str = "", card_number: str = "") -> Member | None:
    """The record of a member who left to outside the system (status transferred_out),
    found by an exact citizen ID or party card number (never by name: no leak)."""
    qs = Member.objects.filter(status=MemberStatus.TRANSFERRED_OUT)
    if citizen_id:
        return qs.filter(citizen_id=citizen_id.strip()).first()
    if card_number:
        found = list(qs.filter(card_number=card_number.strip())[:2])
        return found[0] if len(found) == 1 else None
    return None
