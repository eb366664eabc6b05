"""The due and overdue dashboard of the admission work (ADM-04, 05, 07, 08, 09; PRB-02, 03).

One row for every person the cell still has to act for, with the next step, its deadline
and who must act:
- a person on the list with no open case (outstanding or sympathizer) and every open case
  before the cell's resolution: the next stage of ADM-05, due by the monthly review
  (admissions.rules.reviews, ADM-05, calendar days), or by the expiry of the awareness
  certificate when that comes first (ADM-04; once it has expired the next step is to
  retake the course, overdue);
- a case after the cell's resolution: the committee's resolution or decision (ADM-07), the
  ceremony (ADM-08), the member file (ADM-09), in working days (core.calendar);
- a probationary member: the cell's consideration (PRB-02) or the decision (PRB-03).

Scoped like every read (admissions.queries); a fixed number of queries whatever the
number of rows (five); deadlines computed in memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from core.calendar import working_days_between

from ..enums import CandidateState, Outcome, Stage
from ..models import AdmissionCase, Candidate, CandidateReview
from ..rules.deadlines import ceremony_due, decision_due, member_file_due
from ..rules.person import certificate_expires_on
from ..rules.probation import full_cell_due, full_decision_due
from ..rules.reviews import review_due
from ..rules.stages import stages_for
from .cases import candidate_list_for, cases_for, in_subtree, probation_list_for

if TYPE_CHECKING:
    from accounts.scope import RequestUser
    from members.models import Member
    from organizations.models import Organization

CELL = _("Chi bộ")
COMMITTEE = _("Đảng ủy cơ sở")
COMPETENT = _("Cấp ủy có thẩm quyền")
HELPER = _("Đảng viên giúp đỡ, chi bộ")
NEW_MEMBER = _("Đảng viên mới, chi bộ")

# ADM-05: who carries out the next stage, before the cell's resolution.
WHO_BEFORE_RESOLUTION: dict[str, StrOrPromise] = {
    Stage.SYMPATHIZER: CELL,
    Stage.COURSE: _("Người vào Đảng, đảng viên giúp đỡ"),
    Stage.APPLICATION: _("Người vào Đảng"),
    Stage.HISTORY: _("Người vào Đảng"),
    Stage.VERIFICATION: _("Chi ủy, chi bộ"),
    Stage.COMMENTS: _("Đoàn thể, chi ủy nơi cư trú"),
    Stage.SPONSORS: _("Người giới thiệu"),
    Stage.CELL_RESOLUTION: CELL,
}
# The next stage of a person on the list with no case yet.
NEXT_WITHOUT_CASE: dict[str, str] = {
    CandidateState.OUTSTANDING: Stage.SYMPATHIZER,
    CandidateState.SYMPATHIZER: Stage.COURSE,
}


@dataclass
class DueRow:
    kind: str  # "candidate", "case", "probation", "full"
    name: str
    organization: str
    step: str
    rule_id: str
    who: str
    due: date
    today: date
    url: str
    working_days: bool = True
    due_note: str = ""  # what the deadline is, when it is not the step's own

    @property
    def overdue(self) -> bool:
        return self.today > self.due

    @property
    def days_left(self) -> int:
        return working_days_between(self.today, self.due)

    @property
    def days_late(self) -> int:
        return -self.days_left if self.overdue else 0


def _last_review() -> Subquery:
    """The month of the candidate's latest monthly review (a subquery: no extra query)."""
    return Subquery(
        CandidateReview.objects.filter(candidate=OuterRef("candidate_id"))
        .order_by("-month")
        .values("month")[:1]
    )


def _review_note(helper: Member | None) -> str:
    if helper is None:
        return str(_("Nhận xét hằng tháng của chi bộ (ADM-05)"))
    return str(_("Nhận xét hằng tháng: %(name)s (đảng viên giúp đỡ), ADM-05")) % {
        "name": helper.full_name
    }


def _before_resolution_row(
    kind: str,
    candidate: Candidate,
    next_stage: str,
    last_review: date | None,
    certificate_on: date | None,
    today: date,
    name: str,
    org: str,
    url: str,
) -> DueRow:
    """ADM-05 with ADM-04: the next stage before the cell's resolution."""
    review = review_due(candidate.state_since, last_review)
    who = WHO_BEFORE_RESOLUTION.get(next_stage, CELL)
    if certificate_on is not None:
        expires = certificate_expires_on(certificate_on)
        if today > expires:
            return DueRow(
                kind,
                name,
                org,
                str(_("Học lại lớp bồi dưỡng nhận thức về Đảng (giấy chứng nhận đã hết hiệu lực)")),
                "ADM-04",
                str(_("Người vào Đảng, chi bộ")),
                expires,
                today,
                url,
                False,
                str(_("Giấy chứng nhận hết hiệu lực ngày %(on)s")) % {"on": f"{expires:%d/%m/%Y}"},
            )
        if expires < review:
            return DueRow(
                kind,
                name,
                org,
                str(Stage(next_stage).label),
                "ADM-04",
                str(who),
                expires,
                today,
                url,
                False,
                str(_("Chi bộ xét trước khi giấy chứng nhận hết hiệu lực")),
            )
    return DueRow(
        kind,
        name,
        org,
        str(Stage(next_stage).label),
        "ADM-05",
        str(who),
        review,
        today,
        url,
        False,
        _review_note(candidate.helper),
    )


def _case_row(case: AdmissionCase, last_review: date | None, today: date) -> DueRow | None:
    """The next step of an admission case; `last_review`: the month of the candidate's
    latest monthly review (the `_last_review()` annotation)."""
    name, org, url = case.candidate.full_name, case.cell.name, case.get_absolute_url()

    def row(
        step: StrOrPromise, rule_id: str, who: StrOrPromise, due: date, working: bool = True
    ) -> DueRow:
        return DueRow("case", name, org, str(step), rule_id, str(who), due, today, url, working)

    if case.outcome == Outcome.ADMITTED:
        if case.stage == Stage.CEREMONY:
            assert case.ceremony_on is not None  # admitted at a ceremony: its date is known
            return row(
                Stage.MEMBER_FILE.label,
                "ADM-09",
                NEW_MEMBER,
                member_file_due(case.ceremony_on),
            )
        return None
    stages = stages_for(case)  # no query: the cell's kind decides
    index = stages.index(case.stage)
    next_stage = stages[index + 1] if index + 1 < len(stages) else None
    if next_stage is None:
        return None
    if case.stage == Stage.DECISION:
        received = case.decision_received_on or case.decision_on
        assert received is not None  # past the decision stage: the decision is dated
        return row(Stage.CEREMONY.label, "ADM-08", CELL, ceremony_due(received))
    if case.stage in (Stage.CELL_RESOLUTION, Stage.COMMITTEE_RESOLUTION):
        # ADM-07: the committee's resolution and the decision, within the same deadline.
        who = COMMITTEE if next_stage == Stage.COMMITTEE_RESOLUTION else COMPETENT
        assert case.cell_resolution_on is not None  # past the cell's resolution: it is dated
        return row(Stage(next_stage).label, "ADM-07", who, decision_due(case.cell_resolution_on))
    return _before_resolution_row(
        "case",
        case.candidate,
        next_stage,
        last_review,
        case.certificate_on,
        today,
        name,
        org,
        url,
    )


def _within(rows: list[DueRow], today: date, horizon_days: int | None) -> list[DueRow]:
    if horizon_days is None:
        return rows
    limit = today + timedelta(days=horizon_days)
    return [r for r in rows if r.overdue or r.due <= limit]


def due_rows_for(
    user: RequestUser,
    *,
    organization: Organization | None = None,
    today: date | None = None,
    horizon_days: int | None = None,
) -> list[DueRow]:
    """Every person on the list, every open case, every new member without a member file
    and every probationary member in the user's reach (or in `organization`'s subtree),
    each with the next step, its deadline and who must act; overdue first, then by due
    date. `horizon_days`: leave out what is due more than that many calendar days after
    `today` (overdue rows are always kept); None: everything. Five queries."""
    today = today or timezone.localdate()
    rows: list[DueRow] = []
    cases = (
        in_subtree(cases_for(user), organization, "cell__")
        .filter(Q(outcome=Outcome.OPEN) | Q(outcome=Outcome.ADMITTED, stage=Stage.CEREMONY))
        .select_related("candidate__helper", "cell")
        .annotate(last_review=_last_review())
    )
    for case in cases:
        row = _case_row(case, case.last_review, today)
        if row is not None:
            rows.append(row)
    people = (
        candidate_list_for(user, organization=organization)
        .filter(state__in=list(NEXT_WITHOUT_CASE))
        .exclude(cases__outcome=Outcome.OPEN)
        .annotate(
            last_review=Subquery(
                CandidateReview.objects.filter(candidate=OuterRef("pk"))
                .order_by("-month")
                .values("month")[:1]
            )
        )
    )
    for c in people:
        rows.append(
            _before_resolution_row(
                "candidate",
                c,
                NEXT_WITHOUT_CASE[c.state],
                c.last_review,
                None,
                today,
                c.full_name,
                c.cell.name,
                c.get_absolute_url(),
            )
        )
    rows += probation_rows_for(user, organization=organization, today=today)
    rows = _within(rows, today, horizon_days)
    return sorted(rows, key=lambda r: (not r.overdue, r.due, r.name))


def probation_rows_for(
    user: RequestUser,
    *,
    organization: Organization | None = None,
    today: date | None = None,
    horizon: int | None = None,
) -> list[DueRow]:
    """PRB-01..03: probationary members whose 12 months end within `horizon` days (all
    when None), with the next step of their full-membership case. Three queries."""
    today = today or timezone.localdate()
    rows = []
    for probation in probation_list_for(
        user, organization=organization, today=today, within_days=horizon
    ):
        m, end, fcase = probation.member, probation.ends_on, probation.full_case
        url = fcase.get_absolute_url() if fcase else m.get_absolute_url()
        if fcase is not None and fcase.cell_resolution_on:
            rows.append(
                DueRow(
                    "full",
                    m.full_name,
                    m.organization.name,
                    str(_("Quyết định công nhận đảng viên chính thức")),
                    "PRB-03",
                    str(COMPETENT),
                    full_decision_due(fcase.cell_resolution_on),
                    today,
                    url,
                )
            )
        else:
            rows.append(
                DueRow(
                    "probation",
                    m.full_name,
                    m.organization.name,
                    str(_("Chi bộ xét chuyển đảng viên chính thức (hết dự bị %(end)s)"))
                    % {"end": f"{end:%d/%m/%Y}"},
                    "PRB-02",
                    str(CELL),
                    full_cell_due(end),
                    today,
                    url,
                )
            )
    return rows
