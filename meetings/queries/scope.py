"""Reach: which organizations and meetings a user reads (404 outside), and the year lists."""

from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.scope import is_system_admin, org_read_filter
from members.enums import ACTIVE_STATUSES
from members.models import Member
from organizations.enums import CELL_KINDS, OrgKind
from organizations.models import Organization

from ..enums import AttendanceStatus, MeetingState
from ..models import (
    Meeting,
)

if TYPE_CHECKING:
    from accounts.models import User
    from accounts.scope import RequestUser

# Organizations that hold meetings here: cells, and a grassroots đảng bộ (MTG-01).
MEETING_KINDS = CELL_KINDS | {OrgKind.GRASSROOTS_COMMITTEE}


def _reach(user: "User", prefix: str) -> Q:
    """Organizations the user reads, plus the cell of their own member record."""
    q = org_read_filter(user, prefix)
    own = Member.objects.filter(user_id=user.pk, status__in=ACTIVE_STATUSES).values(
        "organization_id"
    )
    return q | Q(**{f"{prefix}pk__in": own})


def organizations_for(user: "RequestUser") -> QuerySet[Organization]:
    if not user.is_authenticated:
        return Organization.objects.none()
    if is_system_admin(user):
        return Organization.objects.all()
    return Organization.objects.filter(_reach(user, ""))


def get_meeting_org_for(user: "RequestUser", pk: int) -> Organization:
    return get_object_or_404(organizations_for(user).filter(kind__in=MEETING_KINDS), pk=pk)


def meetings_for(user: "RequestUser") -> QuerySet[Meeting]:
    if not user.is_authenticated:
        return Meeting.objects.none()
    if is_system_admin(user):
        return Meeting.objects.all()
    return Meeting.objects.filter(_reach(user, "organization__"))


def get_meeting_for(user: "RequestUser", pk: int) -> Meeting:
    return get_object_or_404(
        meetings_for(user).select_related("organization", "chair", "minute_taker"), pk=pk
    )


def year_meetings(organization: "Organization", year: int) -> QuerySet[Meeting]:
    """The cell's meetings of a year, with their attendance counts (one query)."""
    present = Count("attendances", filter=Q(attendances__status=AttendanceStatus.PRESENT))
    return (
        Meeting.objects.filter(organization=organization, planned_on__year=year)
        .annotate(
            n_present=present,
            n_rows=Count("attendances"),
            n_unexcused=Count(
                "attendances", filter=Q(attendances__status=AttendanceStatus.UNEXCUSED)
            ),
        )
        .order_by("planned_on", "id")
    )


def upcoming_for_member(user: "User", *, today: date | None = None) -> QuerySet[Meeting]:
    """The member's upcoming meetings (their cell, planned, from today) with documents."""
    today = today or timezone.localdate()
    cells = Member.objects.filter(user_id=user.pk, status__in=ACTIVE_STATUSES).values(
        "organization_id"
    )
    return (
        Meeting.objects.filter(
            organization_id__in=cells, state=MeetingState.PLANNED, planned_on__gte=today
        )
        .select_related("organization")
        .prefetch_related("documents", "agenda")
        .order_by("planned_on", "id")
    )
