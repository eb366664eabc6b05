"""Scoped reads of the admission work: lists, the due dashboard, dossiers, results.

Every function takes the user first and returns only what lies in the user's part of the
tree (accounts.scope): a candidate, case or member of a cell outside it is a 404 on every
page and export. Lists are read with a fixed number of queries whatever their length;
deadlines are computed in memory with core.calendar (each year's holidays read once).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import Count, Model, Prefetch, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.scope import org_read_filter
from members.enums import EventKind, MemberStatus
from members.models import Member, MemberEvent

from . import rules
from .enums import ADMISSION_DOSSIER, STAGE_ORDER, CandidateState, DocStatus, Outcome, Stage
from .models import (
    AdmissionCase,
    AdmissionTarget,
    Candidate,
    CandidateEvent,
    CaseDocument,
    CaseStep,
    FullMembershipCase,
)

if TYPE_CHECKING:
    from accounts.scope import RequestUser
    from organizations.models import Organization, Term

_M = TypeVar("_M", bound=Model)


def candidates_for(user: RequestUser) -> QuerySet[Candidate]:
    if not user.is_authenticated:
        return Candidate.objects.none()
    return Candidate.objects.filter(org_read_filter(user, "cell__"))


def cases_for(user: RequestUser) -> QuerySet[AdmissionCase]:
    if not user.is_authenticated:
        return AdmissionCase.objects.none()
    return AdmissionCase.objects.filter(org_read_filter(user, "cell__"))


def full_cases_for(user: RequestUser) -> QuerySet[FullMembershipCase]:
    if not user.is_authenticated:
        return FullMembershipCase.objects.none()
    return FullMembershipCase.objects.filter(org_read_filter(user, "member__organization__"))


def probationary_for(user: RequestUser) -> QuerySet[Member]:
    if not user.is_authenticated:
        return Member.objects.none()
    return Member.objects.filter(
        org_read_filter(user, "organization__"), status=MemberStatus.PROBATIONARY
    )


def get_candidate_for(user: RequestUser, pk: int) -> Candidate:
    return get_object_or_404(candidates_for(user).select_related("cell", "helper"), pk=pk)


def get_case_for(user: RequestUser, pk: int) -> AdmissionCase:
    return get_object_or_404(
        cases_for(user).select_related("candidate", "cell", "member", "previous_member"), pk=pk
    )


def get_full_case_for(user: RequestUser, pk: int) -> FullMembershipCase:
    return get_object_or_404(
        full_cases_for(user).select_related("member__organization", "admission_case"), pk=pk
    )


def in_subtree(qs: QuerySet[_M], organization: Organization | None, prefix: str) -> QuerySet[_M]:
    return qs.filter(organization.subtree_q(prefix)) if organization is not None else qs


def candidate_list_for(
    user: RequestUser, *, organization: Organization | None = None, state: str = ""
) -> QuerySet[Candidate]:
    qs = in_subtree(candidates_for(user), organization, "cell__")
    if state:
        qs = qs.filter(state=state)
    return qs.select_related("cell", "helper").order_by("sort_key", "id")


def case_list_for(
    user: RequestUser, *, organization: Organization | None = None, open_only: bool = True
) -> QuerySet[AdmissionCase]:
    qs = in_subtree(cases_for(user), organization, "cell__")
    if open_only:
        qs = qs.filter(outcome=Outcome.OPEN)
    return qs.select_related("candidate", "cell").order_by("cell__path", "opened_on", "id")


# --- the dossier (ADM-05, PRB-04) -------------------------------------------------------------


@dataclass
class DossierRow:
    document: CaseDocument
    status: str
    due: bool  # due by the case's current stage

    @property
    def label(self) -> str:
        return self.document.get_kind_display()


def dossier_of(
    case: AdmissionCase, today: date, documents: Iterable[CaseDocument] | None = None
) -> list[DossierRow]:
    """The ADM-05 checklist: every document, received / missing / expired on `today`."""
    stages = set(rules.stages_for(case))
    reached = STAGE_ORDER.index(case.stage)
    rows = []
    for doc in documents if documents is not None else case.documents.all():
        stage = ADMISSION_DOSSIER.get(doc.kind)
        if stage not in stages:
            continue
        rows.append(DossierRow(doc, doc.status_on(today), due=STAGE_ORDER.index(stage) <= reached))
    return rows


@dataclass
class IncompleteRow:
    case: AdmissionCase
    gaps: list[DossierRow]


def incomplete_dossiers_for(
    user: RequestUser, *, organization: Organization | None = None, today: date | None = None
) -> list[IncompleteRow]:
    """Open cases whose dossier lacks a document due by their stage, or holds an expired
    one: the committee's "incomplete dossiers" view (two queries)."""
    today = today or timezone.localdate()
    cases = case_list_for(user, organization=organization).prefetch_related(
        Prefetch("documents", queryset=CaseDocument.objects.order_by("id"))
    )
    out = []
    for case in cases:
        gaps = [
            r
            for r in dossier_of(case, today, case.documents.all())
            if r.due and r.status != DocStatus.RECEIVED
        ]
        if gaps:
            out.append(IncompleteRow(case, gaps))
    return out


# --- the due and overdue dashboard: admissions.queries_due -------------------------------


@dataclass
class ProbationRow:
    member: Member
    starts_on: date
    ends_on: date
    full_case: FullMembershipCase | None
    today: date

    @property
    def days_to_end(self) -> int:
        return (self.ends_on - self.today).days

    @property
    def cell_due(self) -> date:
        return rules.full_cell_due(self.ends_on)

    @property
    def overdue(self) -> bool:
        return self.full_case is None and self.today > self.cell_due


def probation_list_for(
    user: RequestUser,
    *,
    organization: Organization | None = None,
    today: date | None = None,
    within_days: int | None = 90,
) -> list[ProbationRow]:
    """PRB-01: probationary members whose 12 months end within `within_days` (or ended)."""
    today = today or timezone.localdate()
    members = in_subtree(probationary_for(user), organization, "organization__")
    members = members.select_related("organization").prefetch_related(
        Prefetch(
            "full_cases",
            queryset=FullMembershipCase.objects.filter(outcome=""),
            to_attr="open_full",
        )
    )
    ceremonies = dict(
        AdmissionCase.objects.filter(member__in=members).values_list("member_id", "ceremony_on")
    )
    out = []
    for m in members:
        start = ceremonies.get(m.pk) or m.admitted_on
        if start is None:
            continue
        end = rules.probation_ends_on(start)
        if within_days is not None and (end - today).days > within_days:
            continue
        out.append(ProbationRow(m, start, end, m.open_full[0] if m.open_full else None, today))
    return sorted(out, key=lambda r: r.ends_on)


# --- ADM-11: targets and results ---------------------------------------------------------------


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
        return rules.achievement(self.admitted, self.target)

    @property
    def above_plan(self) -> float | None:
        return rules.above_plan(self.admitted, self.target)

    @property
    def trained_rate(self) -> float | None:
        return rules.rate(self.trained, self.sympathizers)

    @property
    def admitted_rate(self) -> float | None:
        return rules.rate(self.admitted, self.trained)

    @property
    def full_rate(self) -> float | None:
        return rules.rate(self.full, self.admitted)


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
                "achievement": rules.achievement(n, t.target),
                "above_plan": rules.above_plan(n, t.target),
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


def counts_by_stage(user: RequestUser, organization: Organization | None = None) -> dict[str, int]:
    qs = in_subtree(cases_for(user), organization, "cell__").filter(outcome=Outcome.OPEN)
    return dict(qs.values_list("stage").annotate(n=Count("pk")))


# The due dashboard lives in its own module (it reads the scoped functions above).
