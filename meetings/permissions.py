"""The meetings app's permissions (django-rules), named once and asked everywhere.

Built over accounts.scope (the single source of who reaches what). Views declare them
(`permission = "meetings.change_meeting"`) or ask `user.has_perm(name, obj)`, templates
get a flag the view computes with has_perm, services refuse with a Vietnamese
PermissionDenied. Imported by MeetingsConfig.ready().

- `meetings.plan_meetings` (an Organization holding meetings): plan the cell's year, add a
  meeting, renew its calendar link; see its members' alerts on the plan page.
- `meetings.change_meeting` (a Meeting): edit the plan of one meeting, hold or cancel it,
  the attendance, the minutes, resolutions, tasks, documents, superiors, numbers, scans.
- `meetings.edit_scoring` (a province, or None for the system-wide default): the MTG-05
  weights; the default is the system administrators', a province's row its writers'.
- `meetings.view_alerts` (an Organization): the Charter alerts name members, so only those
  who read the organization itself see them (a member of the cell does not).
- `meetings.assign_superior_attendee` (a superior Organization): assign its committee
  members to its cells (MTG-06) and end an assignment.
"""

import rules

from accounts.scope import can_write_org, is_system_admin, org_read_filter
from organizations.models import Organization


@rules.predicate
def can_write_organization(user, organization) -> bool:
    return organization is not None and can_write_org(user, organization)


@rules.predicate
def can_write_meeting(user, meeting) -> bool:
    return meeting is not None and can_write_org(user, meeting.organization)


@rules.predicate
def can_edit_scoring(user, organization) -> bool:
    if organization is None:
        return is_system_admin(user)
    return organization.is_root() and can_write_org(user, organization)


@rules.predicate
def reads_organization(user, organization) -> bool:
    if organization is None or not user.is_authenticated:
        return False
    if is_system_admin(user):
        return True
    return Organization.objects.filter(org_read_filter(user), pk=organization.pk).exists()


rules.add_perm("meetings.plan_meetings", can_write_organization)
rules.add_perm("meetings.change_meeting", can_write_meeting)
rules.add_perm("meetings.edit_scoring", can_edit_scoring)
rules.add_perm("meetings.view_alerts", reads_organization)
rules.add_perm("meetings.assign_superior_attendee", can_write_organization)
