"""Reads of the committee seat pages (members.queries.seats): who may take a seat on an
organization's committee (members_of_subtree_for: active members of its subtree, within
the user's reach) and the seat being ended (get_seat_for: 404 for another's)."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from members.enums import MemberStatus, SeatRole
from members.models import CommitteeSeat
from members.queries.seats import get_seat_for, members_of_subtree_for
from organizations.enums import CommitteeKind, OrgKind
from organizations.models import Committee, Term
from tests.factories import MemberFactory, OrganizationFactory
from tests.members.seats_support import make_seat_records

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(tree):
    """Members around cell_a: its own (full, probationary, gone), a party group's, cell_b's
    and the other commune's."""
    group = OrganizationFactory(
        name="Tổ đảng số 1", kind=OrgKind.PARTY_GROUP, superior=tree["cell_a"]
    )
    return {
        "full_a": MemberFactory(full_name="Lê Văn Đức", organization=tree["cell_a"]),
        "probationary_a": MemberFactory(
            full_name="Hà Thị Mai", organization=tree["cell_a"], status=MemberStatus.PROBATIONARY
        ),
        "gone_a": [
            MemberFactory(full_name=f"Rời {status}", organization=tree["cell_a"], status=status)
            for status in (
                MemberStatus.TRANSFERRED_OUT,
                MemberStatus.STRUCK_OFF,
                MemberStatus.EXPELLED,
                MemberStatus.RESIGNED,
                MemberStatus.DECEASED,
            )
        ],
        "group": MemberFactory(full_name="Nông Văn Tú", organization=group),
        "cell_b": MemberFactory(full_name="Vi Thị Khánh", organization=tree["cell_b"]),
        "other": MemberFactory(full_name="Vi Văn Hùng", organization=tree["other_cell"]),
    }


def names(qs):
    return set(qs.values_list("full_name", flat=True))


# --- members_of_subtree_for ----------------------------------------------------------------


def test_only_active_members_of_the_subtree(officer, tree, people):
    found = members_of_subtree_for(officer, tree["cell_a"])
    assert names(found) == {"Lê Văn Đức", "Hà Thị Mai", "Nông Văn Tú"}


def test_a_superiors_subtree_takes_every_cell_below(officer, tree, people):
    assert names(members_of_subtree_for(officer, tree["grassroots"])) == {
        "Lê Văn Đức",
        "Hà Thị Mai",
        "Nông Văn Tú",
        "Vi Thị Khánh",
    }
    assert names(members_of_subtree_for(officer, tree["cell_b"])) == {"Vi Thị Khánh"}


def test_secretary_finds_their_cell_and_its_groups_only(secretary, tree, people):
    """The subtree is cut to the reader's reach: cell_b's member is below the đảng ủy
    but not within cell_a's secretary's reach."""
    expected = {"Lê Văn Đức", "Hà Thị Mai", "Nông Văn Tú"}
    assert names(members_of_subtree_for(secretary, tree["cell_a"])) == expected
    assert names(members_of_subtree_for(secretary, tree["grassroots"])) == expected
    assert not members_of_subtree_for(secretary, tree["cell_b"]).exists()


def test_inspector_reads_the_subtree_like_the_officer(inspector, tree, people):
    assert names(members_of_subtree_for(inspector, tree["cell_a"])) == {
        "Lê Văn Đức",
        "Hà Thị Mai",
        "Nông Văn Tú",
    }


def test_outsider_and_other_secretary_find_no_one_there(outsider, other_secretary, tree, people):
    assert not members_of_subtree_for(outsider, tree["cell_a"]).exists()
    assert not members_of_subtree_for(other_secretary, tree["cell_a"]).exists()
    assert names(members_of_subtree_for(outsider, tree["other_commune"])) == {"Vi Văn Hùng"}


def test_admin_finds_every_active_member_below(admin_user, tree, people):
    assert names(members_of_subtree_for(admin_user, tree["province"])) == {
        "Lê Văn Đức",
        "Hà Thị Mai",
        "Nông Văn Tú",
        "Vi Thị Khánh",
        "Vi Văn Hùng",
    }


def test_a_member_finds_only_their_own_record(member_user, tree, people):
    """members_for lets a member read themselves: nobody else of the cell (the pages
    themselves refuse a member before this read)."""
    assert names(members_of_subtree_for(member_user, tree["cell_a"])) == {"Nguyễn Văn An"}


def test_anonymous_finds_no_one(tree, people):
    assert not members_of_subtree_for(AnonymousUser(), tree["cell_a"]).exists()


def test_labels_need_no_query_per_member(officer, tree, people):
    found = members_of_subtree_for(officer, tree["grassroots"])
    with CaptureQueriesContext(connection) as ctx:
        labels = {f"{m.full_name} — {m.organization}" for m in found}
    assert len(ctx.captured_queries) == 1
    assert "Vi Thị Khánh — Chi bộ thôn Khau Khoang" in labels


# --- get_seat_for --------------------------------------------------------------------------


@pytest.fixture
def records(tree):
    return make_seat_records(tree)


def test_get_seat_for_its_own_organization(records):
    with CaptureQueriesContext(connection) as ctx:
        seat = get_seat_for(records["cell"], records["seat"].pk)
        assert seat == records["seat"]
        assert seat.member.full_name == "Hoàng Văn Đức"
        assert seat.committee.organization == records["cell"]
    assert len(ctx.captured_queries) == 1


def test_get_seat_for_another_organization_is_404(records, tree):
    """Exactly the committee's organization: not its superior, not a sibling."""
    for org in (tree["grassroots"], tree["commune"], tree["cell_b"], tree["other_cell"]):
        with pytest.raises(Http404):
            get_seat_for(org, records["seat"].pk)


def test_get_seat_for_a_seat_that_does_not_exist_is_404(records):
    with pytest.raises(Http404):
        get_seat_for(records["cell"], records["seat"].pk + 1000)


def test_get_seat_for_finds_seats_on_each_of_the_organizations_committees(records):
    """A later term's committee is the organization's too; an ended seat is still found."""
    cell = records["cell"]
    term = Term.objects.create(organization=cell, name="2030–2035", starts_on=date(2030, 5, 1))
    later = Committee.objects.create(
        organization=cell, term=term, kind=CommitteeKind.CELL_COMMITTEE
    )
    seat = CommitteeSeat.objects.create(
        committee=later,
        member=records["deputy_member"],
        role=SeatRole.DEPUTY,
        starts_on=date(2030, 5, 1),
        ends_on=date(2031, 1, 1),
    )
    assert get_seat_for(cell, seat.pk) == seat
    assert get_seat_for(cell, records["seat"].pk) == records["seat"]
