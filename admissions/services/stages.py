"""The one way a case changes stage: one table of stage handlers, one dispatcher (`advance`).

Admission cases (ADM-05) and full-membership cases (PRB-02..03) share the table
`STAGE_HANDLERS`: for each (kind of case, stage) the handler that judges the step (adds
its findings, sets the facts it records on the case) and, once the step is kept, writes
what follows from it (the candidate's state, the member in the register). `advance`
locks the case, checks who may take the step and the order, runs the handler, refuses on
a blocking finding (or a warning without a reason: `StepRefused`, nothing saved), keeps
the step (CaseStep), marks the stage's dossier document received and saves the case;
every row is written through save() so that django-simple-history keeps who did it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import stamp
from core.findings import Finding, Severity
from members.enums import EventKind
from members.models import Member
from members.services.events import record_event
from members.services.profile import create_member
from training.models import Enrollment

from ..enums import (
    FULL_STAGE_DOCUMENT,
    STAGE_DOCUMENT,
    CandidateState,
    DocKind,
    FullStage,
    Outcome,
    Proposal,
    Stage,
)
from ..models import (
    AdmissionCase,
    Candidate,
    CandidateEvent,
    CaseDocument,
    CaseStep,
    FullMembershipCase,
)
from ..queries.certificates import resolve_course_certificate
from ..queries.stages import (
    case_organization,
    committee_vote,
    dossier_gaps,
    full_members_on,
    grassroots_of,
    next_stage,
    number_fact,
    standing_findings,
)
from ..rules.deadlines import ceremony_findings, decision_findings, member_file_findings
from ..rules.person import certificate_expires_on, certificate_findings, step_date_findings
from ..rules.probation import full_cell_findings, full_decision_findings
from ..rules.sponsors import vote_findings
from ..rules.versions import blocking, warnings
from .candidates import check_helper, set_candidate_state

if TYPE_CHECKING:
    from accounts.models import User

Case = AdmissionCase | FullMembershipCase


class StepRefused(ValidationError):
    """A write refused by blocking findings, or by warnings without a recorded reason."""

    def __init__(self, findings: list[Finding], message: str | None = None):
        self.findings = findings
        messages = [str(f) for f in findings]
        if message:
            messages.insert(0, message)
        super().__init__(messages)


def refuse(message: str, rule_id: str = "ADM-05", field: str | None = None) -> StepRefused:
    return StepRefused([Finding(rule_id, Severity.BLOCKING, message, field)])


@dataclass
class Step:
    """One step being taken: the case (locked), its stage and date, who takes it, the facts
    typed for it, and what the handler finds and decides."""

    case: Any  # AdmissionCase or FullMembershipCase: the handler knows which
    stage: str
    on: date
    by: User
    facts: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    # The stage's dossier document: received on this date (default: the step's), expiring.
    received_on: date | None = None
    expires_on: date | None = None
    enrollment: Enrollment | None = None  # ADM-04: the training certificate it came from
    record: CaseStep | None = None  # the kept step, for `after`


@dataclass(frozen=True)
class StageHandler:
    """What one stage of one kind of case does: `judge` (findings, facts on the case,
    before anything is kept) and `after` (the writes that follow once the step is kept)."""

    judge: Callable[[Step], None] | None = None
    after: Callable[[Step], None] | None = None
    # Taken by the grassroots committee (ADM-06, PRB-02), not the cell: its writers decide.
    by_committee: bool = False


# --- admission cases (ADM-05) ------------------------------------------------------------------


def _sympathizer(step: Step) -> None:
    """ADM-05: a full member of the cell is assigned to help."""
    candidate = step.case.candidate
    check_helper(candidate, step.facts.get("helper") or candidate.helper, step.on)


def _sympathizer_after(step: Step) -> None:
    candidate = step.case.candidate
    if candidate.state != CandidateState.SYMPATHIZER:
        set_candidate_state(
            candidate,
            CandidateState.SYMPATHIZER,
            by=step.by,
            on=max(step.on, candidate.state_since),
            helper=step.facts.get("helper") or candidate.helper,
            reason=_("Chi bộ công nhận cảm tình đảng"),
        )


def _course(step: Step) -> None:
    """ADM-04: the awareness certificate, taken from training when it is there
    (queries.certificates.resolve_course_certificate), else typed; valid 60 months."""
    case = step.case
    resolved = resolve_course_certificate(
        case,
        on=step.on,
        certificate_on=step.facts.get("certificate_on"),
        certificate_number=step.facts.get("certificate_number", "") or "",
    )
    if resolved is None:
        step.findings.append(
            Finding(
                "ADM-04",
                Severity.BLOCKING,
                _(
                    "Chưa có giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng của "
                    "người này trong hệ thống: nhập ngày cấp và số giấy chứng nhận."
                ),
                "certificate_on",
            )
        )
        return
    certificate_on, number, enrollment = resolved
    step.findings += certificate_findings(certificate_on, step.on)
    case.certificate_on, case.certificate_number = certificate_on, number
    case.certificate_enrollment = enrollment
    # The dossier's certificate is dated by the certificate, not the step.
    step.received_on = certificate_on
    step.expires_on = certificate_expires_on(certificate_on)
    step.enrollment = enrollment


def _course_after(step: Step) -> None:
    """ADM-04: the dossier's certificate names the enrolment when it was marked from it."""
    if step.enrollment is None:
        return
    doc = step.case.documents.filter(kind=DocKind.CERTIFICATE).first()
    if doc is not None and doc.received_on == step.received_on and doc.enrollment_id is None:
        doc.enrollment = step.enrollment
        stamp(doc, step.by)
        doc.save(update_fields=["enrollment"])


def _cell_resolution(step: Step) -> None:
    """ADM-01..04, ADM-10 judged again; ADM-06: 2/3 of the cell's full members on the day;
    ADM-05: the dossier due by now."""
    case, facts, on = step.case, step.facts, step.on
    if "over_age_agreement" in facts:
        case.over_age_agreement = facts["over_age_agreement"] or ""
    if "education_exception" in facts:
        case.education_exception = bool(facts["education_exception"])
    step.findings += standing_findings(case, on)
    base = full_members_on(case.cell, on).count()
    votes_for, votes_against = number_fact(facts, "votes_for"), number_fact(facts, "votes_against")
    step.findings += vote_findings(
        "ADM-06", votes_for, votes_against, base, _("Chi bộ (đảng viên chính thức)")
    )
    gaps = dossier_gaps(case, Stage.CELL_RESOLUTION, on)
    if gaps:
        step.findings.append(
            Finding(
                "ADM-05",
                Severity.WARNING,
                _("Hồ sơ còn thiếu hoặc hết hiệu lực: %(docs)s.")
                % {"docs": "; ".join(d.get_kind_display() for d in gaps)},
                "documents",
            )
        )
    case.cell_resolution_on, case.vote_base = on, base
    case.votes_for, case.votes_against = votes_for, votes_against or 0


def _committee_resolution(step: Step) -> None:
    """ADM-06: 2/3 of the committee members seated on the day in the register (PRB-02: for
    full membership; a strike-off needs no 2/3)."""
    case = step.case
    need_two_thirds = not isinstance(case, FullMembershipCase) or case.proposal == Proposal.FULL
    size, c_for, c_against, vote = committee_vote(
        grassroots_of(case_organization(case)),
        step.on,
        step.facts,
        need_two_thirds=need_two_thirds,
    )
    step.findings += vote
    case.committee_resolution_on, case.committee_size = step.on, size
    case.committee_for, case.committee_against = c_for, c_against


def _decision(step: Step) -> None:
    """ADM-07: the decision within 60 working days of the cell (+ an extension with a reason)."""
    case = step.case
    reason = (step.facts.get("extension_reason") or "").strip()
    assert case.cell_resolution_on is not None  # stages run in order: the cell resolved
    step.findings += decision_findings(case.cell_resolution_on, step.on, extension_reason=reason)
    case.decision_on = step.on
    case.decision_number = (step.facts.get("decision_number") or "").strip()
    case.extension_reason = reason


def _ceremony(step: Step) -> None:
    """ADM-08: the ceremony within 30 working days of the cell receiving the decision."""
    case = step.case
    assert case.decision_on is not None  # stages run in order: the decision is dated
    received = step.facts.get("decision_received_on") or case.decision_on
    step.findings += ceremony_findings(case.decision_on, received, step.on)
    case.decision_received_on, case.ceremony_on = received, step.on


def _ceremony_after(step: Step) -> None:
    """ADM-05 → MEM-02: the person admitted: the member in the register, the case's outcome,
    the candidate's state (through save(): the candidate's history keeps who admitted)."""
    case, by = step.case, step.by
    assert case.decision_on is not None  # stages run in order: the decision is dated
    case.member = _admit(case, by=by)
    case.outcome = Outcome.ADMITTED
    candidate = Candidate.objects.select_for_update().get(pk=case.candidate_id)
    candidate.state, candidate.state_since = CandidateState.ADMITTED, case.decision_on
    stamp(candidate, by)
    candidate.save()
    CandidateEvent.objects.create(
        candidate=candidate,
        state=CandidateState.ADMITTED,
        on=case.decision_on,
        reason=case.decision_number[:255],
        recorded_by=by,
    )


def _member_file(step: Step) -> None:
    """ADM-09: the member file completed within 30 working days of the ceremony."""
    case = step.case
    assert case.ceremony_on is not None  # stages run in order: admitted at a ceremony
    step.findings += member_file_findings(case.ceremony_on, step.on)
    case.member_file_on = step.on


def _admit(case: AdmissionCase, *, by: User) -> Member:
    """ADM-05 → MEM-02: the probationary member in the register, from the candidate
    (members.services.profile.create_member → record_event(ADMITTED) on the decision date;
    AGE-01 counts from the decision), or a former member re-admitted (ADM-10)."""
    candidate = case.candidate
    document = case.decision_number
    assert case.decision_on is not None  # stages run in order: the decision is dated
    if case.readmission and case.previous_member_id:
        member = case.previous_member
        assert member is not None  # previous_member_id is set
        record_event(
            member,
            EventKind.READMITTED,
            case.decision_on,
            by=by,
            organization=case.cell,
            document=document,
            reason=_("Kết nạp lại"),
        )
        member.refresh_from_db()
        return member
    return create_member(
        by=by,
        organization=case.cell,
        admitted_on=case.decision_on,
        document=document,
        full_name=candidate.full_name,
        sex=candidate.sex,
        date_of_birth=candidate.date_of_birth,
        education=candidate.education,
        citizen_id=candidate.citizen_id or None,
        home_town=candidate.home_town,
        address=candidate.address,
    )


# --- full-membership cases (PRB-02..03) ------------------------------------------------------


def _full_cell_resolution(step: Step) -> None:
    """PRB-02: after the 12 months end, within 30 working days; 2/3 of the cell's full
    members on the day for full membership (a member not qualified is proposed for
    strike-off)."""
    fcase, facts, on = step.case, step.facts, step.on
    proposal = facts.get("proposal") or Proposal.FULL
    if proposal not in Proposal.values:
        raise ValidationError({"proposal": _("Đề nghị không hợp lệ.")})
    step.findings += full_cell_findings(fcase.probation_ends_on, on)
    base = full_members_on(fcase.member.organization, on).exclude(pk=fcase.member.pk).count()
    votes_for, votes_against = number_fact(facts, "votes_for"), number_fact(facts, "votes_against")
    step.findings += vote_findings(
        "PRB-02",
        votes_for,
        votes_against,
        base,
        _("Chi bộ (đảng viên chính thức)"),
        need_two_thirds=proposal == Proposal.FULL,
    )
    fcase.proposal, fcase.cell_resolution_on, fcase.vote_base = proposal, on, base
    fcase.votes_for, fcase.votes_against = votes_for, votes_against or 0


def _full_decision(step: Step) -> None:
    """PRB-03: the decision within 30 working days of the cell (+30 with a reason)."""
    fcase = step.case
    reason = (step.facts.get("extension_reason") or "").strip()
    assert fcase.cell_resolution_on is not None  # stages run in order: the cell resolved
    step.findings += full_decision_findings(
        fcase.cell_resolution_on, step.on, extension_reason=reason
    )
    fcase.decision_on, fcase.extension_reason = step.on, reason
    fcase.decision_number = (step.facts.get("decision_number") or "").strip()


def _full_decision_after(step: Step) -> None:
    """PRB-03: FULL_MEMBERSHIP from the day probation ends (even when decided late), or
    STRUCK_OFF on the decision date (probation is never extended)."""
    fcase, by = step.case, step.by
    fcase.outcome = fcase.proposal
    if fcase.proposal == Proposal.FULL:
        fcase.effective_on = _make_full(fcase, by=by)
    else:
        record_event(
            fcase.member,
            EventKind.STRUCK_OFF,
            step.on,
            by=by,
            document=fcase.decision_number,
            reason=_("Không đủ tư cách đảng viên chính thức sau 12 tháng dự bị (PRB-02)"),
        )


def _make_full(fcase: FullMembershipCase, *, by: User) -> date:
    """PRB-03: full membership from the day probation ends, even when decided late. When
    the register already holds a later event (record_event refuses earlier dates), the
    event is recorded on that later date with the effective date in its reason, and
    Member.full_member_on is set to the effective date."""
    member = fcase.member
    effective = fcase.probation_ends_on
    last = member.events.order_by("-on", "-id").first()
    record_on = effective if last is None or last.on <= effective else last.on
    reason = _("Đảng viên chính thức từ ngày %(on)s (PRB-03)") % {"on": f"{effective:%d/%m/%Y}"}
    record_event(
        member,
        EventKind.FULL_MEMBERSHIP,
        record_on,
        by=by,
        document=fcase.decision_number,
        reason=reason,
    )
    if record_on != effective:
        member.refresh_from_db()
        member.full_member_on = effective
        stamp(member, by)
        member.save()
    return effective


# --- the table ----------------------------------------------------------------------------------

# (kind of case, stage) → its handler. A stage not listed only records its date and
# document (APPLICATION, HISTORY, VERIFICATION, COMMENTS, SPONSORS).
STAGE_HANDLERS: dict[tuple[type[models.Model], str], StageHandler] = {
    (AdmissionCase, Stage.SYMPATHIZER): StageHandler(_sympathizer, _sympathizer_after),
    (AdmissionCase, Stage.COURSE): StageHandler(_course, _course_after),
    (AdmissionCase, Stage.CELL_RESOLUTION): StageHandler(_cell_resolution),
    (AdmissionCase, Stage.COMMITTEE_RESOLUTION): StageHandler(
        _committee_resolution, by_committee=True
    ),
    (AdmissionCase, Stage.DECISION): StageHandler(_decision, by_committee=True),
    (AdmissionCase, Stage.CEREMONY): StageHandler(_ceremony, _ceremony_after),
    (AdmissionCase, Stage.MEMBER_FILE): StageHandler(_member_file),
    (FullMembershipCase, FullStage.CELL_RESOLUTION): StageHandler(_full_cell_resolution),
    (FullMembershipCase, FullStage.COMMITTEE_RESOLUTION): StageHandler(
        _committee_resolution, by_committee=True
    ),
    (FullMembershipCase, FullStage.DECISION): StageHandler(
        _full_decision, _full_decision_after, by_committee=True
    ),
}


@dataclass(frozen=True)
class _Kind:
    """What differs between the two kinds of case around the table."""

    stages: type[models.TextChoices]
    documents: dict[str, str]  # the dossier document each stage brings
    closed_rule: str  # the rule a step on a closed case is refused by
    order_rule: str  # the rule a step out of order is refused by
    owner: str  # CaseStep's key to the case


_KINDS: dict[type[models.Model], _Kind] = {
    AdmissionCase: _Kind(Stage, STAGE_DOCUMENT, "ADM-05", "ADM-05", "case"),
    FullMembershipCase: _Kind(FullStage, FULL_STAGE_DOCUMENT, "PRB-03", "PRB-02", "full_case"),
}


def _locked(case: Case) -> Case:
    if isinstance(case, FullMembershipCase):
        return (
            FullMembershipCase.objects.select_for_update()
            .select_related("member__organization")
            .get(pk=case.pk)
        )
    return (
        AdmissionCase.objects.select_for_update()
        .select_related("candidate", "cell")
        .get(pk=case.pk)
    )


def _previous_on(steps: Iterable[CaseStep]) -> date | None:
    dates = [s.on for s in steps]
    return max(dates) if dates else None


def _decide(findings: list[Finding], override_reason: str) -> None:
    """Blocking → refused; warnings → refused unless a reason is given."""
    blocked = blocking(findings)
    if blocked:
        raise StepRefused(blocked)
    warned = warnings(findings)
    if warned and not override_reason.strip():
        raise StepRefused(
            warned,
            _("Có cảnh báo: cần ghi lý do (căn cứ, ý kiến cấp trên) để tiếp tục."),
        )


def _as_json(findings: list[Finding]) -> list[dict[str, str]]:
    return [
        {"rule_id": f.rule_id, "severity": str(f.severity), "message": f.message} for f in findings
    ]


@transaction.atomic
def advance(
    case: Case,
    to_stage: str,
    *,
    by: User,
    on: date,
    document: File[bytes] | None = None,
    override_reason: str = "",
    **facts: Any,
) -> CaseStep:
    """Move a case (admission or full membership) to its next stage, judged by the rules in
    force on `on`, through the handler of `STAGE_HANDLERS`.

    Refused (StepRefused, nothing saved) when the stage is not the next one, when a
    blocking finding is raised, or when warnings are raised without `override_reason`;
    PermissionDenied when `by` may not take the step ("admissions.record_step" on the cell,
    or on the grassroots organization for its committee's resolution and the decision).

    Facts of an admission case by stage: SYMPATHIZER `helper`; COURSE `certificate_on`,
    `certificate_number` (taken from training when left blank, ADM-04); CELL_RESOLUTION
    `votes_for`, `votes_against`, optional `over_age_agreement`, `education_exception`;
    COMMITTEE_RESOLUTION `committee_for`, `committee_against` (the base is the register's,
    `committee_voters_on`; an optional `committee_size` must agree with it); DECISION
    `decision_number`, `extension_reason`; CEREMONY `decision_received_on` (default: the
    decision date). Of a full-membership case: CELL_RESOLUTION `proposal` (full /
    strike_off), `votes_for`, `votes_against`; COMMITTEE_RESOLUTION as above; DECISION
    `decision_number`, `extension_reason`.

    Checks: ADM-05 order and dates; ADM-04 at COURSE and CELL_RESOLUTION; ADM-01, ADM-02,
    ADM-03, ADM-06 (base: the cell's full members on `on`), ADM-10 and the dossier at
    CELL_RESOLUTION; ADM-06 committee vote (base: the grassroots committee members
    seated on `on`); ADM-07 at DECISION; ADM-08 at CEREMONY; ADM-09 at MEMBER_FILE.
    PRB-02 (after the 12 months end, within 30 working days; 2/3 for full membership),
    ADM-06 for the committee vote, PRB-03 (decision within 30 working days of the cell,
    +30 with a reason).

    Side effects, in one transaction, each row with its history:
    - a CaseStep (date, uploaded document, `by`, override reason, the findings as judged);
    - the case's stage and the facts of the step (votes and their base, dates, numbers,
      the training enrolment of the certificate);
    - the dossier document of the stage marked received with the upload as its scan
      (the certificate with its expiry, ADM-04; PRB-04 for a full-membership case);
    - SYMPATHIZER: the candidate becomes a sympathizer (CandidateEvent) with the helper;
    - CEREMONY: the probationary member is created in the register from the candidate's
      data, or a former member is re-admitted; the case is linked to the member, its
      outcome is "admitted" and the candidate's state too;
    - full DECISION: the member's FULL_MEMBERSHIP event taking effect on the day
      probation ends (PRB-03), or STRUCK_OFF on the decision date.
    """
    case = _locked(case)
    kind = _KINDS[type(case)]
    handler = STAGE_HANDLERS.get((type(case), to_stage), StageHandler())
    organization = case_organization(case)
    if handler.by_committee:
        organization = grassroots_of(organization)
    if not by.has_perm("admissions.record_step", organization):
        raise PermissionDenied(_("Bạn không có quyền ghi bước này của hồ sơ."))
    admitted_file = to_stage == Stage.MEMBER_FILE and isinstance(case, AdmissionCase)
    if not (case.is_open or (admitted_file and case.outcome == Outcome.ADMITTED)):
        raise refuse(_("Hồ sơ đã kết thúc."), kind.closed_rule)
    expected = next_stage(case)
    if to_stage not in kind.stages.values:
        raise refuse(_("Bước không hợp lệ."), kind.order_rule)
    if to_stage != expected:
        raise refuse(
            _("Không được bỏ qua hoặc quay lại bước: bước tiếp theo là “%(next)s”.")
            % {"next": kind.stages(expected).label if expected else "—"},
            kind.order_rule,
            "stage",
        )
    step = Step(case, to_stage, on, by, facts)
    step.findings = step_date_findings(on, _previous_on(case.steps.all()), timezone.localdate())
    if handler.judge is not None:
        handler.judge(step)

    _decide(step.findings, override_reason)
    record = CaseStep(
        stage=to_stage,
        on=on,
        done_by=by,
        override_reason=override_reason.strip()[:500] if warnings(step.findings) else "",
        findings=_as_json(step.findings),
        **{kind.owner: case},
    )
    if document is not None:
        record.document = document
    stamp(record, by)
    record.save()
    step.record = record

    doc_kind = kind.documents.get(to_stage)
    doc = case.documents.filter(kind=doc_kind).first() if doc_kind else None
    if doc is not None and (document is not None or doc.received_on is None):
        _mark_received(doc, step)
    if handler.after is not None:
        handler.after(step)

    case.stage = to_stage
    stamp(case, by)
    case.save()
    return record


def _mark_received(doc: CaseDocument, step: Step) -> None:
    """The dossier document of a step: received on the step's date (the certificate's,
    ADM-04, with its expiry), with the step's scan."""
    doc.received_on = step.received_on or step.on
    if step.expires_on is not None:
        doc.expires_on = step.expires_on
    assert step.record is not None  # marked once the step is kept
    if step.record.document:
        doc.scan = step.record.document
    stamp(doc, step.by)
    doc.save()
