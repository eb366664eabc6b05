"""Reads of exemptions from party work and activity (EXM-01..02).

`exempted_on` and `exempted_member_ids` answer "who is exempted on date D" from the dated
`Exemption` rows (not from the `Member.exempted` flag, which only says "now"): meetings
use them to leave exempted members out of attendance counts and the vote base (EXM-02,
MTG-03, MTG-07). Each is one query.
"""

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.scope import org_read_filter

from ..enums import EventKind
from ..models import Exemption, MemberEvent
from .register import members_of

if TYPE_CHECKING:
    from accounts.scope import RequestUser
    from organizations.models import Organization


def in_force_on(on: date, prefix: str = "") -> Q:
    """Q over Exemption (or a model reaching it through `prefix`) in force on `on`."""
    return Q(**{f"{prefix}starts_on__lte": on}) & (
        Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gte": on})
    )


def exempted_on(member_ids: Iterable[int], on: date) -> set[int]:
    """EXM-02: which of `member_ids` are exempted on `on` (one query)."""
    ids = list(member_ids)
    if not ids:
        return set()
    return set(
        Exemption.objects.filter(in_force_on(on), member_id__in=ids)
        .values_list("member_id", flat=True)
        .distinct()
    )


def exempted_member_ids(
    organization: "Organization", on: date, *, subtree: bool = False, temporary: bool = True
) -> set[int]:
    """EXM-02: ids of the members of `organization` on `on` who are exempted that day.

    Membership is read from the dated memberships (members.queries.members_of); with
    `temporary=True` (the default, as a meeting sees it) members on temporary transfer
    into the organization are included too. One query.
    """
    members = members_of(organization, on, subtree=subtree, temporary=temporary)
    return set(
        Exemption.objects.filter(in_force_on(on), member__in=members.values("pk"))
        .values_list("member_id", flat=True)
        .distinct()
    )


def exemptions_for(user: "RequestUser") -> QuerySet[Exemption]:
    """Exemptions of members in organizations the user reaches (own record excluded:
    a member does not manage exemptions)."""
    if not user.is_authenticated:
        return Exemption.objects.none()
    return Exemption.objects.filter(org_read_filter(user, "member__organization__"))


def get_exemption_for(user: "RequestUser", pk: int) -> Exemption:
    return get_object_or_404(
        exemptions_for(user).select_related("member", "member__organization"), pk=pk
    )


def current_exemptions_for(
    user: "RequestUser", *, organization: "Organization | None" = None, on: date
) -> QuerySet[Exemption]:
    """Exemptions in force on `on` in the user's reach (optionally one subtree), by name."""
    qs = exemptions_for(user).filter(in_force_on(on))
    if organization is not None:
        qs = qs.filter(organization.subtree_q("member__organization__"))
    return qs.select_related("member", "member__organization").order_by(
        "member__sort_key", "member_id", "-starts_on"
    )


def lapsed_exemptions_for(
    user: "RequestUser", *, organization: "Organization | None" = None, on: date
) -> QuerySet[Exemption]:
    """Dated exemptions whose planned end has passed without EXEMPTION_ENDED recorded:
    the member's `exempted` flag still says yes until someone records the end."""
    ended = MemberEvent.objects.filter(
        member=OuterRef("member_id"), kind=EventKind.EXEMPTION_ENDED, on__gte=OuterRef("starts_on")
    )
    qs = exemptions_for(user).filter(ends_on__lt=on).filter(~Exists(ended))
    if organization is not None:
        qs = qs.filter(organization.subtree_q("member__organization__"))
    return qs.select_related("member", "member__organization").order_by("ends_on", "id")
