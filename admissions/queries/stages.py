"""The reads the steps of a case are judged on: the tree around a cell, the next stage,
the vote bases (ADM-06, PRB-02), the sponsors' facts (ADM-03), the standing conditions of
the person (ADM-01..04, ADM-10) and the dossier's gaps (ADM-05).

Shown on the case pages before a step is taken, and judged again by the one dispatcher of
the steps (admissions.services.stages.advance) when it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.findings import Finding, Severity
from members.enums import EventKind, MemberStatus, SeatRole
from members.models import CommitteeSeat, Member, MemberEvent
from members.queries.register import members_of
from organizations.enums import GRASSROOTS_KINDS, CommitteeKind
from organizations.models import Organization

from ..enums import ADMISSION_DOSSIER, STAGE_ORDER, Stage
from ..models import AdmissionCase, CaseDocument, FullMembershipCase
from ..rules.person import (
    age_findings,
    certificate_findings,
    education_findings,
    readmission_findings,
)
from ..rules.sponsors import SponsorFacts, sponsor_findings, two_thirds, vote_findings
from ..rules.stages import full_stages_for, stages_for

if TYPE_CHECKING:
    from ..models import Sponsor


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


def case_organization(case: AdmissionCase | FullMembershipCase) -> Organization:
    """The organization a case belongs to: the admission case's cell, the full-membership
    case's member's organization."""
    if isinstance(case, FullMembershipCase):
        return case.member.organization
    return case.cell


# --- the stages --------------------------------------------------------------------------------


def stages_of(case: AdmissionCase | FullMembershipCase) -> list[str]:
    """ADM-05 / PRB-02: the stages the case goes through, in order."""
    if isinstance(case, FullMembershipCase):
        return full_stages_for(case)
    return stages_for(case)


def next_stage(case: AdmissionCase | FullMembershipCase) -> str | None:
    """The one stage the case may take next (None at the end)."""
    stages = stages_of(case)
    index = stages.index(case.stage)
    return stages[index + 1] if index + 1 < len(stages) else None


# --- the vote bases (ADM-06, PRB-02) -------------------------------------------------------------


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


def number_fact(facts: dict[str, Any], name: str) -> int | None:
    """A number typed for a step (votes, sizes): None when left blank."""
    value = facts.get(name)
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError({name: _("Cần nhập một số.")}) from None


def committee_vote(
    organization: Organization, on: date, facts: dict[str, Any], *, need_two_thirds: bool = True
) -> tuple[int, int | None, int, list[Finding]]:
    """ADM-06: the committee's vote judged on the register's base on `on`.

    Returns (base, votes for, votes against, findings). The base is never typed in: a
    `committee_size` fact (older callers) that disagrees with the register is refused.
    """
    base = len(committee_voters_on(organization, on))
    c_for, c_against = number_fact(facts, "committee_for"), number_fact(facts, "committee_against")
    typed = number_fact(facts, "committee_size")
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
    findings = vote_findings(
        "ADM-06",
        c_for,
        c_against,
        base,
        _("Đảng ủy cơ sở (%(n)d ủy viên trong sổ cấp ủy ngày %(on)s)") % {"n": base, "on": day},
        need_two_thirds=need_two_thirds,
    )
    return base, c_for, c_against or 0, findings


def committee_base(
    cell: Organization,
    *,
    resolved_on: date | None = None,
    upcoming: bool = False,
    on: date | None = None,
) -> dict[str, Any] | None:
    """ADM-06: who counts in the grassroots committee's vote, for the case pages.

    Once the resolution is recorded: the register on its date. Before (`upcoming`): the
    register on `on` (the date typed in the step form), else today. None when neither.
    """
    if resolved_on is None and not upcoming:
        return None
    day = resolved_on or on or timezone.localdate()
    organization = grassroots_of(cell)
    seats = committee_voters_on(organization, day)
    return {
        "organization": organization,
        "on": day,
        "seats": seats,
        "size": len(seats),
        "need": two_thirds(len(seats)),
        "recorded": resolved_on is not None,
    }


# --- the person's standing conditions (ADM-01..04, ADM-10) ----------------------------------


def sponsor_facts(case: AdmissionCase, sponsors: Iterable[Sponsor], on: date) -> list[SponsorFacts]:
    """ADM-03 facts on `on`: full member, same grassroots organization (two queries)."""
    member_ids = [s.member_id for s in sponsors if s.member_id]
    full_ids: set[int] = set()
    same_ids: set[int] = set()
    if member_ids:
        grassroots = grassroots_of(case.cell)
        in_grassroots = members_of(grassroots, on, subtree=True).filter(pk__in=member_ids)
        same_ids = set(in_grassroots.values_list("pk", flat=True))
        full = Member.objects.filter(pk__in=member_ids).filter(
            Q(full_member_on__isnull=False, full_member_on__lte=on)
            | Q(full_member_on__isnull=True, status=MemberStatus.FULL)
        )
        full = full.filter(status__in=[MemberStatus.FULL, MemberStatus.PROBATIONARY])
        full_ids = set(full.values_list("pk", flat=True))
    return [
        SponsorFacts(
            kind=s.kind,
            name=s.name,
            since=s.since,
            full_member=s.member_id in full_ids,
            same_grassroots=s.member_id in same_ids,
        )
        for s in sponsors
    ]


def readmitted_before(case: AdmissionCase) -> bool:
    """ADM-10: the former member was already re-admitted once."""
    if case.previous_member_id is None:
        return False
    return MemberEvent.objects.filter(
        member_id=case.previous_member_id, kind=EventKind.READMITTED
    ).exists()


def standing_findings(case: AdmissionCase, on: date) -> list[Finding]:
    """The conditions of the person, judged on `on` (ADM-01..04, ADM-10): shown on the case
    page before the cell meets, and judged again at the cell's resolution."""
    candidate = case.candidate
    findings = age_findings(
        candidate.date_of_birth, on, over_age_agreement=bool(case.over_age_agreement)
    )
    findings += education_findings(
        candidate.education,
        on,
        difficult_area=case.education_exception or case.cell.especially_difficult,
    )
    if STAGE_ORDER.index(case.stage) >= STAGE_ORDER.index(Stage.COURSE):
        findings += certificate_findings(case.certificate_on, on)
    sponsors = list(case.sponsors.select_related("member"))
    if sponsors or STAGE_ORDER.index(case.stage) >= STAGE_ORDER.index(Stage.SPONSORS):
        findings += sponsor_findings(
            sponsor_facts(case, sponsors, on),
            on,
            youth_union_member=candidate.youth_union_member,
        )
    if case.readmission:
        findings += readmission_findings(
            left_on=case.left_on,
            leaving_way=case.leaving_way,
            readmitted_before=readmitted_before(case),
            on=on,
        )
    return findings


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
