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

from django.db.models import Count, Model, Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.scope import org_read_filter
from members.enums import MemberStatus
from members.models import Member

from ..enums import ADMISSION_DOSSIER, STAGE_ORDER, DocStatus, Outcome
from ..models import (
    AdmissionCase,
    Candidate,
    CaseDocument,
    CaseStep,
    FullMembershipCase,
    Sponsor,
)
from ..rules.probation import full_cell_due, probation_ends_on
from ..rules.stages import stages_for

if TYPE_CHECKING:
    from accounts.scope import RequestUser
    from organizations.models import Organization

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


def get_probationary_for(user: RequestUser, pk: int) -> Member:
    """A probationary member in the user's reach (404 otherwise)."""
    return get_object_or_404(probationary_for(user).select_related("organization"), pk=pk)


def get_sponsor_for(user: RequestUser, case_pk: int, pk: int) -> Sponsor:
    """A sponsor of a case in the user's reach (404 otherwise)."""
    case = get_case_for(user, case_pk)
    sponsor = get_object_or_404(Sponsor.objects.select_related("member"), pk=pk, case=case)
    sponsor.case = case
    return sponsor


def document_owner_for(
    user: RequestUser, case_id: int | None, full_case_id: int | None
) -> AdmissionCase | FullMembershipCase:
    """The case a dossier document or a step belongs to, scoped (404 outside the reach)."""
    if case_id:
        return get_case_for(user, case_id)
    assert full_case_id is not None  # a document or step belongs to one case or the other
    return get_full_case_for(user, full_case_id)


def get_document_for(user: RequestUser, pk: int) -> CaseDocument:
    """A dossier document of a case in the user's reach (404 otherwise)."""
    document = get_object_or_404(CaseDocument, pk=pk)
    owner = document_owner_for(user, document.case_id, document.full_case_id)
    if isinstance(owner, FullMembershipCase):
        document.full_case = owner
    else:
        document.case = owner
    return document


def get_step_for(user: RequestUser, pk: int) -> CaseStep:
    """A step of a case in the user's reach (404 otherwise)."""
    step = get_object_or_404(CaseStep, pk=pk)
    document_owner_for(user, step.case_id, step.full_case_id)
    return step


def open_full_cases_for(user: RequestUser) -> QuerySet[FullMembershipCase]:
    """The full-membership cases under way in the user's reach."""
    return full_cases_for(user).filter(outcome="").select_related("member__organization")


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
    form: Any = field(default=None, compare=False)  # the page's small form for it

    @property
    def label(self) -> str:
        return self.document.get_kind_display()


def dossier_of(
    case: AdmissionCase, today: date, documents: Iterable[CaseDocument] | None = None
) -> list[DossierRow]:
    """The ADM-05 checklist: every document, received / missing / expired on `today`."""
    stages = set(stages_for(case))
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


# --- probation, for the case pages and the due dashboard (admissions.queries.due) -------


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
        return full_cell_due(self.ends_on)

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
        end = probation_ends_on(start)
        if within_days is not None and (end - today).days > within_days:
            continue
        out.append(ProbationRow(m, start, end, m.open_full[0] if m.open_full else None, today))
    return sorted(out, key=lambda r: r.ends_on)


def counts_by_stage(user: RequestUser, organization: Organization | None = None) -> dict[str, int]:
    qs = in_subtree(cases_for(user), organization, "cell__").filter(outcome=Outcome.OPEN)
    return dict(qs.values_list("stage").annotate(n=Count("pk")))
