"""ADM-11 results by direct subordinate organization: for one year, each organization
directly under the chosen one with the people admitted in its subtree against the target
set for it ("a committee sets yearly targets for admissions per subordinate
organization"). The drill-down of the results page and of the officer's home page.

Three queries whatever the number of subordinate organizations: the children, their
targets, and one aggregate of the admissions grouped by the child's path prefix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count
from django.db.models.functions import Substr

from organizations.enums import OrgKind
from organizations.models import Organization

from . import rules
from .enums import Outcome
from .models import AdmissionCase, AdmissionTarget


@dataclass
class ChildResult:
    organization: Organization
    target: int | None
    admitted: int = 0

    @property
    def achievement(self) -> float | None:
        return rules.achievement(self.admitted, self.target)

    @property
    def above_plan(self) -> float | None:
        return rules.above_plan(self.admitted, self.target)

    @property
    def reached(self) -> bool | None:
        """At or above the target; None without a target."""
        return None if not self.target else self.admitted >= self.target


@dataclass
class Breakdown:
    organization: Organization
    year: int
    rows: list[ChildResult] = field(default_factory=list)

    @property
    def admitted(self) -> int:
        return sum(r.admitted for r in self.rows)

    @property
    def with_target(self) -> list[ChildResult]:
        return [r for r in self.rows if r.target]

    @property
    def target(self) -> int | None:
        """The sum of the targets set for the subordinate organizations (None: none set)."""
        return sum(r.target or 0 for r in self.with_target) or None

    @property
    def reached(self) -> int:
        return sum(1 for r in self.with_target if r.reached)


def _active_in(org: Organization, year: int) -> bool:
    return (org.established_on is None or org.established_on <= date(year, 12, 31)) and (
        org.dissolved_on is None or org.dissolved_on >= date(year, 1, 1)
    )


def results_by_child(organization: Organization, year: int) -> Breakdown:
    """Admitted (decision dated in `year`) against the year's target, per direct
    subordinate organization of `organization` (already scoped by the caller). A child
    not active in the year is listed only when it has a target or an admission."""
    children = list(
        Organization.objects.filter(
            path__startswith=organization.path, depth=organization.depth + 1
        )
        .exclude(kind=OrgKind.PARTY_GROUP)
        .order_by("path")
    )
    targets = dict(
        AdmissionTarget.objects.filter(
            organization__path__startswith=organization.path,
            organization__depth=organization.depth + 1,
            year=year,
        ).values_list("organization_id", "target")
    )
    width = (organization.depth + 1) * Organization.steplen
    admitted = {
        row["child"]: row["n"]
        for row in AdmissionCase.objects.filter(
            organization.subtree_q("cell__"),
            outcome=Outcome.ADMITTED,
            decision_on__year=year,
        )
        .annotate(child=Substr("cell__path", 1, width))
        .values("child")
        .annotate(n=Count("pk"))
        .order_by()
    }
    breakdown = Breakdown(organization, year)
    for child in children:
        row = ChildResult(child, targets.get(child.pk), admitted.get(child.path, 0))
        if row.target is not None or row.admitted or _active_in(child, year):
            breakdown.rows.append(row)
    return breakdown
