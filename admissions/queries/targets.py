"""ADM-11: targets and results: the funnel sympathizers → trained → admitted → full
members of an organization's subtree per year (`results_for`, its chart `chart_data`), and
the year by direct subordinate organization (`results_by_child`): each organization
directly under the chosen one with the people admitted in its subtree against the target
set for it ("a committee sets yearly targets for admissions per subordinate
organization"). The drill-down of the results page and of the officer's home page.

`results_by_child` runs three queries whatever the number of subordinate organizations:
the children, their targets, and one aggregate of the admissions grouped by the child's
path prefix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractYear, Substr
from django.utils.translation import gettext_lazy as _

from members.enums import EventKind
from members.models import MemberEvent
from organizations.enums import OrgKind
from organizations.models import Organization

from ..enums import CandidateState, Outcome, Stage
from ..models import AdmissionCase, AdmissionTarget, CandidateEvent, CaseStep
from ..rules.targets import above_plan, achievement, rate

if TYPE_CHECKING:
    from organizations.models import Term


@dataclass
class YearResult:
    year: int
    target: int | None
    sympathizers: int = 0
    trained: int = 0
    admitted: int = 0
    full: int = 0

    @property
    def achievement(self) -> float | None:
        return achievement(self.admitted, self.target)

    @property
    def above_plan(self) -> float | None:
        return above_plan(self.admitted, self.target)

    @property
    def trained_rate(self) -> float | None:
        return rate(self.trained, self.sympathizers)

    @property
    def admitted_rate(self) -> float | None:
        return rate(self.admitted, self.trained)

    @property
    def full_rate(self) -> float | None:
        return rate(self.full, self.admitted)


@dataclass
class Results:
    organization: Organization
    years: list[YearResult] = field(default_factory=list)
    term_targets: list[dict[str, Any]] = field(default_factory=list)


def _by_year(qs: QuerySet[Any], date_field: str, years: list[int]) -> dict[int, int]:
    rows = (
        qs.filter(**{f"{date_field}__year__in": years})
        .annotate(y=ExtractYear(date_field))
        .values("y")
        .annotate(n=Count("pk", distinct=True))
    )
    return {r["y"]: r["n"] for r in rows}


def _term_of(target: AdmissionTarget) -> Term:
    assert target.term is not None  # the targets read are those of a term
    return target.term


def _within_term(term: Term) -> Q:
    q = Q(decision_on__gte=term.starts_on)
    return q & Q(decision_on__lte=term.ends_on) if term.ends_on else q


def results_for(organization: Organization, years: list[int]) -> Results:
    """ADM-11: targets and the funnel sympathizers → trained → admitted → full members of
    the organization's subtree (already scoped by the caller), per year; SQL aggregates:
    seven queries whatever the number of years and term targets."""
    sub = organization.subtree_q
    sympathizers = _by_year(
        CandidateEvent.objects.filter(sub("candidate__cell__"), state=CandidateState.SYMPATHIZER),
        "on",
        years,
    )
    trained = _by_year(
        CaseStep.objects.filter(sub("case__cell__"), stage=Stage.COURSE), "on", years
    )
    admitted = _by_year(
        AdmissionCase.objects.filter(sub("cell__"), outcome=Outcome.ADMITTED), "decision_on", years
    )
    full = _by_year(
        MemberEvent.objects.filter(sub("organization__"), kind=EventKind.FULL_MEMBERSHIP),
        "on",
        years,
    )
    targets = dict(
        AdmissionTarget.objects.filter(organization=organization, year__in=years).values_list(
            "year", "target"
        )
    )
    result = Results(organization)
    for y in years:
        result.years.append(
            YearResult(
                y,
                targets.get(y),
                sympathizers.get(y, 0),
                trained.get(y, 0),
                admitted.get(y, 0),
                full.get(y, 0),
            )
        )
    term_targets = list(
        AdmissionTarget.objects.filter(organization=organization, term__isnull=False)
        .select_related("term")
        .order_by("term__starts_on")
    )
    # One aggregate for every term target, however many there are (run even when there
    # is none, so the query count is the same for every subtree).
    counts = AdmissionCase.objects.filter(sub("cell__"), outcome=Outcome.ADMITTED).aggregate(
        admitted=Count("pk"),
        **{f"t{t.pk}": Count("pk", filter=_within_term(_term_of(t))) for t in term_targets},
    )
    for t in term_targets:
        n = counts[f"t{t.pk}"]
        result.term_targets.append(
            {
                "term": t.term,
                "target": t.target,
                "admitted": n,
                "achievement": achievement(n, t.target),
                "above_plan": above_plan(n, t.target),
            }
        )
    return result


def chart_data(results: Results) -> dict[str, Any]:
    """The data of the results chart (json_script; the JS is admissions/results.js)."""
    return {
        "labels": [str(r.year) for r in results.years],
        "series": [
            {"label": str(_("Chỉ tiêu")), "data": [r.target for r in results.years]},
            {"label": str(_("Cảm tình đảng")), "data": [r.sympathizers for r in results.years]},
            {"label": str(_("Học lớp nhận thức")), "data": [r.trained for r in results.years]},
            {"label": str(_("Kết nạp")), "data": [r.admitted for r in results.years]},
            {"label": str(_("Chuyển chính thức")), "data": [r.full for r in results.years]},
        ],
    }


@dataclass
class ChildResult:
    organization: Organization
    target: int | None
    admitted: int = 0

    @property
    def achievement(self) -> float | None:
        return achievement(self.admitted, self.target)

    @property
    def above_plan(self) -> float | None:
        return above_plan(self.admitted, self.target)

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
