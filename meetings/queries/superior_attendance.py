"""MTG-06: superior committee follow-up (who attends which cell's meetings, visits, the overview)."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.scope import org_read_filter
from members.models import CommitteeSeat, Member
from organizations.enums import CELL_KINDS, OrgKind
from organizations.models import Organization

from ..enums import MeetingState
from ..models import (
    Meeting,
    SuperiorAttendee,
    SupervisorAssignment,
)
from .scope import MEETING_KINDS

if TYPE_CHECKING:
    from accounts.scope import RequestUser

# --- MTG-06: superior committee follow-up ------------------------------------------------


@dataclass
class AssignmentAttendance:
    assignment: SupervisorAssignment
    attended: list[Meeting]  # meetings of the cell this year the assigned member attended


def superior_attendance_of(organization: "Organization", year: int) -> list[AssignmentAttendance]:
    """The committee members assigned to the cell for the year and the meetings they
    attended (two queries)."""
    assignments = list(
        SupervisorAssignment.objects.filter(organization=organization, year=year).select_related(
            "member"
        )
    )
    attended: dict[int | None, list[Meeting]] = defaultdict(list)
    for sa in SuperiorAttendee.objects.filter(
        meeting__organization=organization,
        meeting__state=MeetingState.HELD,
        meeting__held_on__year=year,
        member_id__in=[a.member_id for a in assignments],
    ).select_related("meeting"):
        attended[sa.member_id].append(sa.meeting)
    return [AssignmentAttendance(a, attended[a.member_id]) for a in assignments]


def cells_never_visited(organization: "Organization", year: int) -> QuerySet[Organization]:
    """MTG-06: cells of the subtree that no superior committee member attended this year."""
    visited = SuperiorAttendee.objects.filter(
        meeting__organization=OuterRef("pk"),
        meeting__state=MeetingState.HELD,
        meeting__held_on__year=year,
    )
    return (
        Organization.objects.filter(organization.subtree_q(), kind__in=CELL_KINDS)
        .filter(dissolved_on__isnull=True)
        .exclude(Exists(visited))
        .order_by("path")
    )


def committee_members(superior: Organization, year: int) -> QuerySet[Member]:
    """MTG-06: members holding a seat on a committee of `superior` at some time in `year`."""
    seats = CommitteeSeat.objects.filter(
        committee__organization=superior, starts_on__lte=date(year, 12, 31)
    ).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=date(year, 1, 1)))
    return Member.objects.filter(pk__in=seats.values("member_id")).order_by("sort_key", "id")


def get_superior_for(user: "RequestUser", pk: int) -> Organization:
    """An organization with subordinate meeting organizations, read through the user's
    committee roles (not through their own membership): 404 otherwise."""
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(
        Organization.objects.filter(org_read_filter(user)).exclude(
            kind__in=CELL_KINDS | {OrgKind.PARTY_GROUP}
        ),
        pk=pk,
    )


def followed_cells(superior: Organization) -> QuerySet[Organization]:
    """The meeting organizations directly under `superior` (the cells its committee follows)."""
    return Organization.objects.filter(
        path__startswith=superior.path,
        depth=superior.depth + 1,
        kind__in=MEETING_KINDS,
        dissolved_on__isnull=True,
    ).order_by("path")


@dataclass
class CellAttendance:
    cell: Organization
    assignments: list[AssignmentAttendance]  # (assignment, meetings attended)
    visits: list[SuperiorAttendee]  # every SuperiorAttendee of the cell's held meetings of the year

    @property
    def visited(self) -> bool:
        return bool(self.visits)


@dataclass
class AttendeeLine:
    member: Member
    cells: list[Organization]  # organizations assigned this year
    attended: list[tuple[Meeting, Organization]]  # attended this year, in date order


def superior_attendance_overview(
    superior: Organization, year: int
) -> tuple[list[CellAttendance], list[AttendeeLine]]:
    """MTG-06 for the superior's screen: per directly subordinate cell its assignments and
    visits, and per committee member the cells assigned and meetings attended. Four queries
    whatever the number of cells, members or meetings."""
    cells = list(followed_cells(superior))
    ids = [c.pk for c in cells]
    assignments = list(
        SupervisorAssignment.objects.filter(organization_id__in=ids, year=year)
        .select_related("member")
        .order_by("member__sort_key", "id")
    )
    visits = list(
        SuperiorAttendee.objects.filter(
            meeting__organization_id__in=ids,
            meeting__state=MeetingState.HELD,
            meeting__held_on__year=year,
        )
        .select_related("meeting", "member")
        .order_by("meeting__held_on", "meeting_id", "id")
    )
    members = list(committee_members(superior, year))
    by_cell: dict[int, list[SuperiorAttendee]] = defaultdict(list)
    attended: dict[tuple[int, int], list[Meeting]] = defaultdict(list)
    by_member: dict[int, list[Meeting]] = defaultdict(list)
    for v in visits:
        by_cell[v.meeting.organization_id].append(v)
        if v.member_id:
            attended[(v.meeting.organization_id, v.member_id)].append(v.meeting)
            by_member[v.member_id].append(v.meeting)
    cell_by_id = {c.pk: c for c in cells}
    rows = [
        CellAttendance(
            cell=c,
            assignments=[
                AssignmentAttendance(a, attended[(c.pk, a.member_id)])
                for a in assignments
                if a.organization_id == c.pk
            ],
            visits=by_cell[c.pk],
        )
        for c in cells
    ]
    assigned: dict[int, list[Organization]] = defaultdict(list)
    for a in assignments:
        assigned[a.member_id].append(cell_by_id[a.organization_id])
    known = {m.pk for m in members}
    # Someone assigned earlier whose seat has since ended is still listed.
    extra = {a.member_id: a.member for a in assignments if a.member_id not in known}
    lines = [
        AttendeeLine(
            member=m,
            cells=assigned[m.pk],
            attended=[
                (meeting, cell_by_id[meeting.organization_id]) for meeting in by_member[m.pk]
            ],
        )
        for m in [*members, *extra.values()]
    ]
    return rows, lines


def assignments_at(meeting: Meeting) -> QuerySet[SupervisorAssignment]:
    """The committee members assigned to the meeting's cell for its year (MTG-06)."""
    return SupervisorAssignment.objects.filter(
        organization=meeting.organization, year=meeting.on.year
    ).select_related("member")


def get_assignment_for(user: "RequestUser", pk: int) -> tuple[SupervisorAssignment, Organization]:
    """An assignment and the superior it belongs to; the superior must be within the user's
    reach (through their committee roles): otherwise a 404, never a 403."""
    assignment = get_object_or_404(
        SupervisorAssignment.objects.select_related("organization"), pk=pk
    )
    superior = Organization.objects.get_parent(assignment.organization)
    return assignment, get_superior_for(user, superior.pk if superior else 0)
