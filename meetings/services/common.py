"""Shared helpers of the meetings services: permission, audit user, optimistic locking."""

from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.utils.translation import gettext as _

from accounts.scope import can_write_org
from core.audit import stamp
from members.models import Member
from members.queries_participation import is_suspended_on

from .. import rules
from ..enums import AttendanceStatus, MeetingKind
from ..models import (
    AgendaItem,
    Meeting,
)
from ..queries import MEETING_KINDS

if TYPE_CHECKING:
    from accounts.models import User
    from organizations.models import Organization

S = AttendanceStatus
CELL_PLAN_MONTHS = range(1, 13)
# MTG-01: a grassroots đảng bộ meets as a whole twice a year (mid-year and year end).
GRASSROOTS_PLAN_MONTHS = (6, 12)


class Conflict(ValidationError):
    """Someone else saved the meeting after this form was opened (optimistic locking)."""


def _conflict() -> Conflict:
    return Conflict(
        _(
            "Người khác vừa cập nhật buổi sinh hoạt này trong lúc bạn đang sửa. Thay đổi của "
            "bạn chưa được lưu; hãy xem lại dữ liệu mới nhất và thực hiện lại."
        ),
        code="conflict",
    )


def is_suspended(member: Member, on: date) -> bool:
    """MTG-07: suspended from party activity, prosecuted or detained on `on` (the meeting
    date), read from the member's dated periods of non-participation
    (members.models.NonParticipation, first and last day included).

    No query when the member comes with `non_participations` prefetched; otherwise one.
    For many members at once use members.queries_participation.suspended_member_ids
    (one query).
    """
    return is_suspended_on(member, on)


def _require_write(by: "User", organization: "Organization") -> None:
    if not can_write_org(by, organization):
        raise PermissionDenied


def _save(obj: Model, by: "User", **kwargs: Any) -> None:
    stamp(obj, by if getattr(by, "is_authenticated", False) else None)
    obj.save(**kwargs)


def _lock(meeting: Meeting, version: str | int, by: "User") -> Meeting:
    """The meeting locked for this transaction, if `version` is still current."""
    _require_write(by, meeting.organization)
    locked = Meeting.objects.select_for_update().select_related("organization").get(pk=meeting.pk)
    try:
        seen = int(version)
    except (TypeError, ValueError):
        raise _conflict() from None
    if seen != locked.version:
        raise _conflict()
    return locked


def _bump(locked: Meeting, meeting: Meeting, by: "User") -> None:
    locked.version += 1
    _save(locked, by)
    # The caller's instance follows, so a page re-rendered after the write is current.
    for field in Meeting._meta.concrete_fields:
        setattr(meeting, field.attname, getattr(locked, field.attname))


def _check_organization(organization: "Organization") -> None:
    if organization.kind not in MEETING_KINDS:
        raise ValidationError(
            {"organization": _("Chỉ chi bộ hoặc đảng bộ cơ sở mới lập kế hoạch sinh hoạt ở đây.")}
        )
    if organization.is_dissolved:
        raise ValidationError({"organization": _("Tổ chức đã giải thể.")})


def _check_kind(kind: str, topic: str) -> None:
    if kind not in MeetingKind.values:
        raise ValidationError({"kind": _("Loại sinh hoạt không hợp lệ.")})
    if kind == MeetingKind.THEMATIC and not topic.strip():
        # MTG-02
        raise ValidationError({"topic": _("Sinh hoạt chuyên đề phải có chủ đề.")})


def _fill_agenda(meeting: Meeting, by: "User") -> None:
    """MTG-04: the agenda in the standard order, adapted to the cell's category."""
    titles = rules.agenda_for(meeting.kind, meeting.organization.category, meeting.topic)
    for position, title in enumerate(titles, start=1):
        _save(AgendaItem(meeting=meeting, position=position, title=title), by)
