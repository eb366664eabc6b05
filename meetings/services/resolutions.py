"""Resolutions with their vote (MTG-07) and tasks (MTG-04)."""

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Member

from ..enums import MeetingState
from ..models import (
    Meeting,
    Resolution,
    Task,
)
from ..queries.evaluations import evaluate
from ..queries.register import register_on
from .common import save

if TYPE_CHECKING:
    from accounts.models import User


@transaction.atomic
def add_resolution(
    meeting: Meeting,
    *,
    by: "User",
    title: str,
    number: str = "",
    text: str = "",
    votes_for: int = 0,
    votes_against: int = 0,
    votes_abstain: int = 0,
) -> Resolution:
    """A resolution with its vote. Refused when the votes add up to more than the members
    present who may vote; its validity (MTG-07) is shown, not enforced, so that the
    minutes record what happened."""
    if not by.has_perm("meetings.change_meeting", meeting):
        raise PermissionDenied(_("Bạn không có quyền ghi sinh hoạt của chi bộ này."))
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if locked.state != MeetingState.HELD:
        raise ValidationError(_("Chỉ ghi nghị quyết sau khi đã ghi nhận buổi sinh hoạt diễn ra."))
    votes = [votes_for, votes_against, votes_abstain]
    if any(v is None or v < 0 for v in votes):
        raise ValidationError({"votes_for": _("Số phiếu không hợp lệ.")})
    voters = evaluate(locked).voters_present
    if sum(votes) > voters:
        raise ValidationError(
            {
                "votes_for": _(
                    "Tổng số phiếu (%(total)s) nhiều hơn số đảng viên chính thức có mặt được "
                    "biểu quyết (%(voters)s)."
                )
                % {"total": sum(votes), "voters": voters}
            }
        )
    if not title.strip():
        raise ValidationError({"title": _("Cần ghi trích yếu nghị quyết.")})
    resolution = Resolution(
        meeting=locked,
        number=number.strip(),
        title=title.strip(),
        text=text,
        votes_for=votes_for,
        votes_against=votes_against,
        votes_abstain=votes_abstain,
    )
    save(resolution, by)
    return resolution


@transaction.atomic
def add_task(
    meeting: Meeting,
    *,
    by: "User",
    text: str,
    assignee: Member | None = None,
    due_on: date | None = None,
    resolution: Resolution | None = None,
) -> Task:
    if not by.has_perm("meetings.change_meeting", meeting):
        raise PermissionDenied(_("Bạn không có quyền ghi sinh hoạt của chi bộ này."))
    if not text.strip():
        raise ValidationError({"text": _("Cần ghi nội dung nhiệm vụ.")})
    if resolution is not None and resolution.meeting_id != meeting.pk:
        raise ValidationError({"resolution": _("Nghị quyết không thuộc buổi sinh hoạt này.")})
    if assignee is not None and assignee.pk not in register_on(meeting.organization, meeting.on):
        raise ValidationError(
            {"assignee": _("%(name)s không sinh hoạt tại chi bộ.") % {"name": assignee}}
        )
    if due_on is not None and due_on < meeting.on:
        raise ValidationError({"due_on": _("Hạn hoàn thành trước ngày sinh hoạt.")})
    task = Task(
        meeting=meeting, text=text.strip(), assignee=assignee, due_on=due_on, resolution=resolution
    )
    save(task, by)
    return task


@transaction.atomic
def complete_task(task: Task, *, by: "User", done_on: date | None = None) -> Task:
    if not by.has_perm("meetings.change_meeting", task.meeting):
        raise PermissionDenied(_("Bạn không có quyền ghi sinh hoạt của chi bộ này."))
    done_on = done_on or timezone.localdate()
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": _("Ngày hoàn thành không được ở tương lai.")})
    task.done_on = done_on
    save(task, by)
    return task
