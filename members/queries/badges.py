"""Party badges (BDG-01): the reads behind the badge pages.

Party age comes from members.queries.party_age (AGE-01). Badge lists prefilter in SQL with those cut-off dates and leave out members who
already have a `Badge` row for that level; a constant number of queries whatever the
size of the subtree.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeAlias, TypedDict

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)

from ..enums import ACTIVE_STATUSES
from ..models import Badge, Member, Membership
from ..rules import (
    BADGE_YEARS,
    PRESENTATION_DAYS,
    add_years,
    early_months,
    full_years,
    presentation_dates,
)
from .party_age import party_age_at_least

# --- BDG-01: presentation days ----------------------------------------------------------


def is_presentation_date(day: date) -> bool:
    return (day.month, day.day) in PRESENTATION_DAYS


def previous_presentation_date(on: date) -> date:
    """BDG-01: the last presentation day strictly before `on`."""
    candidates = presentation_dates(on.year - 1) + presentation_dates(on.year)
    return max(d for d in candidates if d < on)


def presentation_choices(today: date, *, back: int = 1, ahead: int = 1) -> list[date]:
    """Presentation days from `back` years before `today`'s year to `ahead` years after."""
    days: list[date] = []
    for year in range(today.year - back, today.year + ahead + 1):
        days.extend(presentation_dates(year))
    return days


# --- BDG-01: who is due -----------------------------------------------------------------


def early_years(years: int) -> int:
    """BDG-01 early window in whole years (12 months: 1; 24 months: 2)."""
    return early_months(years) // 12


def _regular_q(years: int, on: date) -> Q:
    """Reached `years` of party age on or before the presentation day `on`."""
    return party_age_at_least(years, on)


def _overdue_q(years: int, on: date) -> Q:
    """Reached it by the previous presentation day: should have had it already."""
    return party_age_at_least(years, previous_presentation_date(on))


def _early_q(years: int, on: date) -> Q:
    """BDG-01: seriously ill and within the early window (12 or 24 months), not yet due."""
    return (
        Q(seriously_ill=True)
        & party_age_at_least(years - early_years(years), on)
        & ~_regular_q(years, on)
    )


def _has_badge(years: int) -> Exists:
    return Exists(Badge.objects.filter(member=OuterRef("pk"), years=years))


def badge_candidates(members: QuerySet[Member], organization: "Organization") -> QuerySet[Member]:
    """Active members of `organization`'s subtree among the (already scoped) `members`."""
    return members.filter(
        organization.subtree_q("organization__"),
        status__in=ACTIVE_STATUSES,
        party_age_from__isnull=False,
    )


@dataclass
class BadgeLevelCount:
    years: int
    due: int  # reached it by the presentation day, not yet given (overdue included)
    overdue: int  # of which reached it by the previous presentation day
    early: int  # seriously ill, eligible early

    @property
    def total(self) -> int:
        return self.due + self.early


def badge_counts(candidates: QuerySet[Member], on: date) -> list[BadgeLevelCount]:
    """BDG-01: per badge level, how many are due at `on` (one SQL aggregate)."""
    aggregates = {}
    for years in BADGE_YEARS:
        missing = Q(**{f"has_{years}": False})
        aggregates[f"due_{years}"] = Count("pk", filter=missing & _regular_q(years, on))
        aggregates[f"overdue_{years}"] = Count("pk", filter=missing & _overdue_q(years, on))
        aggregates[f"early_{years}"] = Count("pk", filter=missing & _early_q(years, on))
    lowest = min(BADGE_YEARS)
    prefilter = party_age_at_least(lowest, on) | (
        Q(seriously_ill=True) & party_age_at_least(lowest - early_years(lowest), on)
    )
    totals = (
        candidates.filter(prefilter)
        .annotate(**{f"has_{years}": _has_badge(years) for years in BADGE_YEARS})
        .aggregate(**aggregates)
    )
    return [
        BadgeLevelCount(
            years,
            totals[f"due_{years}"] or 0,
            totals[f"overdue_{years}"] or 0,
            totals[f"early_{years}"] or 0,
        )
        for years in BADGE_YEARS
    ]


class _Overdue(TypedDict):
    overdue: bool


if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    from organizations.models import Organization

    # A member of a due list: `overdue` when the level was reached before the presentation.
    DueMember: TypeAlias = WithAnnotations[Member, _Overdue]


def _due(candidates: QuerySet[Member], years: int, on: date, condition: Q) -> "QuerySet[DueMember]":
    return (
        candidates.filter(condition)
        .exclude(_has_badge(years))
        .select_related("organization")
        .annotate(
            overdue=Case(
                When(_overdue_q(years, on), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("organization__path", "sort_key", "id")
    )


def badge_due(candidates: QuerySet[Member], years: int, on: date) -> "QuerySet[DueMember]":
    """BDG-01: members who reach `years` of party age by `on` and have no such badge yet
    (those who reached it earlier and were never given it are `overdue`)."""
    return _due(candidates, years, on, _regular_q(years, on))


def badge_due_early(candidates: QuerySet[Member], years: int, on: date) -> "QuerySet[DueMember]":
    """BDG-01: seriously ill members eligible for the `years` badge early at `on`."""
    return _due(candidates, years, on, _early_q(years, on))


def describe(member: Member, years: int, on: date) -> Member:
    """Set the display values of one listed member: the day they reach the badge and their
    party age on the presentation day (from `party_age_from`, no query)."""
    assert member.party_age_from is not None  # the due lists select on it
    member.badge_years = years
    member.reached_on = add_years(member.party_age_from, years)
    member.party_age = full_years(member.party_age_from, on)
    return member


@dataclass
class DueRow:
    """One line of the export: a member due for a badge level."""

    member: Member
    years: int
    reached_on: date
    party_age: int
    overdue: bool
    early: bool


def badge_due_rows(candidates: QuerySet[Member], on: date) -> Iterator[DueRow]:
    """Every level's due list, then every level's early list: two queries per level."""
    for early in (False, True):
        for years in BADGE_YEARS:
            qs = (badge_due_early if early else badge_due)(candidates, years, on)
            for member in qs.iterator(chunk_size=2000):
                describe(member, years, on)
                yield DueRow(
                    member, years, member.reached_on, member.party_age, member.overdue, early
                )


def next_badge(member: Member, on: date) -> tuple[int, date] | None:
    """The lowest badge the member has not received, and the day they reach it (from
    `party_age_from`; uses a prefetch of `badges` if any)."""
    if member.party_age_from is None:
        return None
    received = {b.years for b in member.badges.all()}
    for years in BADGE_YEARS:
        if years not in received:
            return years, add_years(member.party_age_from, years)
    return None


def with_party_life(member: Member) -> Member:
    """The member again, with what their badge page reads prefetched: home memberships in
    order, badges by level, periods out of contact (AGE-01). Four queries."""
    return Member.objects.prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.order_by("starts_on", "id")),
        Prefetch("badges", queryset=Badge.objects.order_by("years")),
        "non_participations",
    ).get(pk=member.pk)
