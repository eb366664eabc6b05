"""Attendance on one screen (MTG-03, EXM-02, MTG-07): one tap, the whole sheet, all present."""

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Member

from ..enums import MeetingState
from ..models import (
    Attendance,
    Meeting,
)
from ..queries.register import RegisterEntry, register_on
from .common import S, bump, is_suspended, lock, save

if TYPE_CHECKING:
    from accounts.models import User


def _write_attendance(
    locked: Meeting,
    entry: RegisterEntry,
    *,
    status: str,
    reason: str,
    on_special_duty: bool,
    by: "User",
    existing: Attendance | None = None,
) -> Attendance:
    member = entry.member
    if status not in S.values:
        raise ValidationError({"status": _("Trạng thái điểm danh không hợp lệ.")})
    if status == S.EXEMPT and not entry.exempted:
        raise ValidationError(
            {"status": _("%(name)s không được miễn sinh hoạt vào ngày này.") % {"name": member}}
        )
    if entry.exempted and status in (S.EXCUSED, S.UNEXCUSED):
        # EXM-02: an exempted member who does not come is simply exempt.
        status = S.EXEMPT
    if on_special_duty and not (
        member.armed_forces or locked.organization.category == "armed_forces"
    ):
        raise ValidationError(
            {
                "on_special_duty": _(
                    "Chỉ đảng viên lực lượng vũ trang mới được ghi làm nhiệm vụ đặc biệt."
                )
            }
        )
    row = existing or Attendance(meeting=locked, member=member)
    row.status = status
    row.reason = reason.strip() if status != S.PRESENT else ""
    row.on_special_duty = bool(on_special_duty) and status != S.PRESENT
    row.temporary, row.away = entry.temporary, entry.away
    row.exempted, row.full_member = entry.exempted, entry.full_member
    row.suspended = is_suspended(member, locked.on)
    save(row, by)
    return row


def _attendance_context(
    meeting: Meeting, version: str | int, by: "User"
) -> tuple[Meeting, dict[int, RegisterEntry], dict[int, Attendance]]:
    locked = lock(meeting, version, by)
    if locked.state == MeetingState.CANCELLED:
        raise ValidationError(_("Buổi sinh hoạt đã bị hủy."))
    if locked.on > timezone.localdate():
        raise ValidationError(_("Chưa đến ngày sinh hoạt, chưa điểm danh được."))
    register = register_on(locked.organization, locked.on)
    existing = {a.member_id: a for a in locked.attendances.all()}
    return locked, register, existing


def _entry(
    register: dict[int, RegisterEntry], member_id: int | str, locked: Meeting
) -> RegisterEntry:
    entry = register.get(int(member_id))
    if entry is None:
        name = Member.objects.filter(pk=member_id).values_list("full_name", flat=True).first()
        raise ValidationError(
            _("%(name)s không sinh hoạt tại %(org)s vào ngày %(date)s.")
            % {
                "name": name or _("Đảng viên"),
                "org": locked.organization,
                "date": f"{locked.on:%d/%m/%Y}",
            }
        )
    return entry


@transaction.atomic
def record_attendance(
    meeting: Meeting,
    *,
    member: Member | int,
    status: str,
    version: str | int,
    by: "User",
    reason: str = "",
    on_special_duty: bool = False,
) -> Attendance:
    """One member's attendance (a tap on the attendance screen)."""
    locked, register, existing = _attendance_context(meeting, version, by)
    member_id = member.pk if hasattr(member, "pk") else member
    entry = _entry(register, member_id, locked)
    row = _write_attendance(
        locked,
        entry,
        status=status,
        reason=reason,
        on_special_duty=on_special_duty,
        by=by,
        existing=existing.get(entry.member.pk),
    )
    bump(locked, meeting, by)
    return row


@transaction.atomic
def save_attendance(
    meeting: Meeting, *, entries: list[dict[str, Any]], version: str | int, by: "User"
) -> int:
    """The whole sheet at once: entries of {member, status, reason, on_special_duty}.

    Any bad entry refuses the whole sheet (nothing half-saved). Returns rows written.
    """
    locked, register, existing = _attendance_context(meeting, version, by)
    written = 0
    for item in entries:
        if not item.get("status"):
            continue
        entry = _entry(register, item["member"], locked)
        _write_attendance(
            locked,
            entry,
            status=item["status"],
            reason=item.get("reason", ""),
            on_special_duty=item.get("on_special_duty", False),
            by=by,
            existing=existing.get(entry.member.pk),
        )
        written += 1
    bump(locked, meeting, by)
    return written


@transaction.atomic
def mark_all_present(meeting: Meeting, *, version: str | int, by: "User") -> int:
    """ "Tất cả có mặt": every member not yet marked becomes present, except exempted
    members (exempt, EXM-02) and members away on a temporary transfer (excused). Rows
    already marked are kept, so tapping it after recording the absences loses nothing.
    Returns the number of rows written."""
    locked, register, existing = _attendance_context(meeting, version, by)
    written = 0
    for entry in register.values():
        if entry.member.pk in existing:
            continue
        if entry.exempted:
            status, reason = S.EXEMPT, ""
        elif entry.away:
            status, reason = S.EXCUSED, _("Sinh hoạt tạm thời nơi khác")
        else:
            status, reason = S.PRESENT, ""
        _write_attendance(locked, entry, status=status, reason=reason, on_special_duty=False, by=by)
        written += 1
    bump(locked, meeting, by)
    return written
