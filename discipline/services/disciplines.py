"""DIS-01..05: recording a discipline, deferred decisions, dissolution and the effects on the register."""

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.findings import Finding, Severity
from members.enums import EventKind, MemberStatus
from members.models import Member, Membership
from members.services.events import record_event
from organizations.models import Organization
from organizations.services.tree import dissolve_errors, dissolve_organization

from .. import rules
from ..enums import (
    AppealOutcome,
    DisciplineForm,
    SubjectKind,
)
from ..models import (
    Discipline,
    Inspection,
)
from ..queries import holds_post
from .common import org_ref, refuse

if TYPE_CHECKING:
    from accounts.models import User

# --- DIS-01..05 ------------------------------------------------------------------------


def discipline_findings(
    *,
    form: str,
    deciding_organization: "Organization",
    deciding_body: str,
    offence_on: date,
    decided_on: date | None,
    subject_member: "Member | None" = None,
    subject_organization: "Organization | None" = None,
    restarted_on: date | None = None,
) -> list[Finding]:
    """Every DIS check of a proposed discipline, as findings (none blocking: it may be saved)."""
    if subject_member is not None:
        subject_kind = SubjectKind.MEMBER
        subject_org = subject_member.organization
        probationary = subject_member.status == MemberStatus.PROBATIONARY
        post = holds_post(subject_member, offence_on, decided_on)
    else:
        assert subject_organization is not None  # one subject: a member or an organization
        subject_kind = SubjectKind.ORGANIZATION
        subject_org = subject_organization
        probationary = post = False
    findings = rules.form_findings(form, subject_kind, probationary=probationary, holds_post=post)
    findings += rules.body_findings(
        deciding_body, org_ref(deciding_organization), form, subject_kind, org_ref(subject_org)
    )
    findings += rules.date_findings(form, offence_on, decided_on, restarted_on)
    return findings


@transaction.atomic
def record_discipline(
    *,
    form: str,
    deciding_organization: "Organization",
    deciding_body: str,
    offence: str,
    offence_on: date,
    decided_on: date | None = None,
    subject_member: "Member | None" = None,
    subject_organization: "Organization | None" = None,
    decision_number: str = "",
    restarted_on: date | None = None,
    self_remedied: bool = False,
    deferral_reason: str = "",
    deferred_until: date | None = None,
    inspection: Inspection | None = None,
    by: "User",
) -> Discipline:
    """Record a discipline decision, or a case deferred under DIS-04 (no decision date yet).

    Refused: a form not allowed for the subject (DIS-01), a body without that power
    (DIS-02, ORG-04), a decision before the offence or after the limitation (DIS-03), a
    second discipline for the same offence (DIS-01: the same subject and offence date).
    Side effects of an expulsion: see `apply_effects` (DIS-05).
    """
    if (subject_member is None) == (subject_organization is None):
        raise ValidationError({"__all__": _("Chọn một đối tượng: tổ chức đảng hoặc đảng viên.")})
    if subject_member is not None and not subject_member.is_active:
        raise ValidationError({"subject_member": _("Đảng viên không còn sinh hoạt đảng.")})
    if decided_on is None and not deferral_reason:
        raise ValidationError(
            {"decided_on": _("Cần ngày quyết định, hoặc lý do hoãn xử lý kỷ luật.")}
        )
    if (
        decided_on is not None
        and deferral_reason
        and deferred_until
        and decided_on < deferred_until
    ):
        raise ValidationError(
            {
                "decided_on": _("Đang hoãn xử lý kỷ luật (DIS-04) đến %(d)s.")
                % {"d": deferred_until.strftime("%d/%m/%Y")}
            }
        )
    refuse(
        discipline_findings(
            form=form,
            deciding_organization=deciding_organization,
            deciding_body=deciding_body,
            offence_on=offence_on,
            decided_on=decided_on,
            subject_member=subject_member,
            subject_organization=subject_organization,
            restarted_on=restarted_on,
        )
    )
    same = Discipline.objects.filter(offence_on=offence_on).exclude(
        appeal_outcome=AppealOutcome.ANNULLED
    )
    same = (
        same.filter(subject_member=subject_member)
        if subject_member
        else same.filter(subject_member__isnull=True, subject_organization=subject_organization)
    )
    if same.exists():
        raise ValidationError(
            {
                "offence_on": str(
                    Finding(
                        "DIS-01",
                        Severity.BLOCKING,
                        _(
                            "Một vi phạm chỉ bị xử lý một hình thức kỷ luật: đã có kỷ luật cho vi phạm ngày này."
                        ),
                    )
                )
            }
        )
    subject_org = subject_member.organization if subject_member else subject_organization
    assert subject_org is not None  # one subject, checked above
    discipline = Discipline.objects.create(
        subject_kind=SubjectKind.MEMBER if subject_member else SubjectKind.ORGANIZATION,
        subject_member=subject_member,
        subject_organization=subject_org,
        deciding_organization=deciding_organization,
        deciding_body=deciding_body,
        form=form,
        offence=offence,
        offence_on=offence_on,
        restarted_on=restarted_on,
        decided_on=decided_on,
        decision_number=decision_number,
        self_remedied=self_remedied,
        deferral_reason=deferral_reason,
        deferred_until=deferred_until,
        inspection=inspection,
        created_by=by,
    )
    if decided_on is not None:
        apply_effects(discipline, on=decided_on, by=by)
    return discipline


@transaction.atomic
def decide_deferred(
    discipline: Discipline, *, decided_on: date, decision_number: str = "", by: "User"
) -> Discipline:
    """DIS-04: the deferred case is decided once the ground has ended."""
    discipline = Discipline.objects.select_for_update().get(pk=discipline.pk)
    if discipline.decided_on is not None:
        raise ValidationError({"decided_on": _("Kỷ luật này đã có quyết định.")})
    if discipline.deferred_until and decided_on < discipline.deferred_until:
        raise ValidationError(
            {
                "decided_on": _("Đang hoãn xử lý kỷ luật đến %(d)s (DIS-04).")
                % {"d": discipline.deferred_until.strftime("%d/%m/%Y")}
            }
        )
    member = discipline.subject_member
    refuse(
        discipline_findings(
            form=discipline.form,
            deciding_organization=discipline.deciding_organization,
            deciding_body=discipline.deciding_body,
            offence_on=discipline.offence_on,
            decided_on=decided_on,
            subject_member=member,
            subject_organization=None if member else discipline.subject_organization,
            restarted_on=discipline.restarted_on,
        )
    )
    discipline.decided_on = decided_on
    discipline.decision_number = decision_number or discipline.decision_number
    discipline.save()
    apply_effects(discipline, on=decided_on, by=by)
    return discipline


def dissolution_findings(organization: Organization, *, on: date, by: "User") -> list[Finding]:
    """DIS-05: what stops a dissolution from closing `organization` in the tree on `on`:
    the tree's own checks (`organizations.services.dissolve_errors`: established before,
    not dissolved yet, no active subordinate organization), members still active in it
    (they are transferred first, so that none is left in a closed organization), and
    whether `by` may dissolve it (the direct superior's officers)."""
    reasons = [
        str(m) for messages in dissolve_errors(organization, on=on).values() for m in messages
    ]
    members = Membership.objects.filter(organization=organization, ends_on__isnull=True).count()
    if members:
        reasons.append(
            _(
                "Còn %(n)s đảng viên đang sinh hoạt tại tổ chức: hãy chuyển sinh hoạt cho các "
                "đảng viên này trước."
            )
            % {"n": members}
        )
    if not by.has_perm("organizations.restructure_organization", organization):
        reasons.append(_("Chỉ cấp ủy cấp trên trực tiếp mới giải thể được tổ chức này."))
    if not reasons:
        return []
    message = _("Chưa thể giải tán %(org)s trong hệ thống tổ chức: %(why)s") % {
        "org": organization.name,
        "why": " ".join(reasons),
    }
    return [Finding("DIS-05", Severity.BLOCKING, message, "decided_on")]


def apply_effects(discipline: Discipline, *, on: date, by: "User") -> None:
    """DIS-05: the form in force takes effect on `on` (the decision, or the appeal's
    decision when it raised the form), through the services that own the records:

    - an expulsion ends the membership through `members.services.events.record_event` (MEM-02);
    - a dissolution closes the organization through
      `organizations.services.dissolve_organization`, refused with the tree's reasons.

    Each is applied once. The callers are atomic: a refusal leaves nothing half-saved.
    A reduced or annulled expulsion or dissolution is not undone here (no service undoes
    them); `Discipline.membership_to_restore` / `organization_to_restore` show the task.
    """
    form = discipline.effective_form
    if (
        discipline.subject_member_id
        and form == DisciplineForm.EXPULSION
        and discipline.leaving_event_id is None
    ):
        member = discipline.subject_member
        assert member is not None  # subject_member_id is set
        try:
            event = record_event(
                member,
                EventKind.EXPELLED,
                on,
                by=by,
                document=discipline.decision_number,
                reason=discipline.offence[:255],
            )
        except ValidationError as error:
            raise ValidationError(
                {
                    "decided_on": [
                        str(Finding("DIS-05", Severity.BLOCKING, m)) for m in error.messages
                    ]
                }
            ) from error
        discipline.leaving_event = event
        discipline.save(update_fields=["leaving_event"])
    elif (
        discipline.subject_kind == SubjectKind.ORGANIZATION
        and form == DisciplineForm.DISSOLUTION
        and discipline.dissolution_applied_on is None
    ):
        organization = discipline.subject_organization
        refuse(dissolution_findings(organization, on=on, by=by))
        reason = _("Kỷ luật giải tán") + (
            f" ({discipline.decision_number})" if discipline.decision_number else ""
        )
        dissolve_organization(organization, on=on, reason=reason, by=by)
        discipline.subject_organization.refresh_from_db(fields=["dissolved_on"])
        discipline.dissolution_applied_on = on
        discipline.save(update_fields=["dissolution_applied_on"])
