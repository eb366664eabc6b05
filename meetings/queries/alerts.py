"""MTG-08 and MTG-01 alerts: members missing meetings, cells without a meeting, plan findings."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import ExtractMonth
from django.utils import timezone

from core.findings import Finding
from members.models import Member
from organizations.enums import CELL_KINDS
from organizations.models import Organization

from ..enums import ABSENT_STATUSES, AttendanceStatus, MeetingKind, MeetingState
from ..models import (
    Attendance,
    Meeting,
)
from ..rules import quality as rules
from .evaluations import year_history

# --- MTG-08 and MTG-01 alerts -----------------------------------------------------------


@dataclass
class MemberAlert:
    rule_id: str
    member: Member
    count: int


def member_alerts(organization: "Organization", year: int) -> list[MemberAlert]:
    """MTG-08: unexcused absence in 3 months of the year (proposal to strike off);
    MTG-03/MTG-08: absent more than 3 times in a row (current run). Two queries."""
    history = year_history(organization, year)
    months: dict[int, set[int]] = defaultdict(set)
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


@dataclass
class SubtreeAlert:
    rule_id: str
    member: Member
    cell: Organization
    count: int


def subtree_member_alerts(organization: "Organization", year: int) -> list[SubtreeAlert]:
    """member_alerts for every cell of the subtree at once, for a committee's pages (the
    officer's home page): the same MTG-08 and MTG-03 alerts, each with its cell, computed
    by SQL aggregates: four queries (two aggregates, the members, the cells) whatever
    the size of the subtree.

    MTG-08: a member with an unexcused absence in 3 months of the year in that cell.
    MTG-03: a member whose absences (excused or not) after their last presence in that
    cell this year number more than 3 (rules.absence_streaks: exempt rows and meetings
    without a row for the member neither break nor lengthen the run).
    """
    rows = Attendance.objects.filter(
        organization.subtree_q("meeting__organization__"),
        meeting__state=MeetingState.HELD,
        meeting__held_on__year=year,
    )
    strike = (
        rows.filter(status=AttendanceStatus.UNEXCUSED)
        .values("member_id", "meeting__organization_id")
        .annotate(n=Count(ExtractMonth("meeting__held_on"), distinct=True))
        .filter(n__gte=rules.STRIKE_OFF_MONTHS)
        .values_list("member_id", "meeting__organization_id", "n")
    )
    present_later = Attendance.objects.filter(
        member_id=OuterRef("member_id"),
        meeting__organization_id=OuterRef("meeting__organization_id"),
        meeting__state=MeetingState.HELD,
        meeting__held_on__year=year,
        status=AttendanceStatus.PRESENT,
    ).filter(
        # later in the order of year_history: by date, then by meeting on the same day
        Q(meeting__held_on__gt=OuterRef("meeting__held_on"))
        | Q(meeting__held_on=OuterRef("meeting__held_on"), meeting_id__gt=OuterRef("meeting_id"))
    )
    in_a_row = (
        rows.filter(status__in=list(ABSENT_STATUSES))
        .exclude(Exists(present_later))
        .values("member_id", "meeting__organization_id")
        .annotate(n=Count("id"))
        .filter(n__gt=rules.MAX_ABSENCES_IN_A_ROW)
        .values_list("member_id", "meeting__organization_id", "n")
    )
    found = [("MTG-08", *row) for row in strike] + [("MTG-03", *row) for row in in_a_row]
    members = Member.objects.in_bulk({m for _r, m, _c, _n in found})
    cells = Organization.objects.in_bulk({c for _r, _m, c, _n in found})
    alerts = [
        SubtreeAlert(rule, members[m], cells[c], n)
        for rule, m, c, n in found
        if m in members and c in cells
    ]
    return sorted(alerts, key=lambda a: (a.rule_id, a.cell.path, a.member.sort_key))


def previous_month(today: date) -> tuple[int, int]:
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


def cells_without_meeting(
    organization: "Organization", *, today: date | None = None
) -> QuerySet[Organization]:
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


def plan_findings(
    organization: Organization, year: int, meetings: Iterable[Meeting] | None = None
) -> list[Finding]:
    """MTG-01 / MTG-02 warnings on the cell's year plan."""
    if meetings is None:
        meetings = Meeting.objects.filter(organization=organization, planned_on__year=year)
    return rules.plan_findings(
        [(m.kind, m.on, m.state) for m in meetings], year=year, is_cell=organization.is_cell
    )


def held_periodic_in(organization: "Organization", year: int, month: int) -> bool:
    """MTG-01: whether the organization held a periodic meeting in that month (one query)."""
    return Meeting.objects.filter(
        organization=organization,
        kind=MeetingKind.PERIODIC,
        state=MeetingState.HELD,
        held_on__year=year,
        held_on__month=month,
    ).exists()
