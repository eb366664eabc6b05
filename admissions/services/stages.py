"""The one way an admission case changes stage (`advance`), its findings and the admission itself."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import stamp
from core.findings import Finding, Severity
from members.enums import EventKind
from members.models import Member, MemberEvent
from members.services import create_member
from members.services.events import record_event

from .. import rules
from ..enums import (
    ADMISSION_DOSSIER,
    STAGE_DOCUMENT,
    STAGE_ORDER,
    CandidateState,
    DocKind,
    Outcome,
    Stage,
)
from ..models import (
    AdmissionCase,
    Candidate,
    CandidateEvent,
    CaseDocument,
    CaseStep,
)
from ..rules.stages import stages_for
from .candidates import _check_helper, set_candidate_state
from .cases import sponsor_facts
from .common import (
    _int,
    _mark_received,
    _previous_on,
    _record_step,
    _refuse,
    _require_write,
    _today,
    committee_vote,
    full_members_on,
    grassroots_of,
    next_stage,
)

if TYPE_CHECKING:
    from accounts.models import User


def standing_findings(case: AdmissionCase, on: date) -> list[Finding]:
    """The conditions of the person, judged on `on` (ADM-01..04, ADM-10): shown on the case
    page before the cell meets, and judged again at the cell's resolution."""
    candidate = case.candidate
    findings = rules.age_findings(
        candidate.date_of_birth, on, over_age_agreement=bool(case.over_age_agreement)
    )
    findings += rules.education_findings(
        candidate.education,
        on,
        difficult_area=case.education_exception or case.cell.especially_difficult,
    )
    if STAGE_ORDER.index(case.stage) >= STAGE_ORDER.index(Stage.COURSE):
        findings += rules.certificate_findings(case.certificate_on, on)
    sponsors = list(case.sponsors.select_related("member"))
    if sponsors or STAGE_ORDER.index(case.stage) >= STAGE_ORDER.index(Stage.SPONSORS):
        findings += rules.sponsor_findings(
            sponsor_facts(case, sponsors, on),
            on,
            youth_union_member=candidate.youth_union_member,
        )
    if case.readmission:
        findings += rules.readmission_findings(
            left_on=case.left_on,
            leaving_way=case.leaving_way,
            readmitted_before=_readmitted_before(case),
            on=on,
        )
    return findings


def _readmitted_before(case: AdmissionCase) -> bool:
    if case.previous_member_id is None:
        return False

    return MemberEvent.objects.filter(
        member_id=case.previous_member_id, kind=EventKind.READMITTED
    ).exists()


def dossier_gaps(case: AdmissionCase, before_stage: str, on: date) -> list[CaseDocument]:
    """ADM-05: the documents due before `before_stage` that are missing or expired on `on`."""
    limit = STAGE_ORDER.index(before_stage)
    stages = set(stages_for(case))
    return [
        d
        for d in case.documents.all()
        if ADMISSION_DOSSIER[d.kind] in stages
        and STAGE_ORDER.index(ADMISSION_DOSSIER[d.kind]) < limit
        and d.status_on(on) != "received"
    ]


@transaction.atomic
def advance(
    case: AdmissionCase,
    to_stage: str,
    *,
    by: User,
    on: date,
    document: File[bytes] | None = None,
    override_reason: str = "",
    **facts: Any,
) -> CaseStep:
    """Move an admission case to the next ADM-05 stage, judged by the rules in force on `on`.

    Refused (StepRefused, nothing saved) when the stage is not the next one, when a
    blocking finding is raised, or when warnings are raised without `override_reason`.

    Facts by stage: SYMPATHIZER `helper`; COURSE `certificate_on`, `certificate_number`;
    CELL_RESOLUTION `votes_for`, `votes_against`, optional `over_age_agreement`,
    `education_exception`; COMMITTEE_RESOLUTION `committee_for`, `committee_against`
    (the base is the register's, `committee_voters_on`; an optional `committee_size` must
    agree with it); DECISION `decision_number`, `extension_reason`; CEREMONY
    `decision_received_on` (default: the decision date).

    Checks: ADM-05 order and dates; ADM-04 at COURSE and CELL_RESOLUTION; ADM-01, ADM-02,
    ADM-03, ADM-06 (base: the cell's full members on `on`), ADM-10 and the dossier at
    CELL_RESOLUTION; ADM-06 committee vote (base: the grassroots committee members
    seated on `on`); ADM-07 at DECISION; ADM-08 at CEREMONY;
    ADM-09 at MEMBER_FILE.

    Side effects, in one transaction:
    - a CaseStep (date, uploaded document, `by`, override reason, the findings as judged);
    - the case's stage and the facts of the step (votes and their base, dates, numbers);
    - the dossier document of the stage marked received with the upload as its scan
      (the certificate with its expiry, ADM-04);
    - SYMPATHIZER: the candidate becomes a sympathizer (CandidateEvent) with the helper;
    - CEREMONY: the probationary member is created in the register from the candidate's
      data (members.services.create_member → record_event(ADMITTED) on the decision
      date: the home membership in the cell and the status event; AGE-01 counts from the
      decision), or a former member is re-admitted (record_event(READMITTED)); the case
      is linked to the member, its outcome is "admitted" and the candidate's state too;
    - the audit trail of every row written.
    """
    case = (
        AdmissionCase.objects.select_for_update()
        .select_related("candidate", "cell")
        .get(pk=case.pk)
    )
    stage_owner = case.cell
    if to_stage in (Stage.COMMITTEE_RESOLUTION, Stage.DECISION):
        stage_owner = grassroots_of(case.cell)
    _require_write(by, stage_owner)
    if to_stage == Stage.MEMBER_FILE and case.outcome == Outcome.ADMITTED:
        pass
    elif not case.is_open:
        raise _refuse(_("Hồ sơ đã kết thúc."))
    expected = next_stage(case)
    if to_stage not in STAGE_ORDER:
        raise _refuse(_("Bước không hợp lệ."))
    if to_stage != expected:
        raise _refuse(
            _("Không được bỏ qua hoặc quay lại bước: bước tiếp theo là “%(next)s”.")
            % {"next": Stage(expected).label if expected else "—"},
            field="stage",
        )
    steps = list(case.steps.all())
    findings = rules.step_date_findings(on, _previous_on(steps), _today())
    candidate = case.candidate

    if to_stage == Stage.SYMPATHIZER:
        helper = facts.get("helper") or candidate.helper
        _check_helper(candidate, helper, on)
    elif to_stage == Stage.COURSE:
        certificate_on = facts.get("certificate_on")
        if certificate_on is None:
            findings.append(
                Finding(
                    "ADM-04",
                    Severity.BLOCKING,
                    _("Cần ngày cấp giấy chứng nhận."),
                    "certificate_on",
                )
            )
        else:
            findings += rules.certificate_findings(certificate_on, on)
            case.certificate_on = certificate_on
            case.certificate_number = facts.get("certificate_number", "") or ""
    elif to_stage == Stage.CELL_RESOLUTION:
        if "over_age_agreement" in facts:
            case.over_age_agreement = facts["over_age_agreement"] or ""
        if "education_exception" in facts:
            case.education_exception = bool(facts["education_exception"])
        findings += standing_findings(case, on)
        base = full_members_on(case.cell, on).count()
        votes_for, votes_against = _int(facts, "votes_for"), _int(facts, "votes_against")
        findings += rules.vote_findings(
            "ADM-06", votes_for, votes_against, base, _("Chi bộ (đảng viên chính thức)")
        )
        gaps = dossier_gaps(case, Stage.CELL_RESOLUTION, on)
        if gaps:
            findings.append(
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
    elif to_stage == Stage.COMMITTEE_RESOLUTION:
        # ADM-06: 2/3 of the committee members seated on `on` in the register.
        size, c_for, c_against, vote = committee_vote(grassroots_of(case.cell), on, facts)
        findings += vote
        case.committee_resolution_on, case.committee_size = on, size
        case.committee_for, case.committee_against = c_for, c_against
    elif to_stage == Stage.DECISION:
        reason = (facts.get("extension_reason") or "").strip()
        assert case.cell_resolution_on is not None  # stages run in order: the cell resolved
        findings += rules.decision_findings(case.cell_resolution_on, on, extension_reason=reason)
        case.decision_on = on
        case.decision_number = (facts.get("decision_number") or "").strip()
        case.extension_reason = reason
    elif to_stage == Stage.CEREMONY:
        assert case.decision_on is not None  # stages run in order: the decision is dated
        received = facts.get("decision_received_on") or case.decision_on
        findings += rules.ceremony_findings(case.decision_on, received, on)
        case.decision_received_on, case.ceremony_on = received, on
    elif to_stage == Stage.MEMBER_FILE:
        assert case.ceremony_on is not None  # stages run in order: admitted at a ceremony
        findings += rules.member_file_findings(case.ceremony_on, on)
        case.member_file_on = on

    step = _record_step(
        findings, override_reason, stage=to_stage, on=on, by=by, document=document, case=case
    )
    kind = STAGE_DOCUMENT.get(to_stage)
    if kind is not None:
        doc = case.documents.filter(kind=kind).first()
        if doc is not None and (document is not None or doc.received_on is None):
            received_on = on
            if kind == DocKind.CERTIFICATE:  # ADM-04: dated by the certificate, not the step
                assert case.certificate_on is not None  # the COURSE step records it
                doc.expires_on = rules.certificate_expires_on(case.certificate_on)
                received_on = case.certificate_on
            _mark_received(doc, received_on, step, by=by)

    if to_stage == Stage.SYMPATHIZER and candidate.state != CandidateState.SYMPATHIZER:
        set_candidate_state(
            candidate,
            CandidateState.SYMPATHIZER,
            by=by,
            on=max(on, candidate.state_since),
            helper=facts.get("helper") or candidate.helper,
            reason=_("Chi bộ công nhận cảm tình đảng"),
        )
    if to_stage == Stage.CEREMONY:
        assert case.decision_on is not None  # stages run in order: the decision is dated
        case.member = _admit(case, by=by)
        case.outcome = Outcome.ADMITTED
        # Through save(), not QuerySet.update(): the candidate's history keeps who admitted.
        candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
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

    case.stage = to_stage
    stamp(case, by)
    case.save()
    return step


def _admit(case: AdmissionCase, *, by: User) -> Member:
    """ADM-05 → MEM-02: the probationary member in the register, from the candidate."""
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
