"""MEM-02: every status change goes through record_event; memberships follow the events."""

from datetime import date as D

import pytest
from django.core.exceptions import ValidationError

from members.enums import EventKind as E
from members.enums import MembershipKind, MemberStatus
from members.models import Member
from members.queries import members_of
from members.services.events import record_event


@pytest.fixture
def recruit(tree):
    """A person not yet in the Party, about to be admitted in cell_a."""
    return Member.objects.create(
        full_name="Lường Văn Khánh",
        date_of_birth=D(1995, 4, 2),
        sex="male",
        status=MemberStatus.STRUCK_OFF,  # no active status before admission
        organization=tree["cell_a"],
    )


def test_admission_opens_a_home_membership_and_makes_a_probationary_member(recruit, tree, officer):
    record_event(recruit, E.ADMITTED, D(2024, 3, 1), by=officer, organization=tree["cell_a"])
    recruit.refresh_from_db()
    assert recruit.status == MemberStatus.PROBATIONARY
    assert recruit.admitted_on == D(2024, 3, 1)
    assert recruit.party_age_from == D(2024, 3, 1)
    membership = recruit.memberships.get()
    assert (membership.kind, membership.organization, membership.starts_on) == (
        MembershipKind.HOME,
        tree["cell_a"],
        D(2024, 3, 1),
    )
    assert list(recruit.events.values_list("kind", flat=True)) == [E.ADMITTED]


def test_every_row_record_event_writes_has_history_naming_who_recorded_it(recruit, tree, officer):
    record_event(recruit, E.ADMITTED, D(2024, 3, 1), by=officer, organization=tree["cell_a"])
    record_event(recruit, E.TRANSFER_OUT, D(2025, 6, 10), by=officer, counterpart="Chi bộ khác")
    membership = recruit.memberships.get()
    assert [(h.history_type, h.ends_on, h.history_user) for h in membership.history.all()] == [
        ("~", D(2025, 6, 10), officer),
        ("+", None, officer),
    ]
    for event in recruit.events.all():
        assert [h.history_user for h in event.history.all()] == [officer]
    assert recruit.history.first().history_user == officer


def test_members_of_a_cell_on_a_date_follow_the_memberships(recruit, tree, officer):
    record_event(recruit, E.ADMITTED, D(2024, 3, 1), by=officer, organization=tree["cell_a"])
    record_event(
        recruit, E.TRANSFER_OUT, D(2025, 6, 10), by=officer, counterpart="Chi bộ thôn Khau Khoang"
    )
    record_event(recruit, E.TRANSFER_IN, D(2025, 6, 12), by=officer, organization=tree["cell_b"])

    def in_cell(cell, on):
        return recruit in members_of(tree[cell], on)

    assert not in_cell("cell_a", D(2024, 2, 29))
    assert in_cell("cell_a", D(2024, 3, 1))
    assert in_cell("cell_a", D(2025, 6, 10))
    assert not in_cell("cell_a", D(2025, 6, 11))
    assert not in_cell("cell_b", D(2025, 6, 11))
    assert in_cell("cell_b", D(2025, 6, 12))
    assert recruit in members_of(tree["commune"], D(2025, 6, 12), subtree=True)
    recruit.refresh_from_db()
    assert recruit.organization == tree["cell_b"]
    # AGE-01 / TRF-02: the one day without a cell (11/06/2025) is deducted.
    assert recruit.party_age_from == D(2024, 3, 2)


def test_full_membership_only_for_probationary_members(recruit, tree, officer):
    record_event(recruit, E.ADMITTED, D(2024, 3, 1), by=officer, organization=tree["cell_a"])
    record_event(recruit, E.FULL_MEMBERSHIP, D(2025, 3, 1), by=officer)
    recruit.refresh_from_db()
    assert (recruit.status, recruit.full_member_on) == (MemberStatus.FULL, D(2025, 3, 1))
    with pytest.raises(ValidationError, match="Chỉ đảng viên dự bị mới được công nhận chính thức"):
        record_event(recruit, E.FULL_MEMBERSHIP, D(2025, 4, 1), by=officer)


def test_temporary_transfer_is_not_counted_in_the_host(recruit, tree, officer):
    # TRF-01: counted at home, takes part in the host's activity.
    record_event(recruit, E.ADMITTED, D(2024, 3, 1), by=officer, organization=tree["cell_a"])
    record_event(recruit, E.TEMPORARY_OUT, D(2025, 1, 5), by=officer)
    record_event(
        recruit, E.TEMPORARY_IN, D(2025, 1, 6), by=officer, organization=tree["other_cell"]
    )
    on = D(2025, 2, 1)
    assert recruit in members_of(tree["cell_a"], on)
    assert recruit not in members_of(tree["other_cell"], on)
    assert recruit in members_of(tree["other_cell"], on, temporary=True)
    record_event(recruit, E.TEMPORARY_RETURNED, D(2025, 6, 1), by=officer)
    assert recruit not in members_of(tree["other_cell"], D(2025, 6, 2), temporary=True)


def test_leaving_ends_the_membership_and_the_status(recruit, tree, officer):
    record_event(recruit, E.ADMITTED, D(2024, 3, 1), by=officer, organization=tree["cell_a"])
    record_event(recruit, E.STRUCK_OFF, D(2025, 9, 30), by=officer, reason="MTG-08")
    recruit.refresh_from_db()
    assert recruit.status == MemberStatus.STRUCK_OFF
    assert recruit in members_of(tree["cell_a"], D(2025, 9, 30))
    assert recruit not in members_of(tree["cell_a"], D(2025, 10, 1))
    with pytest.raises(ValidationError, match="Đảng viên không còn sinh hoạt đảng"):
        record_event(recruit, E.EXEMPTION_STARTED, D(2025, 10, 2), by=officer)


def test_event_dates_cannot_go_back_or_into_the_future(recruit, tree, officer):
    record_event(recruit, E.ADMITTED, D(2024, 3, 1), by=officer, organization=tree["cell_a"])
    with pytest.raises(
        ValidationError,
        match=r"Ngày của sự kiện trước sự kiện gần nhất \(Kết nạp \(đảng viên dự bị\) 01/03/2024\)",
    ):
        record_event(recruit, E.FULL_MEMBERSHIP, D(2024, 2, 29), by=officer)
    with pytest.raises(ValidationError, match="Ngày của sự kiện không được ở tương lai"):
        record_event(recruit, E.FULL_MEMBERSHIP, D(2999, 1, 1), by=officer)
    recruit.refresh_from_db()
    assert recruit.status == MemberStatus.PROBATIONARY
    assert recruit.events.count() == 1


def test_a_departure_is_recorded_where_the_member_left(recruit, tree, officer):
    # MEM-03 counts transfers out at the sending organization.
    record_event(recruit, E.ADMITTED, D(2024, 3, 1), by=officer, organization=tree["cell_a"])
    out = record_event(
        recruit, E.TRANSFER_OUT, D(2025, 6, 10), by=officer, organization=tree["cell_b"]
    )
    assert out.organization == tree["cell_a"]
    assert out.counterpart == str(tree["cell_b"])
    arrival = record_event(
        recruit, E.TRANSFER_IN, D(2025, 6, 10), by=officer, organization=tree["cell_b"]
    )
    assert arrival.organization == tree["cell_b"]


def test_party_age_of_a_member_who_left_stops_at_the_leaving_date(recruit, tree, officer):
    # AGE-01: the days after leaving are not counted, and the figure does not drift later.
    from members.services.events import refresh_party_age

    record_event(recruit, E.ADMITTED, D(2020, 3, 1), by=officer, organization=tree["cell_a"])
    record_event(recruit, E.RESIGNED, D(2024, 2, 29), by=officer)
    recruit.refresh_from_db()
    assert recruit.party_age_from == D(2020, 3, 1)
    refresh_party_age(recruit)
    assert recruit.party_age_from == D(2020, 3, 1)


def test_expulsion_annulled_only_right_after_an_expulsion(recruit, tree, officer):
    record_event(recruit, E.ADMITTED, D(2020, 3, 1), by=officer, organization=tree["cell_a"])
    with pytest.raises(ValidationError, match="Chỉ khôi phục khi sự kiện gần nhất là khai trừ"):
        record_event(recruit, E.EXPULSION_ANNULLED, D(2021, 1, 1), by=officer)
    record_event(recruit, E.EXPELLED, D(2022, 5, 10), by=officer)
    record_event(recruit, E.EXPULSION_ANNULLED, D(2022, 8, 1), by=officer)
    recruit.refresh_from_db()
    assert recruit.status == MemberStatus.PROBATIONARY
    assert recruit.memberships.get().ends_on is None
    assert recruit in members_of(tree["cell_a"], D(2022, 6, 1))  # no gap: AGE-01
    assert recruit.party_age_from == D(2020, 3, 1)
