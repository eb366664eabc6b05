"""Writes of the periods of non-participation (AGE-01, MTG-07).

`record_non_participation` and `end_non_participation` each run in one transaction: the
`NonParticipation` row (with its history), and, for a period out of contact, the
member's `party_age_from` recomputed (AGE-01: deducted from party age). A refused change
raises ValidationError by field and leaves nothing written.
"""

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import stamp

from ..enums import PARTY_AGE_DEDUCTED, NonParticipationKind
from ..models import Member, NonParticipation
from .events import refresh_party_age

if TYPE_CHECKING:
    from accounts.models import User


def _day(on: date) -> str:
    return on.strftime("%d/%m/%Y")


def _check(
    member: Member,
    *,
    kind: str,
    starts_on: date,
    ends_on: date | None,
    exclude_pk: int | None = None,
) -> None:
    """Dates in order, not before admission nor in the future, no overlap of one kind."""
    if kind not in NonParticipationKind.values:
        raise ValidationError({"kind": _("Trường hợp không hợp lệ.")})
    if member.admitted_on is None:
        raise ValidationError({"starts_on": _("Đảng viên chưa có ngày vào Đảng.")})
    if starts_on < member.admitted_on:
        raise ValidationError(
            {
                "starts_on": _("Ngày bắt đầu trước ngày vào Đảng (%(day)s).")
                % {"day": _day(member.admitted_on)}
            }
        )
    if starts_on > timezone.localdate():
        raise ValidationError({"starts_on": _("Ngày bắt đầu không được ở tương lai.")})
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": _("Ngày kết thúc trước ngày bắt đầu.")})
    same_kind = NonParticipation.objects.filter(
        member=member, kind=kind, starts_on__lte=ends_on or date.max
    ).exclude(ends_on__lt=starts_on)
    if exclude_pk is not None:
        same_kind = same_kind.exclude(pk=exclude_pk)
    overlapping = same_kind.order_by("starts_on").first()
    if overlapping is not None:
        raise ValidationError(
            {
                "starts_on": _(
                    "Trùng với thời gian đã ghi cùng trường hợp (%(kind)s từ %(start)s đến "
                    "%(end)s)."
                )
                % {
                    "kind": overlapping.get_kind_display(),
                    "start": _day(overlapping.starts_on),
                    "end": _day(overlapping.ends_on) if overlapping.ends_on else "…",
                }
            }
        )


def _refresh_party_age(member: Member, kind: str, by: "User") -> None:
    """AGE-01: a period out of contact moves `party_age_from`."""
    if kind not in PARTY_AGE_DEDUCTED:
        return
    refresh_party_age(member)
    stamp(member, by if getattr(by, "is_authenticated", False) else None)
    member.save(update_fields=["party_age_from"])


@transaction.atomic
def record_non_participation(
    *,
    member: Member,
    kind: str,
    starts_on: date,
    ends_on: date | None = None,
    document: str = "",
    note: str = "",
    by: "User",
) -> NonParticipation:
    """Record a period in which `member` did not take part in party activity.

    Out of contact (AGE-01) is deducted from party age; suspended, prosecuted, detained
    (MTG-07) are left out of a resolution's vote base on the days they last.

    Side effects: a `NonParticipation` row; for out of contact, `Member.party_age_from`
    recomputed (members.services.events.refresh_party_age); the audit trail of both. Raises
    ValidationError by field, PermissionDenied when `by` may not change the member's
    organization.
    """
    if not by.has_perm("members.change_member", member):
        raise PermissionDenied(_("Bạn không có quyền sửa hồ sơ của đảng viên này."))
    member = Member.objects.select_for_update().get(pk=member.pk)
    _check(member, kind=kind, starts_on=starts_on, ends_on=ends_on)
    period = NonParticipation(
        member=member,
        kind=kind,
        starts_on=starts_on,
        ends_on=ends_on,
        document=document.strip(),
        note=note.strip(),
    )
    stamp(period, by)
    period.full_clean()
    period.save()
    _refresh_party_age(member, kind, by)
    return period


@transaction.atomic
def end_non_participation(
    period: NonParticipation, *, ends_on: date, by: "User", reason: str = ""
) -> NonParticipation:
    """Set the last day of a period (contact restored, suspension lifted, released).

    The planned end of a period may be brought forward or moved later, as long as it
    stays after the start and does not overlap another period of the same kind; a
    period whose last day has passed is closed. Side effects as record_non_participation.
    """
    period = NonParticipation.objects.select_for_update().select_related("member").get(pk=period.pk)
    member = period.member
    if not by.has_perm("members.change_member", member):
        raise PermissionDenied(_("Bạn không có quyền sửa hồ sơ của đảng viên này."))
    if period.ends_on is not None and period.ends_on < timezone.localdate():
        raise ValidationError(
            {
                "ends_on": _("Thời gian này đã kết thúc ngày %(day)s.")
                % {"day": _day(period.ends_on)}
            }
        )
    _check(
        member,
        kind=period.kind,
        starts_on=period.starts_on,
        ends_on=ends_on,
        exclude_pk=period.pk,
    )
    period.ends_on = ends_on
    stamp(period, by, reason)
    period.save(update_fields=["ends_on"])
    _refresh_party_age(member, period.kind, by)
    return period
