"""MTG-08 and MTG-01 alerts: members missing meetings, cells without a meeting, plan findings."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from accounts.scope import is_system_admin, org_read_filter
from members.models import Member
from organizations.enums import CELL_KINDS
from organizations.models import Organization

from .. import rules
from ..enums import AttendanceStatus, MeetingKind, MeetingState
from ..models import (
    Meeting,
)
from .evaluations import year_history

# --- MTG-08 and MTG-01 alerts -----------------------------------------------------------


@dataclass
class MemberAlert:
    rule_id: str
    member: Member
    count: int


def member_alerts(organization, year: int) -> list[MemberAlert]:
    """MTG-08: unexcused absence in 3 months of the year (proposal to strike off);
    MTG-03/MTG-08: absent more than 3 times in a row (current run). Two queries."""
    history = year_history(organization, year)
    months: dict[int, set] = defaultdict(set)
    for on, statuses in history:
        for member_id, status in statuses.items():
            if status == AttendanceStatus.UNEXCUSED:
                months[member_id].add(on.month)
    streaks = rules.absence_streaks(history)
    strike = {m: len(s) for m, s in months.items() if len(s) >= rules.STRIKE_OFF_MONTHS}
    in_a_row = {m: n for m, n in streaks.items() if n > rules.MAX_ABSENCES_IN_A_ROW}
    members = Member.objects.in_bulk(set(strike) | set(in_a_row))
    alerts = [MemberAlert("MTG-08", members[m], n) for m, n in strike.items() if m in members]
    alerts += [MemberAlert("MTG-03", members[m], n) for m, n in in_a_row.items() if m in members]
    return sorted(alerts, key=lambda a: (a.rule_id, a.member.sort_key))


def previous_month(today: date) -> tuple[int, int]:
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


def cells_without_meeting(organization, *, today: date | None = None) -> QuerySet[Organization]:
    """MTG-01: cells in the subtree that held no periodic meeting last month (one query)."""
    year, month = previous_month(today or timezone.localdate())
    held = Meeting.objects.filter(
        organization=OuterRef("pk"),
        kind=MeetingKind.PERIODIC,
        state=MeetingState.HELD,
        held_on__year=year,
        held_on__month=month,
    )
    return (
        Organization.objects.filter(organization.subtree_q(), kind__in=CELL_KINDS)
        .filter(dissolved_on__isnull=True)
        .exclude(Exists(held))
        .order_by("path")
    )


def plan_findings(organization, year: int, meetings=None) -> list:
    """MTG-01 / MTG-02 warnings on the cell's year plan."""
    if meetings is None:
        meetings = Meeting.objects.filter(organization=organization, planned_on__year=year)
    return rules.plan_findings(
        [(m.kind, m.on, m.state) for m in meetings], year=year, is_cell=organization.is_cell
    )


def can_read_alerts(user, organization) -> bool:
    """Alerts name members: only for those who read the organization itself (not members)."""
    if is_system_admin(user):
        return True
    return Organization.objects.filter(org_read_filter(user), pk=organization.pk).exists()
