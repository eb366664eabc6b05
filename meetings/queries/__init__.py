"""Scoped reads of meetings, the register on a meeting date, and the rule evaluations.

Reach: a user reads the meetings of the organizations they reach (accounts.scope), and a
member also reads the meetings of the cell they belong to (read only). Anything else is
a 404. Every function here issues a fixed number of queries whatever the size of the
cell or of the year.
"""

from __future__ import annotations

from .alerts import (
    MemberAlert,
    can_read_alerts,
    cells_without_meeting,
    member_alerts,
    plan_findings,
    previous_month,
    subtree_member_alerts,
)
from .evaluations import (
    Evaluation,
    YearScores,
    content_complete,
    evaluate,
    meeting_page,
    open_tasks_before,
    weights_for,
    year_history,
    year_scores,
)
from .minutes import minutes_facts
from .register import (
    RegisterEntry,
    SheetRow,
    attendance_sheet,
    register_on,
    rule_rows,
)
from .scans import (
    ScanShelf,
    signed_scans,
)
from .scope import (
    MEETING_KINDS,
    can_edit,
    get_meeting_for,
    get_meeting_org_for,
    meetings_for,
    organizations_for,
    upcoming_for_member,
    year_meetings,
)
from .superior_attendance import (
    AssignmentAttendance,
    AttendeeLine,
    CellAttendance,
    cells_never_visited,
    committee_members,
    followed_cells,
    get_superior_for,
    superior_attendance_of,
    superior_attendance_overview,
)

__all__ = [
    "MEETING_KINDS",
    "organizations_for",
    "get_meeting_org_for",
    "meetings_for",
    "get_meeting_for",
    "can_edit",
    "year_meetings",
    "upcoming_for_member",
    "RegisterEntry",
    "register_on",
    "SheetRow",
    "attendance_sheet",
    "rule_rows",
    "weights_for",
    "year_history",
    "Evaluation",
    "content_complete",
    "YearScores",
    "year_scores",
    "evaluate",
    "open_tasks_before",
    "meeting_page",
    "MemberAlert",
    "member_alerts",
    "subtree_member_alerts",
    "previous_month",
    "cells_without_meeting",
    "plan_findings",
    "can_read_alerts",
    "AssignmentAttendance",
    "superior_attendance_of",
    "cells_never_visited",
    "committee_members",
    "get_superior_for",
    "followed_cells",
    "CellAttendance",
    "AttendeeLine",
    "superior_attendance_overview",
    "minutes_facts",
    "ScanShelf",
    "signed_scans",
]
