"""Writes of exemptions from party work and activity (EXM-01).

`start_exemption` and `end_exemption` each run in one transaction; the member's status
changes only through members.services.events.record_event (EXEMPTION_STARTED on the start date,
EXEMPTION_ENDED on the end date), so a refused change leaves nothing half-saved.
"""

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import stamp
from core.findings import Finding, blocking

from ..enums import EventKind, ExemptionGround
from ..models import Exemption, Member
from ..rules import exemption_findings, is_past_working_age, retirement_on
from .events import record_event

if TYPE_CHECKING:
    from accounts.models import User


def findings_error(findings: list[Finding], default_field: str | None = None) -> ValidationError:
    """Blocking findings as a ValidationError by field, each message with its rule ID."""
    errors: dict[str, list[str]] = {}
    for finding in findings:
        errors.setdefault(finding.field or default_field or "__all__", []).append(str(finding))
    return ValidationError(errors)


def remap(error: ValidationError, fields: dict[str, str]) -> ValidationError:
    """Rename the fields of a ValidationError raised by record_event ("on" → the form's)."""
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError(
        {fields.get(name, name): errors for name, errors in error.error_dict.items()}
    )


@transaction.atomic
def start_exemption(
    *,
    member: Member,
    ground: str,
    starts_on: date,
    ends_on: date | None = None,
    poor_health: bool = False,
    own_request: bool = False,
    cell_decided_on: date | None,
    document: str = "",
    note: str = "",
    by: "User",
) -> Exemption:
    """EXM-01: exempt `member` from party work and activity from `starts_on`.

    "Past working age" (EXM-01) is computed from the member's date of birth and sex on
    `starts_on` (members.rules.is_past_working_age) and kept on the row.

    Side effects: an `Exemption` row; EXEMPTION_STARTED recorded on `starts_on` (the
    member's `exempted` flag set, the timeline). Raises ValidationError (by field, with
    the rule ID) when a condition fails, PermissionDenied when `by` may not change the
    member's organization.
    """
    if not by.has_perm("members.change_member", member):
        raise PermissionDenied(_("Bạn không có quyền sửa hồ sơ của đảng viên này."))
    past_working_age = is_past_working_age(member.date_of_birth, member.sex, starts_on)
    retires_on = retirement_on(member.date_of_birth, member.sex)
    findings = blocking(
        exemption_findings(
            ground=ground,
            past_working_age=past_working_age,
            poor_health=poor_health,
            own_request=own_request,
            starts_on=starts_on,
            ends_on=ends_on,
            cell_decided_on=cell_decided_on,
            retires_on=retires_on,
        )
    )
    if findings:
        raise findings_error(findings)
    assert cell_decided_on is not None  # EXM-01: a blocking finding without it
    if ground not in ExemptionGround.values:
        raise ValidationError({"ground": _("Lý do miễn không hợp lệ.")})
    overlapping = member.exemptions.filter(starts_on__lte=ends_on or date.max).exclude(
        ends_on__lt=starts_on
    )
    if overlapping.exists():
        raise ValidationError(
            {"starts_on": _("Đảng viên đã được miễn công tác và sinh hoạt trong thời gian này.")}
        )
    exemption = Exemption(
        member=member,
        ground=ground,
        starts_on=starts_on,
        ends_on=ends_on,
        past_working_age=past_working_age,
        poor_health=poor_health,
        own_request=own_request,
        cell_decided_on=cell_decided_on,
        document=document,
        note=note,
    )
    stamp(exemption, by)
    exemption.full_clean()
    exemption.save()
    try:
        record_event(
            member,
            EventKind.EXEMPTION_STARTED,
            starts_on,
            by=by,
            document=document,
            reason=str(ExemptionGround(ground).label),
        )
    except ValidationError as error:
        raise remap(error, {"on": "starts_on", "kind": "__all__"}) from error
    return exemption


@transaction.atomic
def end_exemption(
    exemption: Exemption, *, ends_on: date, by: "User", reason: str = ""
) -> Exemption:
    """End an exemption on `ends_on` (its last day): EXEMPTION_ENDED on that date.

    The planned end of a dated exemption may be brought forward or confirmed; an
    exemption already ended (the event recorded) cannot be ended again.
    """
    exemption = Exemption.objects.select_for_update().select_related("member").get(pk=exemption.pk)
    member = exemption.member
    if not by.has_perm("members.change_member", member):
        raise PermissionDenied(_("Bạn không có quyền sửa hồ sơ của đảng viên này."))
    if ends_on < exemption.starts_on:
        raise ValidationError({"ends_on": _("Ngày kết thúc trước ngày bắt đầu miễn.")})
    if exemption.ends_on is not None and ends_on > exemption.ends_on:
        raise ValidationError(
            {
                "ends_on": _("Ngày kết thúc sau thời hạn miễn (%(day)s).")
                % {"day": exemption.ends_on.strftime("%d/%m/%Y")}
            }
        )
    if is_ended(exemption):
        raise ValidationError({"ends_on": _("Việc miễn này đã kết thúc.")})
    exemption.ends_on = ends_on
    stamp(exemption, by, reason)
    exemption.save(update_fields=["ends_on"])
    try:
        record_event(
            member,
            EventKind.EXEMPTION_ENDED,
            ends_on,
            by=by,
            document=exemption.document,
            reason=reason or str(exemption.get_ground_display()),
        )
    except ValidationError as error:
        raise remap(error, {"on": "ends_on", "kind": "__all__"}) from error
    return exemption


def is_ended(exemption: Exemption) -> bool:
    """True once EXEMPTION_ENDED has been recorded for this exemption (on or after its start)."""
    return exemption.member.events.filter(
        kind=EventKind.EXEMPTION_ENDED, on__gte=exemption.starts_on
    ).exists()
