"""Probation and full membership (PRB-01..05): the full-membership case and `advance_full`."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from core.audit import stamp
from members.enums import EventKind, MemberStatus
from members.models import Member
from members.services.events import record_event

from .. import rules
from ..enums import (
    FULL_DOSSIER,
    FULL_STAGE_DOCUMENT,
    FullStage,
    Proposal,
)
from ..models import (
    AdmissionCase,
    CaseDocument,
    CaseStep,
    FullMembershipCase,
)
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
    next_full_stage,
)

if TYPE_CHECKING:
    from django.core.files import File

    from accounts.models import User

# --- probation and full membership (PRB-01..05) ---------------------------------------------


def probation_start(member: Member) -> date | None:
    """PRB-01: probation runs from the ceremony (the admission case's), else the decision."""
    try:
        case = member.admission_case
    except AdmissionCase.DoesNotExist:
        case = None
    if case is not None and case.ceremony_on:
        return case.ceremony_on
    return member.admitted_on


@transaction.atomic
def open_full_case(member: Member, *, by: User) -> FullMembershipCase:
    """The full-membership case of a probationary member, with its PRB-04 dossier."""
    _require_write(by, member.organization)
    if member.status != MemberStatus.PROBATIONARY:
        raise ValidationError(_("Chỉ đảng viên dự bị mới xét chuyển chính thức."))
    if member.full_cases.filter(outcome="").exists():
        raise ValidationError(_("Đảng viên này đã có hồ sơ chuyển chính thức đang xét."))
    start = probation_start(member)
    if start is None:
        raise ValidationError(_("Chưa có ngày kết nạp."))
    try:
        admission = member.admission_case
    except AdmissionCase.DoesNotExist:
        admission = None
    fcase = FullMembershipCase(
        member=member,
        admission_case=admission,
        probation_from=start,
        probation_ends_on=rules.probation_ends_on(start),
    )
    stamp(fcase, by)
    fcase.save()
    bulk_create_with_history(
        [CaseDocument(full_case=fcase, kind=k) for k in FULL_DOSSIER], CaseDocument, default_user=by
    )
    return fcase


@transaction.atomic
def advance_full(
    fcase: FullMembershipCase,
    to_stage: str,
    *,
    by: User,
    on: date,
    document: File[bytes] | None = None,
    override_reason: str = "",
    **facts: Any,
) -> CaseStep:
    """Move a full-membership case to its next stage (PRB-02..03), refused like `advance`.

    Facts: CELL_RESOLUTION `proposal` (full / strike_off), `votes_for`, `votes_against`;
    COMMITTEE_RESOLUTION `committee_for`, `committee_against` (the base is the register's
    committee on `on`; an optional `committee_size` must agree with it);
    DECISION `decision_number`, `extension_reason`.

    Checks: PRB-02 (after the 12 months end, within 30 working days; 2/3 of the cell's
    full members on `on` for full membership), ADM-06 for the committee vote (base: the
    grassroots committee members seated on `on`), PRB-03
    (decision within 30 working days of the cell, +30 with a reason).

    Side effects: a CaseStep; the case's stage and facts; the PRB-04 document of the
    stage marked received; at DECISION the member's status event through
    members.events.record_event: FULL_MEMBERSHIP taking effect on the day probation
    ends (PRB-03) even when the decision is late — when the register already holds a
    later event (record_event refuses earlier dates), the event is recorded on that later
    date with the effective date in its reason, and Member.full_member_on is set to the
    effective date; or STRUCK_OFF on the decision date (probation is never extended).
    """
    fcase = (
        FullMembershipCase.objects.select_for_update()
        .select_related("member__organization")
        .get(pk=fcase.pk)
    )
    member = fcase.member
    owner = member.organization
    if to_stage in (FullStage.COMMITTEE_RESOLUTION, FullStage.DECISION):
        owner = grassroots_of(member.organization)
    _require_write(by, owner)
    if not fcase.is_open:
        raise _refuse(_("Hồ sơ đã kết thúc."), "PRB-03")
    expected = next_full_stage(fcase)
    if to_stage != expected:
        raise _refuse(
            _("Không được bỏ qua hoặc quay lại bước: bước tiếp theo là “%(next)s”.")
            % {"next": FullStage(expected).label if expected else "—"},
            "PRB-02",
            "stage",
        )
    steps = list(fcase.steps.all())
    findings = rules.step_date_findings(on, _previous_on(steps), _today())
    if to_stage == FullStage.CELL_RESOLUTION:
        proposal = facts.get("proposal") or Proposal.FULL
        if proposal not in Proposal.values:
            raise ValidationError({"proposal": _("Đề nghị không hợp lệ.")})
        findings += rules.full_cell_findings(fcase.probation_ends_on, on)
        base = full_members_on(member.organization, on).exclude(pk=member.pk).count()
        votes_for, votes_against = _int(facts, "votes_for"), _int(facts, "votes_against")
        # PRB-02: 2/3 for full membership; a member not qualified is proposed for strike-off.
        findings += rules.vote_findings(
            "PRB-02",
            votes_for,
            votes_against,
            base,
            _("Chi bộ (đảng viên chính thức)"),
            need_two_thirds=proposal == Proposal.FULL,
        )
        fcase.proposal, fcase.cell_resolution_on, fcase.vote_base = proposal, on, base
        fcase.votes_for, fcase.votes_against = votes_for, votes_against or 0
    elif to_stage == FullStage.COMMITTEE_RESOLUTION:
        # ADM-06: 2/3 of the committee members seated on `on` in the register.
        size, c_for, c_against, vote = committee_vote(
            grassroots_of(member.organization),
            on,
            facts,
            need_two_thirds=fcase.proposal == Proposal.FULL,
        )
        findings += vote
        fcase.committee_resolution_on, fcase.committee_size = on, size
        fcase.committee_for, fcase.committee_against = c_for, c_against
    elif to_stage == FullStage.DECISION:
        reason = (facts.get("extension_reason") or "").strip()
        assert fcase.cell_resolution_on is not None  # stages run in order: the cell resolved
        findings += rules.full_decision_findings(
            fcase.cell_resolution_on, on, extension_reason=reason
        )
        fcase.decision_on, fcase.extension_reason = on, reason
        fcase.decision_number = (facts.get("decision_number") or "").strip()

    step = _record_step(
        findings, override_reason, stage=to_stage, on=on, by=by, document=document, full_case=fcase
    )
    kind = FULL_STAGE_DOCUMENT.get(to_stage)
    if kind is not None:
        doc = fcase.documents.filter(kind=kind).first()
        if doc is not None and (document is not None or doc.received_on is None):
            _mark_received(doc, on, step, by=by)
    if to_stage == FullStage.DECISION:
        fcase.outcome = fcase.proposal
        if fcase.proposal == Proposal.FULL:
            fcase.effective_on = _make_full(fcase, by=by)
        else:
            record_event(
                member,
                EventKind.STRUCK_OFF,
                on,
                by=by,
                document=fcase.decision_number,
                reason=_("Không đủ tư cách đảng viên chính thức sau 12 tháng dự bị (PRB-02)"),
            )
    fcase.stage = to_stage
    stamp(fcase, by)
    fcase.save()
    return step


def _make_full(fcase: FullMembershipCase, *, by: User) -> date:
    """PRB-03: full membership from the day probation ends, even when decided late."""
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
