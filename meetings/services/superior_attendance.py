"""MTG-06: superior committee members assigned to cells, and their attendance."""

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import stamp
from members.models import Member

from ..models import (
    Meeting,
    SuperiorAttendee,
    SupervisorAssignment,
)
from ..queries.scope import MEETING_KINDS
from ..queries.superior_attendance import committee_members
from .common import save

if TYPE_CHECKING:
    from accounts.models import User
    from organizations.models import Organization


@transaction.atomic
def add_superior(
    meeting: Meeting,
    *,
    by: "User",
    member: Member | None = None,
    name: str = "",
    position: str = "",
) -> SuperiorAttendee:
    """A superior committee member attending (MTG-06); linked to their assignment if any."""
    if not by.has_perm("meetings.change_meeting", meeting):
        raise PermissionDenied(_("Bạn không có quyền ghi sinh hoạt của chi bộ này."))
    if member is None and not name.strip():
        raise ValidationError({"name": _("Cần chọn đảng viên hoặc ghi họ tên.")})
    assignment = None
    if member is not None:
        assignment = SupervisorAssignment.objects.filter(
            organization=meeting.organization, member=member, year=meeting.on.year
        ).first()
    attendee = SuperiorAttendee(
        meeting=meeting, member=member, name=name.strip(), position=position, assignment=assignment
    )
    save(attendee, by)
    return attendee


@transaction.atomic
def assign_superior_attendee(
    *, organization: "Organization", member: Member, year: int, by: "User", note: str = ""
) -> SupervisorAssignment:
    """MTG-06: a superior committee member assigned to a cell for a year."""
    superior = type(organization).objects.get_parent(organization)
    if superior is None or not by.has_perm("meetings.assign_superior_attendee", superior):
        raise PermissionDenied(_("Bạn không có quyền phân công cấp ủy viên phụ trách chi bộ này."))
    if organization.kind not in MEETING_KINDS or organization.is_dissolved:
        raise ValidationError({"organization": _("Chỉ phân công phụ trách chi bộ đang hoạt động.")})
    if not committee_members(superior, int(year)).filter(pk=member.pk).exists():
        # MTG-06: the members assigned are those holding a seat on the superior's committee.
        raise ValidationError(
            {
                "member": _("%(name)s không phải cấp ủy viên của %(org)s trong năm %(y)s.")
                % {"name": member.full_name, "org": superior.name, "y": year}
            }
        )
    if SupervisorAssignment.objects.filter(
        organization=organization, member=member, year=year
    ).exists():
        raise ValidationError(
            {"member": _("Đồng chí này đã được phân công năm %(y)s.") % {"y": year}}
        )
    assignment = SupervisorAssignment(
        organization=organization, member=member, year=year, note=note
    )
    save(assignment, by)
    return assignment


@transaction.atomic
def unassign_superior_attendee(assignment: SupervisorAssignment, *, by: "User") -> None:
    """MTG-06: end an assignment. Meetings already attended stay recorded (SuperiorAttendee
    keeps the member; the link to the assignment is cleared), and the audit trail keeps it."""
    organization = assignment.organization
    superior = type(organization).objects.get_parent(organization)
    if superior is None or not by.has_perm("meetings.assign_superior_attendee", superior):
        raise PermissionDenied(_("Bạn không có quyền phân công cấp ủy viên phụ trách chi bộ này."))
    stamp(assignment, by if getattr(by, "is_authenticated", False) else None)
    assignment.delete()
