"""Reviews fixtures: members with dated memberships, rounds, disciplines."""

from datetime import date

import pytest

from members.enums import MembershipKind, MemberStatus
from members.models import Membership
from reviews import services
from tests.factories import MemberFactory


def add_member(organization, name, *, starts_on=date(2010, 1, 1), **fields):
    fields.setdefault("status", MemberStatus.FULL)
    fields.setdefault("admitted_on", starts_on)
    member = MemberFactory(full_name=name, organization=organization, **fields)
    Membership.objects.create(
        member=member, organization=organization, kind=MembershipKind.HOME, starts_on=starts_on
    )
    return member


@pytest.fixture
def people(tree):
    return [
        add_member(tree["cell_a"], n) for n in ("Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Đức")
    ]


@pytest.fixture
def round_for(tree, officer):
    def _open(year, organization=None, **options):
        return services.open_round(
            organization=organization or tree["commune"], year=year, by=officer, **options
        )

    return _open
