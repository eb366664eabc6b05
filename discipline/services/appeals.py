"""DIS-05: receipt, appeal and its resolution; the badge returned."""

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from members.enums import EventKind, MemberStatus
from members.services.events import record_event

from .. import rules
from ..enums import (
    SEVERITY,
    AppealOutcome,
    DisciplineForm,
)
from ..models import (
    Discipline,
)
from ..queries import holds_post
from .common import refuse
from .disciplines import apply_effects

if TYPE_CHECKING:
    from accounts.models import User


@transaction.atomic
def record_receipt(discipline: Discipline, *, received_on: date, by: "User") -> Discipline:
    if discipline.decided_on is None or received_on < discipline.decided_on:
        raise ValidationError({"received_on": _("Ngày nhận quyết định trước ngày quyết định.")})
    discipline.received_on = received_on
    discipline.save()
    return discipline


@transaction.atomic
def record_appeal(discipline: Discipline, *, appealed_on: date, by: "User") -> Discipline:
    """DIS-04: an appeal within 30 days of receiving the decision (day 30 accepted, 31 refused)."""
    refuse(rules.appeal_findings(discipline.received_on, appealed_on))
    discipline.appealed_on = appealed_on
    discipline.appeal_outcome = AppealOutcome.PENDING
    discipline.save()
    return discipline


@transaction.atomic
def resolve_appeal(
    discipline: Discipline, *, outcome: str, decided_on: date, new_form: str = "", by: "User"
) -> Discipline:
    """The appeal's outcome (DIS-04). A raised form takes effect on the appeal's decision
    date (DIS-05: expulsion, dissolution); a reduced or annulled expulsion that was already
    applied reopens the membership in the register (EXPULSION_ANNULLED); a dissolution
    already applied is recorded and the page shows it as a task for the tree."""
    Discipline.objects.select_for_update().filter(pk=discipline.pk).first()  # one at a time
    discipline.refresh_from_db()
    if discipline.appealed_on is None:
        raise ValidationError({"outcome": _("Chưa có khiếu nại.")})
    if discipline.appeal_outcome not in ("", AppealOutcome.PENDING):
        raise ValidationError({"outcome": _("Khiếu nại này đã được giải quyết.")})
    if decided_on < discipline.appealed_on:
        raise ValidationError({"decided_on": _("Ngày giải quyết trước ngày khiếu nại.")})
    if outcome in (AppealOutcome.REDUCED, AppealOutcome.INCREASED):
        if not new_form:
            raise ValidationError({"new_form": _("Cần chọn hình thức kỷ luật mới.")})
        lighter = SEVERITY[DisciplineForm(new_form)] < SEVERITY[DisciplineForm(discipline.form)]
        heavier = SEVERITY[DisciplineForm(new_form)] > SEVERITY[DisciplineForm(discipline.form)]
        if outcome == AppealOutcome.REDUCED and not lighter:
            raise ValidationError(
                {
                    "new_form": _("Hình thức mới phải nhẹ hơn “%(f)s”.")
                    % {"f": discipline.get_form_display()}
                }
            )
        if outcome == AppealOutcome.INCREASED and not heavier:
            raise ValidationError(
                {
                    "new_form": _("Hình thức mới phải nặng hơn “%(f)s”.")
                    % {"f": discipline.get_form_display()}
                }
            )
        member = discipline.subject_member
        refuse(
            rules.form_findings(
                new_form,
                discipline.subject_kind,
                probationary=bool(member and member.status == MemberStatus.PROBATIONARY),
                holds_post=bool(
                    member and holds_post(member, discipline.offence_on, discipline.decided_on)
                ),
            )
        )
    discipline.appeal_outcome = outcome
    discipline.appeal_form = (
        new_form if outcome in (AppealOutcome.REDUCED, AppealOutcome.INCREASED) else ""
    )
    discipline.appeal_decided_on = decided_on
    discipline.save()
    if outcome == AppealOutcome.INCREASED:
        apply_effects(discipline, on=decided_on, by=by)
    elif discipline.membership_to_restore:
        # DIS-05: the expulsion no longer stands: the register reopens the membership.
        member = discipline.subject_member
        assert member is not None  # membership_to_restore: an expelled member
        record_event(
            member,
            EventKind.EXPULSION_ANNULLED,
            decided_on,
            by=by,
            reason=str(_("Giải quyết khiếu nại kỷ luật khai trừ")),
        )
        member.refresh_from_db()
    return discipline


@transaction.atomic
def mark_badge_returned(discipline: Discipline, *, returned_on: date, by: "User") -> Discipline:
    """DIS-05: the expelled member's badge handed back."""
    if discipline.effective_form != DisciplineForm.EXPULSION or not discipline.effect_on:
        raise ValidationError({"returned_on": _("Chỉ thu hồi huy hiệu khi khai trừ.")})
    if returned_on < discipline.effect_on:
        raise ValidationError({"returned_on": _("Ngày thu hồi trước ngày quyết định.")})
    discipline.badge_returned_on = returned_on
    discipline.save()
    return discipline
