"""Party age (AGE-01) and party badges (BDG-01): the reads behind the badge pages.

Two ways to know a member's party age:
- exactly, for one member on any date: `party_age_on(member, on)` feeds members.rules
  with the member's home memberships (the gaps between them are deducted, AGE-01) and
  the recorded periods out of contact (`NonParticipation`, deducted too);
- for lists, in SQL, from `Member.party_age_from` (kept up to date by members.events):
  "party age ≥ N years on D" ⇔ `party_age_from ≤ D − N years`, the date computed in
  Python, so the same query runs on SQLite and PostgreSQL (no date arithmetic in SQL).

Badge lists (BDG-01) prefilter in SQL with those cut-off dates and leave out members who
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
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)

from .enums import ACTIVE_STATUSES, PARTY_AGE_DEDUCTED, MembershipKind
from .models import Badge, Member
from .rules import (
    BADGE_YEARS,
    PRESENTATION_DAYS,
    Period,
    add_years,
    early_months,
    full_years,
    party_age_start,
    party_age_years,
    presentation_dates,
)

# Party age shown in lists is capped here (nobody has more than a century of party age).
MAX_PARTY_AGE = 100


# --- AGE-01: party age ------------------------------------------------------------------


def home_periods(member: Member) -> list[Period]:
    """The member's home memberships as periods (uses a prefetch of `memberships` if any)."""
    return [
        Period(m.starts_on, m.ends_on)
        for m in member.memberships.all()
        if m.kind == MembershipKind.HOME
    ]


def absence_periods(member: Member) -> list[Period]:
    """AGE-01: the member's recorded periods out of contact, deducted from party age
    (uses a prefetch of `non_participations` if any)."""
    return [
        Period(p.starts_on, p.ends_on)
        for p in member.non_participations.all()
        if p.kind in PARTY_AGE_DEDUCTED
    ]


def party_age_start_on(member: Member, on: date) -> date | None:
    """AGE-01: the date party age runs from, as seen on `on` (gaps up to `on` deducted)."""
    if member.admitted_on is None or member.admitted_on > on:
        return None
    return party_age_start(member.admitted_on, home_periods(member), on, absence_periods(member))


def party_age_on(member: Member, on: date) -> int | None:
    """AGE-01: complete years of party age on `on`, exactly, from the home memberships and
    the periods out of contact.

    A re-admitted member counts from the first admission decision minus the gaps; a
    member no longer in the Party stops ageing on the day they left, and so does a member
    out of contact while the period lasts. None before admission.
    """
    return party_age_years(member.admitted_on, home_periods(member), on, absence_periods(member))


def party_age_cutoff(years: int, on: date) -> date:
    """AGE-01: party age is at least `years` on `on` ⇔ party_age_from ≤ this date."""
    return add_years(on, -years)


def party_age_at_least(years: int, on: date, prefix: str = "") -> Q:
    """Q over Member (through `prefix`): party age of at least `years` full years on `on`."""
    return Q(**{f"{prefix}party_age_from__lte": party_age_cutoff(years, on)})


def party_age_expression(on: date, prefix: str = "", max_years: int = MAX_PARTY_AGE) -> Case:
    """SQL expression: full years of party age on `on` from `party_age_from` (NULL if none).

    Compares dates only (one WHEN per year, the cut-off computed here), so it gives the
    same answer as members.rules.full_years on SQLite and PostgreSQL.
    """
    field = f"{prefix}party_age_from"
    whens = [
        When(**{f"{field}__lte": party_age_cutoff(years, on)}, then=Value(years))
        for years in range(max_years, 0, -1)
    ]
    whens.append(When(**{f"{field}__lte": on}, then=Value(0)))
    return Case(*whens, default=None, output_field=IntegerField())


def annotate_party_age(qs: QuerySet[Member], on: date, name: str = "party_age") -> QuerySet[Member]:
    """Add the party age in full years on `on` to every member of a list (one column)."""
    return qs.annotate(**{name: party_age_expression(on)})


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
