"""Party age (AGE-01), two ways:
- exactly, for one member on any date: `party_age_on(member, on)` feeds members.rules
  with the member's home memberships (the gaps between them are deducted, AGE-01) and
  the recorded periods out of contact (`NonParticipation`, deducted too);
- for lists, in SQL, from `Member.party_age_from` (kept up to date by
  members.services.events): "party age ≥ N years on D" ⇔ `party_age_from ≤ D − N years`,
  the date computed in Python, so the same query runs on SQLite and PostgreSQL (no date
  arithmetic in SQL).
"""

from datetime import date

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from ..enums import PARTY_AGE_DEDUCTED, MembershipKind
from ..models import Member
from ..rules import Period, add_years, party_age_start, party_age_years

# Party age shown in lists is capped here (nobody has more than a century of party age).
MAX_PARTY_AGE = 100


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
