"""Scoped reads of transfers (members.queries.transfers, TRF-01..02): both sides see a
transfer and nobody else; the list's filters; which steps a state still allows; the
members a user may transfer; the returning member found by exact citizen ID or card."""

from datetime import date as D

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from members.enums import MemberStatus, TransferKind, TransferReason, TransferState
from members.models import Member, Transfer
from members.queries.transfers import (
    OPEN,
    filter_transfers,
    find_returning_member,
    get_reachable_member_for,
    get_transfer_for,
    open_steps,
    readable_members_in_reach,
    transfer_list_for,
    transfers_for,
)
from organizations.enums import OrgKind
from tests.factories import MemberFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def duc(tree):
    return MemberFactory(full_name="Lê Văn Đức", organization=tree["cell_a"])


def transfer(
    member,
    *,
    to=None,
    frm="member",
    kind=TransferKind.OFFICIAL,
    state=None,
    on=D(2026, 1, 9),
    **extra,
):
    """A transfer row as the services leave it (no service call: the reads only)."""
    return Transfer.objects.create(
        member=member,
        kind=kind,
        reason=TransferReason.JOB_MOVE,
        state=state or TransferState.PENDING,
        from_organization=member.organization if frm == "member" else frm,
        to_organization=to,
        trigger_on=on,
        **extra,
    )


@pytest.fixture
def transfers(tree, duc):
    """cell_a → other_cell (across the two communes), cell_b → outside (sent), and
    other_cell → outside (the other commune's own, temporary)."""
    mai = MemberFactory(full_name="Hà Thị Mai", organization=tree["cell_b"])
    hung = MemberFactory(full_name="Vi Văn Hùng", organization=tree["other_cell"])
    return {
        "across": transfer(duc, to=tree["other_cell"], on=D(2026, 1, 9)),
        "b_out": transfer(
            mai, to_outside="Tỉnh Cao Bằng", state=TransferState.SENT, on=D(2026, 2, 1)
        ),
        "other_out": transfer(
            hung, kind=TransferKind.TEMPORARY, to_outside="Hà Nội", on=D(2026, 3, 1)
        ),
    }


def keys(qs, transfers):
    return {k for k, t in transfers.items() if t in set(qs)}


# --- transfers_for / get_transfer_for ------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "seen"),
    [
        ("officer", {"across", "b_out"}),  # the sending side of both
        ("inspector", {"across", "b_out"}),
        ("secretary", {"across"}),  # cell_a sends
        ("other_secretary", {"b_out"}),
        ("outsider", {"across", "other_out"}),  # the receiving side of "across"
        ("admin_user", {"across", "b_out", "other_out"}),
        ("member_user", set()),  # a member is no party to the paperwork
    ],
)
def test_both_sides_see_a_transfer_and_nobody_else(request, transfers, persona, seen):
    user = request.getfixturevalue(persona)
    assert keys(transfers_for(user), transfers) == seen
    for key, t in transfers.items():
        if key in seen:
            assert get_transfer_for(user, t.pk) == t
        else:
            with pytest.raises(Http404):
                get_transfer_for(user, t.pk)


def test_anonymous_sees_no_transfer(transfers):
    assert not transfers_for(AnonymousUser()).exists()


def test_the_members_own_transfer_is_hidden_from_them(tree, member_user):
    own = Member.objects.get(user=member_user)
    t = transfer(own, to=tree["cell_b"])
    assert not transfers_for(member_user).exists()
    with pytest.raises(Http404):
        get_transfer_for(member_user, t.pk)


def test_get_transfer_for_reads_its_labels_in_one_query(officer, transfers):
    transfers_for(officer).exists()  # the user's reach, read once per request
    with CaptureQueriesContext(connection) as ctx:
        t = get_transfer_for(officer, transfers["across"].pk)
        labels = (t.member.organization.name, t.from_label, t.to_label)
    assert len(ctx.captured_queries) == 1
    assert labels == ("Chi bộ thôn Nà Phát", "Chi bộ thôn Nà Phát", "Chi bộ khối phố Đức Hạnh")


# --- filter_transfers / transfer_list_for --------------------------------------------------


def test_filter_by_organization_takes_either_side_in_the_subtree(admin_user, tree, transfers):
    qs = transfers_for(admin_user)
    assert keys(filter_transfers(qs, organization=tree["cell_a"]), transfers) == {"across"}
    assert keys(filter_transfers(qs, organization=tree["other_commune"]), transfers) == {
        "across",
        "other_out",
    }
    assert keys(filter_transfers(qs, organization=tree["grassroots"]), transfers) == {
        "across",
        "b_out",
    }
    assert keys(filter_transfers(qs, organization=tree["province"]), transfers) == set(transfers)


def test_filter_by_state_and_kind(admin_user, transfers):
    qs = transfers_for(admin_user)
    assert keys(filter_transfers(qs, state=TransferState.SENT), transfers) == {"b_out"}
    assert keys(filter_transfers(qs, kind=TransferKind.TEMPORARY), transfers) == {"other_out"}
    assert keys(
        filter_transfers(qs, state=TransferState.PENDING, kind=TransferKind.OFFICIAL), transfers
    ) == {"across"}
    assert not filter_transfers(qs, state=TransferState.RECEIVED).exists()
    # No filter: the queryset as given.
    assert keys(filter_transfers(qs), transfers) == set(transfers)


def test_transfer_list_is_scoped_filtered_and_newest_first(officer, outsider, tree, duc, transfers):
    later = transfer(duc, to=tree["cell_b"], on=D(2026, 1, 9))  # same day: higher id first
    listed = list(transfer_list_for(officer))
    assert listed == [transfers["b_out"], later, transfers["across"]]
    assert list(transfer_list_for(officer, state=TransferState.SENT)) == [transfers["b_out"]]
    assert list(transfer_list_for(outsider, organization=tree["other_cell"], kind="official")) == [
        transfers["across"]
    ]


def test_transfer_list_takes_a_constant_number_of_queries(officer, tree, transfers):
    def labels():
        with CaptureQueriesContext(connection) as ctx:
            rows = [
                (t.member.full_name, t.from_label, t.to_label) for t in transfer_list_for(officer)
            ]
        return len(ctx.captured_queries), rows

    transfers_for(officer).exists()  # the user's reach, read once per request
    before, rows = labels()
    for i in range(3):
        member = MemberFactory(full_name=f"Đảng viên {i}", organization=tree["cell_b"])
        transfer(member, to=tree["cell_a"])
    after, more = labels()
    assert before == after == 1
    assert len(more) == len(rows) + 3


# --- readable_members_in_reach / get_reachable_member_for ----------------------------------


@pytest.fixture
def around(tree, duc):
    group = OrganizationFactory(
        name="Tổ đảng số 1", kind=OrgKind.PARTY_GROUP, superior=tree["cell_a"]
    )
    return {
        "duc": duc,
        "group": MemberFactory(full_name="Nông Văn Tú", organization=group),
        "gone": MemberFactory(
            full_name="Đã Chuyển Đi",
            organization=tree["cell_a"],
            status=MemberStatus.TRANSFERRED_OUT,
        ),
        "cell_b": MemberFactory(full_name="Hà Thị Mai", organization=tree["cell_b"]),
        "other": MemberFactory(full_name="Vi Văn Hùng", organization=tree["other_cell"]),
    }


@pytest.mark.parametrize(
    ("persona", "reached"),
    [
        ("officer", {"duc", "group", "gone", "cell_b"}),
        ("secretary", {"duc", "group", "gone"}),
        ("other_secretary", {"cell_b"}),
        ("outsider", {"other"}),
        ("admin_user", {"duc", "group", "gone", "cell_b", "other"}),
    ],
)
def test_members_in_reach_follow_the_users_organizations(request, around, persona, reached):
    """Any status (the register's reach, not the active members only)."""
    user = request.getfixturevalue(persona)
    qs = readable_members_in_reach(user)
    assert {k for k, m in around.items() if m in set(qs)} == reached
    for key, member in around.items():
        if key in reached:
            assert get_reachable_member_for(user, member.pk) == member
        else:
            with pytest.raises(Http404):
                get_reachable_member_for(user, member.pk)


def test_a_members_own_record_is_not_in_reach(member_user, around):
    own = Member.objects.get(user=member_user)
    assert not readable_members_in_reach(member_user).exists()
    with pytest.raises(Http404):
        get_reachable_member_for(member_user, own.pk)


def test_anonymous_reaches_no_member(around):
    assert not readable_members_in_reach(AnonymousUser()).exists()


# --- open_steps and OPEN -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "state", "to_org", "steps"),
    [
        (TransferKind.OFFICIAL, TransferState.PENDING, True, {"can_send", "can_cancel"}),
        (TransferKind.OFFICIAL, TransferState.SENT, True, {"can_receive"}),
        (TransferKind.OFFICIAL, TransferState.SENT, False, set()),  # to outside: nobody receives
        (TransferKind.OFFICIAL, TransferState.RECEIVED, True, set()),
        (TransferKind.OFFICIAL, TransferState.CANCELLED, True, set()),
        (TransferKind.TEMPORARY, TransferState.PENDING, True, {"can_send", "can_cancel"}),
        (TransferKind.TEMPORARY, TransferState.SENT, True, {"can_receive", "can_return"}),
        (TransferKind.TEMPORARY, TransferState.SENT, False, {"can_return"}),
        (TransferKind.TEMPORARY, TransferState.RECEIVED, True, {"can_return"}),
        (TransferKind.TEMPORARY, TransferState.RETURNED, True, set()),
    ],
)
def test_open_steps_follow_the_state(tree, duc, kind, state, to_org, steps):
    t = Transfer(
        member=duc,
        kind=kind,
        state=state,
        from_organization=tree["cell_a"],
        to_organization=tree["cell_b"] if to_org else None,
    )
    allowed = open_steps(t)
    assert set(allowed) == {"can_send", "can_cancel", "can_receive", "can_return"}
    assert {step for step, yes in allowed.items() if yes} == steps


def test_open_means_still_under_way(tree, duc):
    rows = {
        (kind, state): transfer(duc, to=tree["cell_b"], kind=kind, state=state)
        for kind in TransferKind
        for state in TransferState
    }
    still_open = set(Transfer.objects.filter(OPEN))
    assert {key for key, t in rows.items() if t in still_open} == {
        (TransferKind.OFFICIAL, TransferState.PENDING),
        (TransferKind.OFFICIAL, TransferState.SENT),
        (TransferKind.TEMPORARY, TransferState.PENDING),
        (TransferKind.TEMPORARY, TransferState.SENT),
        (TransferKind.TEMPORARY, TransferState.RECEIVED),
    }


# --- find_returning_member -----------------------------------------------------------------


# Moved from tests/members/services/test_transfers.py.
def test_find_returning_member_ignores_active_members(duc):
    Member.objects.filter(pk=duc.pk).update(citizen_id="001080012345")
    assert find_returning_member(citizen_id="001080012345") is None
    assert find_returning_member() is None


@pytest.fixture
def gone(tree):
    return MemberFactory(
        full_name="Lê Văn Đức",
        organization=tree["cell_a"],
        status=MemberStatus.TRANSFERRED_OUT,
        citizen_id="001080012345",
        card_number="38012345",
    )


def test_find_returning_member_by_exact_citizen_id(gone):
    assert find_returning_member(citizen_id="001080012345") == gone
    assert find_returning_member(citizen_id="  001080012345 ") == gone  # stripped
    assert find_returning_member(citizen_id="00108001234") is None  # never a prefix


def test_find_returning_member_by_card_number(gone):
    assert find_returning_member(card_number="38012345") == gone
    assert find_returning_member(card_number=" 38012345\t") == gone
    assert find_returning_member(card_number="3801234") is None


def test_citizen_id_is_asked_before_the_card(gone):
    """Both given: the citizen ID decides (a wrong one finds nobody, whatever the card)."""
    assert find_returning_member(citizen_id="999", card_number="38012345") is None
    assert find_returning_member(citizen_id="001080012345", card_number="x") == gone


def test_a_card_number_shared_by_two_finds_nobody(tree, gone):
    MemberFactory(
        full_name="Trần Văn Bình",
        organization=tree["cell_b"],
        status=MemberStatus.TRANSFERRED_OUT,
        card_number="38012345",
    )
    assert find_returning_member(card_number="38012345") is None


@pytest.mark.parametrize(
    "status",
    [s for s in MemberStatus if s != MemberStatus.TRANSFERRED_OUT],
)
def test_only_a_member_transferred_out_is_returning(gone, status):
    Member.objects.filter(pk=gone.pk).update(status=status)
    assert find_returning_member(citizen_id="001080012345") is None
    assert find_returning_member(card_number="38012345") is None


def test_never_found_by_name(gone):
    assert find_returning_member(citizen_id="Lê Văn Đức") is None
    assert find_returning_member(card_number="Lê Văn Đức") is None
