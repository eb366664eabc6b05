"""Fixtures of the organization tests: a cell with its records, and query counting."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.enums import SeatRole
from members.models import CommitteeSeat
from organizations.enums import CommitteeKind, OrgKind, ResidentialUnitKind
from organizations.models import Committee, ResidentialUnit, Term
from tests.factories import MemberFactory, OrganizationFactory


@pytest.fixture
def records(tree):
    """cell_a with a party group, a village, a term, a chi ủy and its secretary."""
    cell = tree["cell_a"]
    group = OrganizationFactory(name="Tổ đảng số 1", kind=OrgKind.PARTY_GROUP, superior=cell)
    unit = ResidentialUnit.objects.create(
        name="Nà Phát", kind=ResidentialUnitKind.VILLAGE, cell=cell, households=120
    )
    term = Term.objects.create(organization=cell, name="2025–2030", starts_on=date(2025, 5, 1))
    committee = Committee.objects.create(
        organization=cell, term=term, kind=CommitteeKind.CELL_COMMITTEE
    )
    secretary_member = MemberFactory(full_name="Hoàng Văn Đức", organization=cell)
    deputy_member = MemberFactory(full_name="Lê Thị Hoa", organization=cell)
    seat = CommitteeSeat.objects.create(
        committee=committee,
        member=secretary_member,
        role=SeatRole.SECRETARY,
        starts_on=date(2025, 5, 1),
    )
    cell.refresh_from_db()
    return {
        "cell": cell,
        "group": group,
        "unit": unit,
        "term": term,
        "committee": committee,
        "seat": seat,
        "secretary_member": secretary_member,
        "deputy_member": deputy_member,
    }


@pytest.fixture
def count_queries():
    """count_queries(callable) -> (number of queries, result)."""

    def _count(fn):
        with CaptureQueriesContext(connection) as ctx:
            result = fn()
        return len(ctx.captured_queries), result

    return _count


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Personas are created with a password; argon2 is slow on purpose, tests need not be."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
