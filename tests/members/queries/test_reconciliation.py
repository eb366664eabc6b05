"""MEM-03: quarterly reconciliation of member counts, hand-computed on a small dataset."""

from datetime import date as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.enums import EventKind as E
from members.enums import MembershipKind, MemberStatus
from members.models import Member, Membership
from members.queries.reconciliation import quarter_bounds, quarter_of, reconcile
from members.services.events import record_event
from organizations.enums import OrgKind
from organizations.queries import children_for
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

COLUMNS = (
    "start",
    "admitted",
    "transferred_in",
    "transferred_out",
    "struck_off",
    "expelled",
    "resigned",
    "deceased",
    "end",
    "end_probationary",
    "end_full",
)


def person(tree, name, status=MemberStatus.STRUCK_OFF, cell="cell_a"):
    return Member.objects.create(
        full_name=name,
        date_of_birth=D(1970, 1, 1),
        sex="male",
        status=status,
        organization=tree[cell],
    )


def admit(tree, by, name, on, cell="cell_a"):
    member = person(tree, name, cell=cell)
    record_event(member, E.ADMITTED, on, by=by, organization=tree[cell])
    return member


def values(row):
    return tuple(getattr(row, name) for name in COLUMNS)


@pytest.fixture
def history(tree, officer):
    """Q2 2026 (01/04–30/06) in the grassroots đảng bộ (cell_a, cell_b)."""
    m1 = admit(tree, officer, "Một", D(2020, 1, 1))
    record_event(m1, E.FULL_MEMBERSHIP, D(2021, 1, 1), by=officer)
    m2 = admit(tree, officer, "Hai", D(2020, 1, 1))
    # cell_a → cell_b on the same day: out of one, into the other.
    record_event(m2, E.TRANSFER_OUT, D(2026, 5, 10), by=officer, organization=tree["cell_b"])
    record_event(m2, E.TRANSFER_IN, D(2026, 5, 10), by=officer, organization=tree["cell_b"])
    m3 = admit(tree, officer, "Ba", D(2020, 1, 1), cell="cell_b")
    record_event(m3, E.STRUCK_OFF, D(2026, 4, 15), by=officer)
    m4 = admit(tree, officer, "Bốn", D(2020, 1, 1), cell="cell_b")
    record_event(m4, E.DECEASED, D(2026, 6, 30), by=officer)  # the quarter's last day
    admit(tree, officer, "Năm", D(2026, 5, 1))  # admitted in the quarter: probationary
    m6 = person(tree, "Sáu", status=MemberStatus.FULL, cell="cell_b")  # from outside
    record_event(m6, E.TRANSFER_IN, D(2026, 6, 1), by=officer, organization=tree["cell_b"])
    admit(tree, officer, "Bảy", D(2026, 7, 1))  # next quarter
    m8 = admit(tree, officer, "Tám", D(2020, 1, 1))
    record_event(m8, E.STRUCK_OFF, D(2026, 3, 31), by=officer)  # previous quarter
    return tree


def test_mem_03_quarter_bounds():
    assert quarter_bounds(2026, 1) == (D(2026, 1, 1), D(2026, 3, 31))
    assert quarter_bounds(2024, 1)[1] == D(2024, 3, 31)
    assert quarter_bounds(2026, 2) == (D(2026, 4, 1), D(2026, 6, 30))
    assert quarter_bounds(2026, 4) == (D(2026, 10, 1), D(2026, 12, 31))
    assert quarter_of(D(2026, 11, 23)) == (2026, 4)


def test_mem_03_hand_computed_quarter(history, officer):
    tree = history
    result = reconcile(tree["grassroots"], 2026, 2, list(children_for(officer, tree["grassroots"])))
    own, cell_a, cell_b = result.rows
    assert cell_a.organization == tree["cell_a"] and cell_b.organization == tree["cell_b"]
    #                       start adm in out xoá khai xin chết end dự-bị chính-thức
    assert values(own) == (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    assert values(cell_a) == (2, 1, 0, 1, 0, 0, 0, 0, 2, 1, 1)
    assert values(cell_b) == (2, 0, 2, 0, 1, 0, 0, 1, 2, 1, 1)
    assert values(result.total) == (4, 1, 2, 1, 1, 0, 0, 1, 4, 2, 2)
    assert all(row.balanced for row in result.rows)
    assert result.level_matches and result.ok
    assert (result.subtree_start, result.subtree_end) == (4, 4)


def test_mem_03_transfer_between_cells_of_the_commune_nets_to_zero(history, officer):
    tree = history
    result = reconcile(tree["commune"], 2026, 2, list(children_for(officer, tree["commune"])))
    own, grassroots = result.rows
    assert grassroots.organization == tree["grassroots"]
    assert values(grassroots) == (4, 1, 2, 1, 1, 0, 0, 1, 4, 2, 2)
    # The cell_a → cell_b move is one out and one in: net zero; the only net gain is Sáu.
    assert grassroots.transferred_in - grassroots.transferred_out == 1
    assert result.ok


def test_mem_03_previous_quarter(history, officer):
    tree = history
    result = reconcile(tree["grassroots"], 2026, 1, list(children_for(officer, tree["grassroots"])))
    _own, cell_a, cell_b = result.rows
    assert values(cell_a) == (3, 0, 0, 0, 1, 0, 0, 0, 2, 1, 1)  # Tám struck off 31/03
    assert values(cell_b) == (2, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0)
    assert result.ok


def test_mem_03_membership_edited_without_an_event_is_flagged(history, officer):
    tree = history
    ghost = person(tree, "Ma", status=MemberStatus.FULL)
    Membership.objects.create(
        member=ghost, organization=tree["cell_a"], kind=MembershipKind.HOME, starts_on=D(2026, 5, 5)
    )
    result = reconcile(tree["grassroots"], 2026, 2, list(children_for(officer, tree["grassroots"])))
    cell_a = result.rows[1]
    assert cell_a.end == 3 and not cell_a.balanced and cell_a.difference == 1
    assert not result.balanced and not result.ok


def test_mem_03_member_counted_twice_breaks_the_level_matching(history, officer):
    tree = history
    m1 = Member.objects.get(full_name="Một")
    # A second home membership opened by hand while the first still runs.
    Membership.objects.create(
        member=m1, organization=tree["cell_b"], kind=MembershipKind.HOME, starts_on=D(2025, 1, 1)
    )
    result = reconcile(tree["grassroots"], 2026, 2, list(children_for(officer, tree["grassroots"])))
    assert (result.total.start, result.subtree_start) == (5, 4)
    assert not result.level_matches and not result.ok


def test_mem_03_temporary_members_are_not_counted_in_the_host(history, officer):
    tree = history
    m1 = Member.objects.get(full_name="Một")
    record_event(m1, E.TEMPORARY_OUT, D(2026, 8, 1), by=officer)
    record_event(m1, E.TEMPORARY_IN, D(2026, 8, 2), by=officer, organization=tree["cell_b"])
    result = reconcile(tree["grassroots"], 2026, 3, list(children_for(officer, tree["grassroots"])))
    _own, cell_a, cell_b = result.rows
    assert (cell_a.end, cell_b.end) == (3, 2)  # Một still counted at home (TRF-01)


def test_mem_03_constant_queries_with_1_and_50_subordinates(tree, officer):
    parent = tree["grassroots"]

    def run():
        with CaptureQueriesContext(connection) as ctx:
            reconcile(parent, 2026, 2, list(children_for(officer, parent)))
        return len(ctx.captured_queries), reconcile(
            parent, 2026, 2, list(children_for(officer, parent))
        )

    children_for(officer, parent).exists()  # the officer's assignments, cached
    admit(tree, officer, "Một", D(2026, 4, 2))
    small, _ = run()
    for n in range(48):
        cell = OrganizationFactory(name=f"Chi bộ {n}", kind=OrgKind.CELL, superior=parent)
        parent.refresh_from_db()
        member = person({"x": cell}, f"Người {n}", cell="x")
        record_event(member, E.ADMITTED, D(2026, 4, 2), by=officer, organization=cell)
    large, result = run()
    assert len(result.subordinates) == 50
    assert large == small
    assert result.total.end == 49 and result.total.admitted == 49 and result.ok
