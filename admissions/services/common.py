"""Shared pieces of the admission writes: the refusal, the write check, the tree around a cell, and the step helpers (deciding on findings, reading typed numbers)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.scope import can_write_org
from core.audit import stamp
from core.findings import Finding, Severity
from members.enums import MemberStatus, SeatRole
from members.models import CommitteeSeat, Member
from members.queries import members_of
from organizations.enums import GRASSROOTS_KINDS, CommitteeKind
from organizations.models import Organization

from .. import rules
from ..models import (
    AdmissionCase,
    CaseDocument,
    CaseStep,
    FullMembershipCase,
)
from ..rules.stages import full_stages_for, stages_for

if TYPE_CHECKING:
    from accounts.models import User
    from accounts.scope import RequestUser


class StepRefused(ValidationError):
    """A write refused by blocking findings, or by warnings without a recorded reason."""

    def __init__(self, findings: list[Finding], message: str | None = None):
        self.findings = findings
        messages = [str(f) for f in findings]
        if message:
            messages.insert(0, message)
        super().__init__(messages)


def _refuse(message: str, rule_id: str = "ADM-05", field: str | None = None) -> StepRefused:
    return StepRefused([Finding(rule_id, Severity.BLOCKING, message, field)])


def _require_write(user: RequestUser, organization: Organization) -> None:
    if not can_write_org(user, organization):
        raise PermissionDenied


def _today() -> date:
    return timezone.localdate()


# --- the tree around a cell ------------------------------------------------------------------


def ancestors_of(org: Organization) -> list[Organization]:
    """The organization's ancestors, root first (one query)."""
    step = Organization.steplen
    paths = [org.path[:i] for i in range(step, len(org.path), step)]
    return list(Organization.objects.filter(path__in=paths).order_by("depth"))


def grassroots_of(cell: Organization) -> Organization:
    """The grassroots organization (đảng bộ/chi bộ cơ sở) the cell is part of."""
    if cell.kind in GRASSROOTS_KINDS:
        return cell
    for org in reversed(ancestors_of(cell)):
        if org.kind in GRASSROOTS_KINDS:
            return org
    return cell


def decision_body(cell: Organization) -> Organization:
    """The committee that decides the admission: the superior of the grassroots
    organization (the competent committee; an authorised đảng ủy cơ sở uses its own)."""
    grassroots = grassroots_of(cell)
    chain = ancestors_of(grassroots)
    return chain[-1] if chain else grassroots


def next_stage(case: AdmissionCase) -> str | None:
    stages = stages_for(case)
    index = stages.index(case.stage)
    return stages[index + 1] if index + 1 < len(stages) else None


def next_full_stage(fcase: FullMembershipCase) -> str | None:
    stages = full_stages_for(fcase)
    index = stages.index(fcase.stage)
    return stages[index + 1] if index + 1 < len(stages) else None


def full_members_on(organization: Organization, on: date) -> QuerySet[Member]:
    """ADM-06 / PRB-02 base: the cell's full members on `on`, from the dated memberships."""
    return members_of(organization, on).filter(
        Q(full_member_on__isnull=False, full_member_on__lte=on)
        | Q(full_member_on__isnull=True, status=MemberStatus.FULL)
    )


def committee_voters_on(organization: Organization, on: date) -> list[CommitteeSeat]:
    """ADM-06 committee base: who sits on the organization's committee on `on`, from the
    register (one seat per member, secretary first).

    A seat counts when both the seat and its committee's term cover `on` (a seat ending
    the day before or starting the day after does not count). The standing committee is
    not counted apart: its members sit on the executive committee too.
    """
    seats = (
        CommitteeSeat.objects.filter(
            committee__organization=organization,
            starts_on__lte=on,
            committee__term__starts_on__lte=on,
        )
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .filter(Q(committee__term__ends_on__isnull=True) | Q(committee__term__ends_on__gte=on))
        .exclude(committee__kind=CommitteeKind.STANDING)
        .select_related("member", "committee__term")
    )
    order = {role: i for i, role in enumerate(SeatRole.values)}
    by_member: dict[int, CommitteeSeat] = {}
    for seat in sorted(seats, key=lambda s: (order.get(s.role, 99), s.member.sort_key)):
        by_member.setdefault(seat.member_id, seat)
    return list(by_member.values())


def committee_size_on(organization: Organization, on: date) -> int | None:
    """ADM-06: the number of committee members seated on `on` (None when none)."""
    return len(committee_voters_on(organization, on)) or None


def committee_vote(
    organization: Organization, on: date, facts: dict[str, Any], *, need_two_thirds: bool = True
) -> tuple[int, int | None, int, list[Finding]]:
    """ADM-06: the committee's vote judged on the register's base on `on`.

    Returns (base, votes for, votes against, findings). The base is never typed in: a
    `committee_size` fact (older callers) that disagrees with the register is refused.
    """
    base = len(committee_voters_on(organization, on))
    c_for, c_against = _int(facts, "committee_for"), _int(facts, "committee_against")
    typed = _int(facts, "committee_size")
    day = f"{on:%d/%m/%Y}"
    if base == 0:
        message = _(
            "Sổ cấp ủy chưa có ủy viên nào của %(org)s vào ngày %(on)s: cần ghi nhiệm kỳ và "
            "các cấp ủy viên trước khi ghi nghị quyết."
        ) % {"org": organization.name, "on": day}
        return base, c_for, c_against or 0, [Finding("ADM-06", Severity.BLOCKING, message)]
    if typed is not None and typed != base:
        message = _(
            "Số ủy viên đã nhập (%(typed)d) khác với sổ cấp ủy: ngày %(on)s %(org)s có "
            "%(base)d ủy viên."
        ) % {"typed": typed, "on": day, "org": organization.name, "base": base}
        finding = Finding("ADM-06", Severity.BLOCKING, message, "committee_size")
        return base, c_for, c_against or 0, [finding]
    findings = rules.vote_findings(
        "ADM-06",
        c_for,
        c_against,
        base,
        _("Đảng ủy cơ sở (%(n)d ủy viên trong sổ cấp ủy ngày %(on)s)") % {"n": base, "on": day},
        need_two_thirds=need_two_thirds,
    )
    return base, c_for, c_against or 0, findings


def _previous_on(steps: Iterable[CaseStep]) -> date | None:
    dates = [s.on for s in steps]
    return max(dates) if dates else None


def _decide(findings: list[Finding], override_reason: str) -> None:
    """Blocking → refused; warnings → refused unless a reason is given."""
    blocking = rules.blocking(findings)
    if blocking:
        raise StepRefused(blocking)
    warnings = rules.warnings(findings)
    if warnings and not override_reason.strip():
        raise StepRefused(
            warnings,
            _("Có cảnh báo: cần ghi lý do (căn cứ, ý kiến cấp trên) để tiếp tục."),
        )


def _record_step(
    findings: list[Finding],
    override_reason: str,
    *,
    stage: str,
    on: date,
    by: User,
    document: File[bytes] | None,
    **owner: AdmissionCase | FullMembershipCase,
) -> CaseStep:
    """ADM-05/PRB-03: refuse on a blocking finding (or a warning without a reason), then keep
    the step with its date, its findings, who took it and its uploaded document.
    `owner` is `case=` or `full_case=`."""
    _decide(findings, override_reason)
    step = CaseStep(
        stage=stage,
        on=on,
        done_by=by,
        override_reason=override_reason.strip()[:500] if rules.warnings(findings) else "",
        findings=_as_json(findings),
        **owner,
    )
    if document is not None:
        step.document = document
    stamp(step, by)
    step.save()
    return step


def _mark_received(doc: CaseDocument, on: date, step: CaseStep, *, by: User) -> None:
    """The dossier document of a step: received on the step's date, with the step's scan."""
    doc.received_on = on
    if step.document:
        doc.scan = step.document
    stamp(doc, by)
    doc.save()


def _as_json(findings: list[Finding]) -> list[dict[str, str]]:
    return [
        {"rule_id": f.rule_id, "severity": str(f.severity), "message": f.message} for f in findings
    ]


def _int(facts: dict[str, Any], name: str) -> int | None:
    value = facts.get(name)
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError({name: _("Cần nhập một số.")}) from None
