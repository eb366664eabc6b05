"""Committee seats: a member takes a seat on a committee of their organization's subtree
(organizations owns terms and committees; the seat points at a Member, so it is ours).

Who may: "organizations.change_committees" (officers of the subtree and the
cell's secretary).
"""

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from core.audit import stamp
from organizations.models import Committee

from ..enums import SeatRole
from ..models import CommitteeSeat, Member

if TYPE_CHECKING:
    from accounts.models import User

Errors = dict[str, list[str]]


def _add(errors: Errors, field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def _audit(obj: Model, by: "User", reason: str = "") -> None:
    stamp(obj, by, reason)


def seat_errors(
    *, committee: Committee, member: Member | None, role: str, starts_on: date, ends_on: date | None
) -> Errors:
    errors: Errors = {}
    term = committee.term
    if ends_on and ends_on < starts_on:
        _add(errors, "ends_on", _("Ngày thôi giữ chức phải sau ngày bắt đầu."))
    if starts_on < term.starts_on or (term.ends_on and starts_on > term.ends_on):
        _add(
            errors,
            "starts_on",
            _("Ngày bắt đầu phải nằm trong nhiệm kỳ %(term)s.") % {"term": term.name},
        )
    if member is not None and not member.organization.path.startswith(committee.organization.path):
        _add(errors, "member", _("Đảng viên không sinh hoạt trong tổ chức này."))
    if role == SeatRole.SECRETARY:
        overlapping = committee.seats.filter(role=SeatRole.SECRETARY).exclude(ends_on__lt=starts_on)
        if ends_on:
            overlapping = overlapping.filter(starts_on__lte=ends_on)
        if overlapping.exists():
            _add(errors, "role", _("Cấp ủy đã có bí thư trong thời gian này."))
    if member is not None:
        same = committee.seats.filter(member=member).exclude(ends_on__lt=starts_on)
        if ends_on:
            same = same.filter(starts_on__lte=ends_on)
        if same.exists():
            _add(errors, "member", _("Đảng viên này đang có ghế trong cấp ủy."))
    return errors


@transaction.atomic
def add_seat(
    *,
    committee: Committee,
    member: Member,
    role: str,
    starts_on: date,
    ends_on: date | None = None,
    by: "User",
) -> CommitteeSeat:
    """A member takes a seat on a committee (member from the organization's subtree)."""
    if not by.has_perm("organizations.change_committees", committee.organization):
        raise PermissionDenied(_("Bạn không có quyền sửa cấp ủy của tổ chức này."))
    errors = seat_errors(
        committee=committee, member=member, role=role, starts_on=starts_on, ends_on=ends_on
    )
    if any(errors.values()):
        raise ValidationError({k: v for k, v in errors.items() if v})
    seat = CommitteeSeat(
        committee=committee, member=member, role=role, starts_on=starts_on, ends_on=ends_on
    )
    _audit(seat, by)
    seat.save()
    return seat


@transaction.atomic
def end_seat(seat: CommitteeSeat, *, on: date, reason: str = "", by: "User") -> CommitteeSeat:
    """The member leaves the seat on `on` (the seat is kept, with its end date)."""
    if not by.has_perm("organizations.change_committees", seat.committee.organization):
        raise PermissionDenied(_("Bạn không có quyền sửa cấp ủy của tổ chức này."))
    if on < seat.starts_on:
        raise ValidationError(
            {
                "ends_on": [
                    _("Ngày thôi giữ chức phải sau ngày bắt đầu (%(day)s).")
                    % {"day": seat.starts_on.strftime("%d/%m/%Y")}
                ]
            }
        )
    seat.ends_on = on
    _audit(seat, by, reason)
    seat.save()
    return seat
