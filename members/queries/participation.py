"""Reads of the periods of non-participation (AGE-01, MTG-07).

`suspended_member_ids` and `is_suspended_on` answer "who is suspended from party activity,
prosecuted or detained on date D" from the dated `NonParticipation` rows: meetings leave
them out of a resolution's vote base (MTG-07). The first is one query for any number of
members; the second reads a prefetch of `non_participations` when there is one.
"""

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from accounts.scope import org_read_filter

from ..enums import VOTE_BASE_EXCLUDED
from ..models import Member, NonParticipation
from .exemptions import in_force_on

if TYPE_CHECKING:
    from accounts.scope import RequestUser


def suspended_member_ids(member_ids: Iterable[int], on: date) -> set[int]:
    """MTG-07: which of `member_ids` are suspended, prosecuted or detained on `on` (one
    query; a period counts from its first to its last day, both included)."""
    ids = list(member_ids)
    if not ids:
        return set()
    return set(
        NonParticipation.objects.filter(
            in_force_on(on), member_id__in=ids, kind__in=VOTE_BASE_EXCLUDED
        )
        .values_list("member_id", flat=True)
        .distinct()
    )


def is_suspended_on(member: Member, on: date) -> bool:
    """MTG-07: is `member` suspended, prosecuted or detained on `on`?

    With `non_participations` prefetched (prefetch_related("non_participations")) no
    query is made; otherwise one.
    """
    cache = getattr(member, "_prefetched_objects_cache", {})
    if "non_participations" in cache:
        return any(
            p.kind in VOTE_BASE_EXCLUDED
            and p.starts_on <= on
            and (p.ends_on is None or p.ends_on >= on)
            for p in cache["non_participations"]
        )
    return bool(suspended_member_ids([member.pk], on))


def non_participations_for(user: "RequestUser") -> QuerySet[NonParticipation]:
    """Periods of members in organizations the user reaches (own record excluded)."""
    if not user.is_authenticated:
        return NonParticipation.objects.none()
    return NonParticipation.objects.filter(org_read_filter(user, "member__organization__"))


def get_non_participation_for(user: "RequestUser", pk: int) -> NonParticipation:
    return get_object_or_404(
        non_participations_for(user).select_related("member", "member__organization"), pk=pk
    )
