"""Shared data of the committee seat tests: cell_a's term 2025–2030, its chi ủy and the
secretary's seat (the seat part of tests/organizations/conftest.py's `records`)."""

from datetime import date

from members.enums import SeatRole
from members.models import CommitteeSeat
from organizations.enums import CommitteeKind
from organizations.models import Committee, Term
from tests.factories import MemberFactory

TERM_STARTS = date(2025, 5, 1)


def make_seat_records(tree) -> dict:
    """cell_a with a term from 1/5/2025 (open), a chi ủy and its secretary's seat."""
    cell = tree["cell_a"]
    term = Term.objects.create(organization=cell, name="2025–2030", starts_on=TERM_STARTS)
    committee = Committee.objects.create(
        organization=cell, term=term, kind=CommitteeKind.CELL_COMMITTEE
    )
    secretary_member = MemberFactory.create(full_name="Hoàng Văn Đức", organization=cell)
    deputy_member = MemberFactory.create(full_name="Lê Thị Hoa", organization=cell)
    seat = CommitteeSeat.objects.create(
        committee=committee, member=secretary_member, role=SeatRole.SECRETARY, starts_on=TERM_STARTS
    )
    return {
        "cell": cell,
        "term": term,
        "committee": committee,
        "seat": seat,
        "secretary_member": secretary_member,
        "deputy_member": deputy_member,
    }
