"""The register on the meeting date: who belongs to the cell, the attendance sheet, the rule rows."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from members.enums import MembershipKind, MemberStatus
from members.models import Exemption, Member
from members.queries.register import membership_on

from ..enums import AttendanceStatus
from ..models import (
    Attendance,
    Meeting,
)
from ..rules import quality as rules

if TYPE_CHECKING:
    from organizations.models import Organization

# --- The register on the meeting date ---------------------------------------------------


@dataclass
class RegisterEntry:
    member: Member
    temporary: bool
    away: bool
    exempted: bool
    full_member: bool

    @property
    def armed_forces(self) -> bool:
        return self.member.armed_forces


def register_on(organization: "Organization", on: date) -> dict[int, RegisterEntry]:
    """The members of `organization` on date `on` (members_of with temporary members), with
    the flags MTG-03/MTG-07 need. Six queries whatever the size of the cell."""
    home = set(
        membership_on(on, kinds=(MembershipKind.HOME,))
        .filter(organization=organization)
        .values_list("member_id", flat=True)
    )
    temporary = (
        set(
            membership_on(on, kinds=(MembershipKind.TEMPORARY,))
            .filter(organization=organization)
            .values_list("member_id", flat=True)
        )
        - home
    )
    away = set(
        membership_on(on, kinds=(MembershipKind.TEMPORARY,))
        .filter(member_id__in=home)
        .exclude(organization=organization)
        .values_list("member_id", flat=True)
    )
    ids = home | temporary
    exempted = set(
        Exemption.objects.filter(member_id__in=ids, starts_on__lte=on)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .values_list("member_id", flat=True)
    )
    # non_participations: MTG-07 "suspended" is read from them without a query per member.
    members = (
        Member.objects.filter(pk__in=ids)
        .prefetch_related("non_participations")
        .order_by("sort_key", "id")
    )
    return {
        m.pk: RegisterEntry(
            member=m,
            temporary=m.pk in temporary,
            away=m.pk in away,
            exempted=m.pk in exempted,
            full_member=m.status == MemberStatus.FULL
            and (m.full_member_on is None or m.full_member_on <= on),
        )
        for m in members
    }


@dataclass
class SheetRow:
    member: Member
    status: str  # "" while not yet recorded
    reason: str
    on_special_duty: bool
    temporary: bool
    away: bool
    exempted: bool
    armed_forces: bool


def attendance_sheet(meeting: Meeting) -> list[SheetRow]:
    """Every member of the cell on the meeting date, with what has been recorded.

    An exempted member not yet recorded defaults to exempt (EXM-02); a member away on a
    temporary transfer defaults to excused. Rows recorded for someone no longer on the
    register of that date (the date was moved) are listed too, so nothing is hidden.
    """
    register = register_on(meeting.organization, meeting.on)
    recorded = {a.member_id: a for a in meeting.attendances.select_related("member")}
    rows = []
    for member_id, entry in register.items():
        a = recorded.pop(member_id, None)
        default = (
            AttendanceStatus.EXEMPT
            if entry.exempted
            else AttendanceStatus.EXCUSED
            if entry.away
            else ""
        )
        rows.append(
            SheetRow(
                member=entry.member,
                status=a.status if a else default,
                reason=a.reason if a else "",
                on_special_duty=a.on_special_duty if a else False,
                temporary=entry.temporary,
                away=entry.away,
                exempted=entry.exempted,
                armed_forces=entry.armed_forces,
            )
        )
    for a in recorded.values():
        rows.append(
            SheetRow(
                a.member,
                a.status,
                a.reason,
                a.on_special_duty,
                a.temporary,
                a.away,
                a.exempted,
                a.member.armed_forces,
            )
        )
    return rows


def rule_rows(attendances: Iterable[Attendance], *, names: bool = True) -> list[rules.Row]:
    return [
        rules.Row(
            member_id=a.member_id,
            status=a.status,
            exempted=a.exempted,
            on_special_duty=a.on_special_duty,
            temporary=a.temporary,
            away=a.away,
            full_member=a.full_member,
            suspended=a.suspended,
            name=a.member.full_name if names else "",
        )
        for a in attendances
    ]


def register_members(meeting: Meeting) -> QuerySet[Member]:
    """The members on the register of the meeting date, as a queryset (for choice lists)."""
    ids = list(register_on(meeting.organization, meeting.on))
    return Member.objects.filter(pk__in=ids).order_by("sort_key", "id")
