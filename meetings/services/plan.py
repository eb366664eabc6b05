"""Planning a cell's meetings, holding or cancelling them, the minutes' content (MTG-01, MTG-02, MTG-04, DOC-02)."""

import calendar
from datetime import date, time
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..enums import MeetingKind, MeetingState
from ..models import (
    Meeting,
)
from ..queries.register import register_on
from .common import (
    CELL_PLAN_MONTHS,
    GRASSROOTS_PLAN_MONTHS,
    bump,
    check_kind,
    check_organization,
    fill_agenda,
    lock,
    save,
)

if TYPE_CHECKING:
    from accounts.models import User
    from organizations.models import Organization


@transaction.atomic
def create_meeting(
    *,
    organization: "Organization",
    kind: str,
    planned_on: date,
    topic: str = "",
    place: str = "",
    by: "User",
) -> Meeting:
    """A planned meeting with its pre-filled agenda."""
    if not by.has_perm("meetings.plan_meetings", organization):
        raise PermissionDenied(_("Bạn không có quyền lập kế hoạch sinh hoạt của chi bộ này."))
    check_organization(organization)
    check_kind(kind, topic)
    meeting = Meeting(
        organization=organization,
        kind=kind,
        planned_on=planned_on,
        topic=topic.strip(),
        place=place,
    )
    save(meeting, by)
    fill_agenda(meeting, by)
    return meeting


def _plan_day(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


@transaction.atomic
def generate_year_plan(
    *, organization: "Organization", year: int, day_of_month: int, by: "User"
) -> list[Meeting]:
    """MTG-01: one periodic meeting a month on `day_of_month` (the month's last day when it
    is shorter), or two a year for a grassroots đảng bộ. Months that already have a
    periodic meeting are left alone. Each date stays editable. Returns the new meetings.
    Thematic meetings (MTG-02) are added one by one; plan_findings warns of empty quarters.
    """
    if not by.has_perm("meetings.plan_meetings", organization):
        raise PermissionDenied(_("Bạn không có quyền lập kế hoạch sinh hoạt của chi bộ này."))
    check_organization(organization)
    if not 1 <= int(day_of_month) <= 31:
        raise ValidationError({"day_of_month": _("Ngày trong tháng từ 1 đến 31.")})
    months = CELL_PLAN_MONTHS if organization.is_cell else GRASSROOTS_PLAN_MONTHS
    taken = set(
        Meeting.objects.filter(
            organization=organization, kind=MeetingKind.PERIODIC, planned_on__year=year
        ).values_list("planned_on__month", flat=True)
    )
    created = []
    for month in months:
        if month in taken:
            continue
        created.append(
            create_meeting(
                organization=organization,
                kind=MeetingKind.PERIODIC,
                planned_on=_plan_day(year, month, int(day_of_month)),
                by=by,
            )
        )
    return created


@transaction.atomic
def update_plan(
    meeting: Meeting,
    *,
    version: str | int,
    by: "User",
    kind: str,
    planned_on: date,
    topic: str = "",
    place: str = "",
) -> Meeting:
    """Edit a planned meeting's kind, date, topic and place."""
    locked = lock(meeting, version, by)
    if locked.state != MeetingState.PLANNED:
        raise ValidationError(_("Chỉ sửa được kế hoạch của buổi sinh hoạt chưa diễn ra."))
    check_kind(kind, topic)
    locked.kind, locked.planned_on, locked.topic, locked.place = kind, planned_on, topic, place
    bump(locked, meeting, by)
    return meeting


def _check_times(starts_at: time | None, ends_at: time | None) -> None:
    if starts_at and ends_at and ends_at <= starts_at:
        raise ValidationError({"ends_at": _("Giờ kết thúc phải sau giờ bắt đầu.")})


def _check_register(locked: Meeting, on: date) -> None:
    """Recorded attendance must still match the register on the (new) date."""
    register = register_on(locked.organization, on)
    strangers = [
        a.member.full_name
        for a in locked.attendances.select_related("member")
        if a.member_id not in register
    ]
    if strangers:
        raise ValidationError(
            {
                "held_on": _(
                    "Vào ngày %(date)s các đồng chí sau không sinh hoạt tại chi bộ: %(names)s."
                )
                % {"date": f"{on:%d/%m/%Y}", "names": ", ".join(strangers)}
            }
        )


@transaction.atomic
def hold_meeting(
    meeting: Meeting,
    *,
    version: str | int,
    by: "User",
    held_on: date,
    starts_at: time | None = None,
    ends_at: time | None = None,
    place: str = "",
) -> Meeting:
    """Mark the meeting held on `held_on` (never in the future), with its times."""
    locked = lock(meeting, version, by)
    if locked.state == MeetingState.CANCELLED:
        raise ValidationError(_("Buổi sinh hoạt đã bị hủy."))
    if held_on > timezone.localdate():
        raise ValidationError(
            {"held_on": _("Không thể ghi nhận đã sinh hoạt vào ngày ở tương lai.")}
        )
    _check_times(starts_at, ends_at)
    _check_register(locked, held_on)
    locked.state = MeetingState.HELD
    locked.held_on, locked.starts_at, locked.ends_at = held_on, starts_at, ends_at
    locked.place = place or locked.place
    bump(locked, meeting, by)
    return meeting


@transaction.atomic
def cancel_meeting(meeting: Meeting, *, version: str | int, by: "User", reason: str) -> Meeting:
    locked = lock(meeting, version, by)
    if locked.state == MeetingState.HELD:
        raise ValidationError(_("Buổi sinh hoạt đã diễn ra, không thể hủy."))
    if not reason.strip():
        raise ValidationError({"reason": _("Cần ghi lý do hủy.")})
    locked.state, locked.cancel_reason = MeetingState.CANCELLED, reason.strip()
    bump(locked, meeting, by)
    return meeting


MINUTES_FIELDS = (
    "starts_at",
    "ends_at",
    "place",
    "chair",
    "minute_taker",
    "news_and_directions",
    "ideological_situation",
    "review_of_tasks",
    "discussion",
    "conclusion",
    "speakers",
    "prepared_content",
    "minutes_signed",
    "resolution_carried_out",
    "self_rating",
)


@transaction.atomic
def update_minutes(meeting: Meeting, *, version: str | int, by: "User", **fields: Any) -> Meeting:
    """DOC-02 content of the minutes and the MTG-03 criteria the secretary ticks."""
    unknown = set(fields) - set(MINUTES_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    locked = lock(meeting, version, by)
    if locked.state == MeetingState.CANCELLED:
        raise ValidationError(_("Buổi sinh hoạt đã bị hủy."))
    _check_times(fields.get("starts_at", locked.starts_at), fields.get("ends_at", locked.ends_at))
    register = None
    for role in ("chair", "minute_taker"):
        person = fields.get(role)
        if person is None:
            continue
        register = register if register is not None else register_on(locked.organization, locked.on)
        if person.pk not in register:
            raise ValidationError(
                {role: _("%(name)s không sinh hoạt tại chi bộ vào ngày này.") % {"name": person}}
            )
    for name, value in fields.items():
        setattr(locked, name, value)
    bump(locked, meeting, by)
    return meeting
