"""Scoped reads of members: the user's part of the tree, plus their own record."""

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.scope import is_system_admin, org_read_filter
from core.text import fold

from ..enums import ACTIVE_STATUSES, PARTY_AGE_DEDUCTED, EventKind, MembershipKind
from ..models import Badge, Member, MemberEvent, Membership
from ..rules import Period, add_years, party_age_years

if TYPE_CHECKING:
    from accounts.scope import RequestUser
    from organizations.models import Organization

    from ..models import (
        CommitteeSeat,
        Ethnicity,
        NonParticipation,
    )

# Pseudo-status for filters: probationary and full members.
ACTIVE = "active"


def members_for(user: "RequestUser") -> QuerySet[Member]:
    """Members the user may read: those in organizations they reach, and themselves."""
    if not user.is_authenticated:
        return Member.objects.none()
    if is_system_admin(user):
        # Not `Q() | own`: an empty Q() OR-ed with another is just the other one.
        return Member.objects.all()
    return Member.objects.filter(org_read_filter(user, "organization__") | Q(user=user))


def own_member(user: "RequestUser") -> Member | None:
    """The member record linked to the user's account, if any."""
    if not user.is_authenticated:
        return None
    return Member.objects.filter(user=user).first()


def get_member_for(user: "RequestUser", pk: int) -> Member:
    return get_object_or_404(
        members_for(user).select_related("organization", "ethnicity", "religion"), pk=pk
    )


def search_members(qs: QuerySet[Member], text: str) -> QuerySet[Member]:
    """Diacritic-insensitive: "nguyen van duc" finds "Nguyễn Văn Đức" (every word must match)."""
    for word in fold(text).split():
        qs = qs.filter(search_name__contains=word)
    return qs


# Age bands of the register list (STA-01): (key, label, lowest age, highest age), inclusive.
AGE_BANDS = (
    ("lt30", _("Dưới 30 tuổi"), None, 29),
    ("30_40", _("Từ 30 đến 40 tuổi"), 30, 40),
    ("41_50", _("Từ 41 đến 50 tuổi"), 41, 50),
    ("51_60", _("Từ 51 đến 60 tuổi"), 51, 60),
    ("61_70", _("Từ 61 đến 70 tuổi"), 61, 70),
    ("gt70", _("Trên 70 tuổi"), 71, None),
)
# Party-age bands (AGE-01, STA-01): (key, label, from years, to years exclusive).
PARTY_AGE_BANDS = (
    ("lt5", _("Dưới 5 năm"), None, 5),
    ("5_10", _("Từ 5 đến dưới 10 năm"), 5, 10),
    ("10_20", _("Từ 10 đến dưới 20 năm"), 10, 20),
    ("20_30", _("Từ 20 đến dưới 30 năm"), 20, 30),
    ("30_40", _("Từ 30 đến dưới 40 năm"), 30, 40),
    ("ge40", _("Từ 40 năm trở lên"), 40, None),
)


def age_band_q(key: str, today: date) -> Q:
    """Members whose age in full years (on `today`) lies in the band: date ranges in SQL.

    Age >= n  <=>  born on or before the same day n years ago.
    """
    for band, _label, low, high in AGE_BANDS:
        if band == key:
            q = Q()
            if low is not None:
                q &= Q(date_of_birth__lte=add_years(today, -low))
            if high is not None:
                q &= Q(date_of_birth__gt=add_years(today, -(high + 1)))
            return q
    raise ValueError(key)


def party_age_band_q(key: str, today: date) -> Q:
    """Members whose party age (AGE-01, from Member.party_age_from) lies in the band, in SQL."""
    for band, _label, low, high in PARTY_AGE_BANDS:
        if band == key:
            q = Q(party_age_from__isnull=False, party_age_from__lte=today)
            if low is not None:
                q &= Q(party_age_from__lte=add_years(today, -low))
            if high is not None:
                q &= Q(party_age_from__gt=add_years(today, -high))
            return q
    raise ValueError(key)


def filter_members(
    qs: QuerySet[Member],
    *,
    organization: "Organization | None" = None,
    status: str = "",
    text: str = "",
    sex: str = "",
    ethnicity: "Ethnicity | None" = None,
    age_band: str = "",
    party_age_band: str = "",
    education: str = "",
    theory_level: str = "",
    category: str = "",
    today: date | None = None,
) -> QuerySet[Member]:
    """Narrow a scoped queryset: organization (with its subtree), status, profile columns,
    age and party-age bands, the category of the cell (ORG-03), name search."""
    today = today or timezone.localdate()
    if organization is not None:
        qs = qs.filter(organization.subtree_q("organization__"))
    if status == ACTIVE:
        qs = qs.filter(status__in=ACTIVE_STATUSES)
    elif status:
        qs = qs.filter(status=status)
    if sex:
        qs = qs.filter(sex=sex)
    if ethnicity is not None:
        qs = qs.filter(ethnicity=ethnicity)
    if age_band:
        qs = qs.filter(age_band_q(age_band, today))
    if party_age_band:
        qs = qs.filter(party_age_band_q(party_age_band, today))
    if education:
        qs = qs.filter(education=education)
    if theory_level:
        qs = qs.filter(theory_level=theory_level)
    if category:
        qs = qs.filter(organization__category=category)
    if text:
        qs = search_members(qs, text)
    return qs


def member_list_for(user: "RequestUser", **filters: Any) -> QuerySet[Member]:
    """The register list: scoped, filtered, sorted the Vietnamese way, constant queries."""
    qs = filter_members(members_for(user), **filters)
    return qs.select_related("organization", "ethnicity", "religion").order_by("sort_key", "id")


# The events the 7-HSĐV register shows in its own columns (moves, death, leaving).
REGISTER_EVENT_KINDS = (
    EventKind.TRANSFER_OUT,
    EventKind.TRANSFER_IN,
    EventKind.STRUCK_OFF,
    EventKind.EXPELLED,
    EventKind.RESIGNED,
    EventKind.DECEASED,
)


def register_for(user: "RequestUser", **filters: Any) -> QuerySet[Member]:
    """The 7-HSĐV register (MEM-01) of the filtered list: with badges and the register's
    events prefetched (`register_events`), three queries per chunk whatever the length."""
    return member_list_for(user, **filters).prefetch_related(
        Prefetch("badges", queryset=Badge.objects.order_by("years")),
        Prefetch(
            "events",
            queryset=MemberEvent.objects.filter(kind__in=REGISTER_EVENT_KINDS)
            .select_related("organization")
            .order_by("on", "id"),
            to_attr="register_events",
        ),
    )


@dataclass
class MemberPage:
    """Everything the member page shows, read with a fixed number of queries."""

    member: Member
    party_age: int | None
    memberships: list[Membership]
    events: list[MemberEvent]
    badges: list[Badge]
    seats: "list[CommitteeSeat]"
    non_participations: "list[NonParticipation]"


def member_page_for(member: Member, today: date | None = None) -> MemberPage:
    """The member page of a member already read with get_member_for (five queries)."""
    today = today or timezone.localdate()
    memberships = list(
        member.memberships.select_related("organization").order_by("-starts_on", "-id")
    )
    periods = [Period(m.starts_on, m.ends_on) for m in memberships if m.kind == MembershipKind.HOME]
    events = list(
        member.events.select_related("organization", "recorded_by").order_by("-on", "-id")
    )
    non_participations = list(member.non_participations.order_by("-starts_on", "-id"))
    absences = [
        Period(p.starts_on, p.ends_on) for p in non_participations if p.kind in PARTY_AGE_DEDUCTED
    ]
    return MemberPage(
        member=member,
        party_age=party_age_years(member.admitted_on, periods, today, absences),  # AGE-01
        memberships=memberships,
        events=events,
        badges=list(member.badges.order_by("years")),
        seats=list(seats_of(member)),
        non_participations=non_participations,
    )


def seats_of(member: Member) -> "QuerySet[CommitteeSeat]":
    """The member's committee seats, newest first, with committee, term and organization."""
    return member.seats.select_related("committee__term", "committee__organization").order_by(
        "-starts_on", "-id"
    )


def membership_on(
    on: date, *, kinds: tuple[str, ...] = (MembershipKind.HOME,)
) -> QuerySet[Membership]:
    """Memberships in force on date `on` (MEM-02)."""
    return Membership.objects.filter(kind__in=kinds, starts_on__lte=on).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=on)
    )


def members_of(
    organization: "Organization", on: date, *, subtree: bool = False, temporary: bool = False
) -> QuerySet[Member]:
    """Members of `organization` (or its whole subtree) on date `on`, from the dated memberships.

    Counted membership is the home one; a temporarily transferred member is counted at
    home, not in the host (TRF-01). With `temporary=True` the host's temporary members are
    included too (they take part in its meetings).
    """
    kinds = (MembershipKind.HOME, MembershipKind.TEMPORARY) if temporary else (MembershipKind.HOME,)
    memberships = membership_on(on, kinds=kinds)
    if subtree:
        memberships = memberships.filter(organization__path__startswith=organization.path)
    else:
        memberships = memberships.filter(organization=organization)
    return Member.objects.filter(pk__in=memberships.values("member_id"))
