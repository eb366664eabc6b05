"""The classification results of a subtree in one figure per year, for dashboards (the
committee officer's home page): how many organizations and how many
members were decided at "hoàn thành tốt nhiệm vụ" or above, out of those decided.

"Or above" is judged by the rule set of each year (REV-01..04, reviews.rules): from 2018
HTXS and HTT; up to 2017 an organization "trong sạch, vững mạnh" or HTT. The
organizations counted are the same as on the round page (reviews.queries.rounds.round_page):
every organization of the subtree below its root with a decided review, grassroots or
cell. Two aggregate queries (organizations, members) whatever the number of years and
the size of the subtree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from organizations.models import Organization

from ..enums import RANK, Level, Subject
from ..rules import RuleSet, rule_set_for
from .results import decided_member_reviews, decided_org_reviews


def good_or_better_levels(rule_set: RuleSet, subject: str) -> tuple[str, ...]:
    """The levels of the rule set at "hoàn thành tốt nhiệm vụ" or above, best first."""
    return tuple(lv for lv in rule_set.levels(subject) if RANK[lv] >= RANK[Level.GOOD])


@dataclass(frozen=True)
class Tally:
    good: int  # decided at HTT or above
    total: int  # decided at any level


@dataclass(frozen=True)
class YearSummary:
    year: int
    rule_set: RuleSet
    organizations: Tally
    members: Tally


def _tallies(qs: QuerySet[Any], years: list[int], subject: str) -> dict[int, Tally]:
    kwargs: dict[str, Count] = {}
    for y in years:
        good = good_or_better_levels(rule_set_for(y), subject)
        kwargs[f"t{y}"] = Count("pk", filter=Q(year=y))
        kwargs[f"g{y}"] = Count("pk", filter=Q(year=y, decision_level__in=good))
    row = qs.filter(year__in=years).aggregate(**kwargs)
    return {y: Tally(row[f"g{y}"] or 0, row[f"t{y}"] or 0) for y in years}


def good_or_better(organization: Organization, years: Iterable[int]) -> dict[int, YearSummary]:
    """Per year: organizations and members of the subtree of `organization` (already
    scoped by the caller) decided at HTT or above, and all those decided."""
    ordered = sorted(set(years))
    orgs = _tallies(decided_org_reviews(organization), ordered, Subject.ORGANIZATION)
    members = _tallies(decided_member_reviews(organization), ordered, Subject.MEMBER)
    return {y: YearSummary(y, rule_set_for(y), orgs[y], members[y]) for y in ordered}
