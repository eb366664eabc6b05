"""Shared helpers of the meetings services: audit user, optimistic locking, checks."""

from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.utils import translation
from django.utils.translation import gettext as _

from core.audit import stamp
from members.models import Member
from members.queries.participation import is_suspended_on

from ..enums import AttendanceStatus, MeetingKind
from ..models import (
    AgendaItem,
    Meeting,
)
from ..queries.scope import MEETING_KINDS
from ..rules.agenda import agenda_for

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


def save(obj: Model, by: "User", **kwargs: Any) -> None:
    stamp(obj, by if getattr(by, "is_authenticated", False) else None)
    obj.save(**kwargs)


def lock(meeting: Meeting, version: str | int, by: "User") -> Meeting:
    """The meeting locked for this transaction, if `by` may change it and `version` is
    still current."""
    if not by.has_perm("meetings.change_meeting", meeting):
        raise PermissionDenied(_("Bạn không có quyền ghi sinh hoạt của chi bộ này."))
    locked = Meeting.objects.select_for_update().select_related("organization").get(pk=meeting.pk)
    try:
        seen = int(version)
    except (TypeError, ValueError):
        raise _conflict() from None
    if seen != locked.version:
        raise _conflict()
    return locked


def bump(locked: Meeting, meeting: Meeting, by: "User") -> None:
    locked.version += 1
    save(locked, by)
    # The caller's instance follows, so a page re-rendered after the write is current.
    for field in Meeting._meta.concrete_fields:
        setattr(meeting, field.attname, getattr(locked, field.attname))


def check_organization(organization: "Organization") -> None:
    if organization.kind not in MEETING_KINDS:
        raise ValidationError(
            {"organization": _("Chỉ chi bộ hoặc đảng bộ cơ sở mới lập kế hoạch sinh hoạt ở đây.")}
        )
    if organization.is_dissolved:
        raise ValidationError({"organization": _("Tổ chức đã giải thể.")})


def check_kind(kind: str, topic: str) -> None:
    if kind not in MeetingKind.values:
        raise ValidationError({"kind": _("Loại sinh hoạt không hợp lệ.")})
    if kind == MeetingKind.THEMATIC and not topic.strip():
        # MTG-02
        raise ValidationError({"topic": _("Sinh hoạt chuyên đề phải có chủ đề.")})


def fill_agenda(meeting: Meeting, by: "User") -> None:
    """MTG-04: the agenda in the standard order, adapted to the cell's category."""
    # The agenda is the meeting's record, printed in the Vietnamese minutes: stored in
    # Vietnamese whoever plans it; pages show it translated (AgendaItem.shown_title).
    with translation.override("vi"):
        titles = agenda_for(meeting.kind, meeting.organization.category, meeting.topic)
    for position, title in enumerate(titles, start=1):
        save(AgendaItem(meeting=meeting, position=position, title=title), by)
