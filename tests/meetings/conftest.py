"""Meetings fixtures: members with dated memberships, meetings held in a past year."""

from datetime import date, time

import pytest

from meetings.enums import MeetingKind
from meetings.services.attendance import save_attendance
from meetings.services.plan import create_meeting, hold_meeting
from members.enums import ExemptionGround, MembershipKind, MemberStatus
from members.models import Exemption, Membership
from tests.factories import MemberFactory

YEAR = 2025  # a past year: every meeting of it may be marked held


def join(member, organization, starts_on=date(2020, 1, 1), ends_on=None, kind=MembershipKind.HOME):
    return Membership.objects.create(
        member=member, organization=organization, kind=kind, starts_on=starts_on, ends_on=ends_on
    )


def add_member(organization, name, *, starts_on=date(2020, 1, 1), **fields):
    """A member with a home membership in `organization` from `starts_on`."""
    fields.setdefault("status", MemberStatus.FULL)
    member = MemberFactory(full_name=name, organization=organization, **fields)
    join(member, organization, starts_on)
    return member


def exempt(member, starts_on, ends_on=None):
    return Exemption.objects.create(
        member=member,
        ground=ExemptionGround.LONG_TREATMENT,
        starts_on=starts_on,
        ends_on=ends_on,
        cell_decided_on=starts_on,
    )


def held(cell, on, *, by, kind=MeetingKind.PERIODIC, topic="", minutes=120):
    """A meeting of `cell` held on `on` from 19:00 for `minutes`."""
    meeting = create_meeting(organization=cell, kind=kind, planned_on=on, topic=topic, by=by)
    end = time(19 + minutes // 60, minutes % 60)
    hold_meeting(
        meeting, version=meeting.version, by=by, held_on=on, starts_at=time(19, 0), ends_at=end
    )
    return meeting


def mark(meeting, by, statuses: dict):
    """statuses: {member: status}."""
    save_attendance(
        meeting,
        entries=[{"member": m.pk, "status": s} for m, s in statuses.items()],
        version=meeting.version,
        by=by,
    )
    meeting.refresh_from_db()
    return meeting


@pytest.fixture
def cell(tree):
    return tree["cell_a"]


@pytest.fixture
def people(cell):
    """Five full members of cell_a."""
    names = ["Nguyễn Văn Bảo", "Trần Thị Cúc", "Lê Văn Dũng", "Phạm Thị Hoa", "Hoàng Văn Khải"]
    return [add_member(cell, name) for name in names]


@pytest.fixture
def persona(request):
    return request.getfixturevalue


def seat(organization, member, *, starts_on=date(2020, 10, 1), ends_on=None, role=None):
    """A seat for `member` on the executive committee of `organization` (MTG-06)."""
    from members.enums import SeatRole
    from members.models import CommitteeSeat
    from organizations.enums import CommitteeKind
    from organizations.models import Committee, Term

    term = Term.objects.filter(organization=organization).first() or Term.objects.create(
        organization=organization, name="2020–2025", starts_on=date(2020, 10, 1)
    )
    committee, _ = Committee.objects.get_or_create(
        organization=organization, term=term, kind=CommitteeKind.EXECUTIVE
    )
    return CommitteeSeat.objects.create(
        committee=committee,
        member=member,
        role=role or SeatRole.MEMBER,
        starts_on=starts_on,
        ends_on=ends_on,
    )
