from datetime import date

import pytest

from members.enums import MembershipKind, MemberStatus, SeatRole
from members.models import CommitteeSeat, Membership
from organizations.enums import CommitteeKind
from organizations.models import Committee, Term
from tests.factories import MemberFactory


def add_member(organization, name, *, starts_on=date(2010, 1, 1), **fields):
    fields.setdefault("status", MemberStatus.FULL)
    fields.setdefault("admitted_on", starts_on)
    member = MemberFactory(full_name=name, organization=organization, **fields)
    Membership.objects.create(
        member=member, organization=organization, kind=MembershipKind.HOME, starts_on=starts_on
    )
    return member


def seat(member, organization, *, starts_on=date(2020, 10, 1), ends_on=None, role=SeatRole.MEMBER):
    term = Term.objects.create(
        organization=organization, name="2020–2025", starts_on=date(2020, 10, 1)
    )
    kind = CommitteeKind.CELL_COMMITTEE if organization.is_cell else CommitteeKind.EXECUTIVE
    committee = Committee.objects.create(organization=organization, term=term, kind=kind)
    return CommitteeSeat.objects.create(
        committee=committee, member=member, role=role, starts_on=starts_on, ends_on=ends_on
    )


@pytest.fixture
def person(tree):
    return add_member(tree["cell_a"], "Lê Văn Cường")
