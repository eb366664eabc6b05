"""MEM-02: every status change goes through the one lifecycle (members.services.events):
`plan_event` plans it, `record_event` writes one (the bulk writer's identical rows:
test_bulk_events.py); memberships follow the events."""

from dataclasses import replace
from datetime import date as D
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from members.enums import EventKind as E
from members.enums import MembershipKind, MemberStatus
from members.queries.register import members_of
from members.services.events import (
    Change,
    MembershipRow,
    MemberState,
    plan_event,
    record_event,
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


# --- the planner: pure (no database), its boundaries -----------------------------------

TODAY = D(2026, 6, 15)
ADMITTED = MemberState(
    status=MemberStatus.PROBATIONARY,
    organization_id=1,
    admitted_on=D(2020, 3, 1),
    date_of_birth=D(1990, 4, 2),
    memberships=(MembershipRow(1, MembershipKind.HOME, D(2020, 3, 1), None, 7),),
    last_event=(E.ADMITTED, D(2020, 3, 1)),
)


def _refused(state, change, field, message):
    with pytest.raises(ValidationError) as caught:
        plan_event(state, change, today=TODAY)
    assert caught.value.message_dict == {field: [message]}


def test_mem02_an_event_may_be_dated_today_not_tomorrow():
    assert plan_event(ADMITTED, Change(E.FULL_MEMBERSHIP, TODAY), today=TODAY).after.status == (
        MemberStatus.FULL
    )
    _refused(
        ADMITTED,
        Change(E.FULL_MEMBERSHIP, TODAY + timedelta(days=1)),
        "on",
        "Ngày của sự kiện không được ở tương lai.",
    )


def test_mem02_an_event_may_be_dated_on_the_birthday_not_before():
    fresh = MemberState(date_of_birth=D(1990, 4, 2))
    plan = plan_event(fresh, Change(E.ADMITTED, D(1990, 4, 2), 1), today=TODAY)
    assert plan.after.memberships == (MembershipRow(1, MembershipKind.HOME, D(1990, 4, 2)),)
    _refused(
        fresh,
        Change(E.ADMITTED, D(1990, 4, 1), 1),
        "on",
        "Ngày của sự kiện trước ngày sinh của đảng viên.",
    )


def test_mem02_an_event_may_share_the_last_events_day_not_precede_it():
    plan_event(ADMITTED, Change(E.EXEMPTION_STARTED, D(2020, 3, 1)), today=TODAY)
    _refused(
        ADMITTED,
        Change(E.EXEMPTION_STARTED, D(2020, 2, 29)),
        "on",
        "Ngày của sự kiện trước sự kiện gần nhất (Kết nạp (đảng viên dự bị) 01/03/2020).",
    )
    # The end of an exemption may be recorded late, dated before the last event.
    exempted = replace(ADMITTED, exempted=True, last_event=(E.TRANSFER_OUT, D(2021, 1, 1)))
    plan = plan_event(exempted, Change(E.EXEMPTION_ENDED, D(2020, 12, 1)), today=TODAY)
    assert plan.after.exempted is False
    assert plan.after.last_event == (E.TRANSFER_OUT, D(2021, 1, 1))


def test_mem02_leaving_closes_the_home_on_its_first_day_not_before():
    started = replace(ADMITTED, last_event=None)
    plan = plan_event(started, Change(E.DECEASED, D(2020, 3, 1)), today=TODAY)
    assert plan.after.memberships[0].ends_on == D(2020, 3, 1)
    assert plan.after.memberships[0].id == 7  # the registered row, to be updated
    _refused(
        started,
        Change(E.DECEASED, D(2020, 2, 29)),
        "on",
        "Ngày kết thúc sinh hoạt trước ngày bắt đầu sinh hoạt tại tổ chức đó.",
    )


def test_mem02_full_membership_only_for_a_probationary_member():
    full = plan_event(ADMITTED, Change(E.FULL_MEMBERSHIP, D(2021, 3, 1)), today=TODAY).after
    assert (full.status, full.full_member_on) == (MemberStatus.FULL, D(2021, 3, 1))
    _refused(
        full,
        Change(E.FULL_MEMBERSHIP, D(2021, 4, 1)),
        "kind",
        "Chỉ đảng viên dự bị mới được công nhận chính thức.",
    )


def test_mem02_admission_needs_an_organization_and_a_member_not_active():
    _refused(
        ADMITTED,
        Change(E.ADMITTED, D(2021, 1, 1), 2),
        "kind",
        "Đảng viên đang sinh hoạt, không thể kết nạp.",
    )
    fresh = MemberState()
    _refused(fresh, Change(E.ADMITTED, D(2021, 1, 1)), "organization", "Cần chọn tổ chức kết nạp.")
    # Admitted by an organization outside the register (the demo's history): no membership.
    plan = plan_event(
        fresh,
        Change(E.ADMITTED, D(2021, 1, 1), counterpart="Chi bộ Đại đội 3", admitted_elsewhere=True),
        today=TODAY,
    )
    assert (plan.after.status, plan.after.memberships) == (MemberStatus.PROBATIONARY, ())
    assert plan.event.counterpart == "Chi bộ Đại đội 3"


def test_mem02_a_member_who_left_changes_only_by_transfer_in_or_readmission():
    gone = plan_event(ADMITTED, Change(E.RESIGNED, D(2021, 1, 1)), today=TODAY).after
    _refused(
        gone,
        Change(E.EXEMPTION_STARTED, D(2021, 2, 1)),
        "kind",
        "Đảng viên không còn sinh hoạt đảng.",
    )
    _refused(
        gone, Change(E.TRANSFER_IN, D(2021, 2, 1), 2), "kind", "Đảng viên không còn sinh hoạt đảng."
    )
    back = plan_event(gone, Change(E.READMITTED, D(2022, 1, 1), 2), today=TODAY).after
    assert (back.status, back.organization_id, back.admitted_on) == (
        MemberStatus.PROBATIONARY,
        2,
        D(2020, 3, 1),  # AGE-01: counted from the first admission
    )


def test_trf01_transfer_in_needs_the_old_home_closed():
    _refused(
        ADMITTED,
        Change(E.TRANSFER_IN, D(2021, 1, 1), 2),
        "kind",
        "Đảng viên chưa được chuyển đi khỏi tổ chức cũ.",
    )
    out = plan_event(ADMITTED, Change(E.TRANSFER_OUT, D(2021, 1, 1)), today=TODAY)
    assert out.after.status == MemberStatus.TRANSFERRED_OUT
    assert out.event.organization_id == 1  # the organization left
    _refused(
        out.after,
        Change(E.TRANSFER_IN, D(2021, 1, 1)),
        "organization",
        "Cần chọn tổ chức tiếp nhận.",
    )
    back = plan_event(out.after, Change(E.TRANSFER_IN, D(2021, 1, 1), 2), today=TODAY).after
    assert back.status == MemberStatus.PROBATIONARY
    assert [m.ends_on for m in back.memberships] == [D(2021, 1, 1), None]


def test_trf01_a_transfer_to_an_organization_of_the_system_keeps_the_member_active():
    plan = plan_event(ADMITTED, Change(E.TRANSFER_OUT, D(2021, 1, 1), 2, "Chi bộ B"), today=TODAY)
    assert plan.after.status == MemberStatus.PROBATIONARY
    assert (plan.event.organization_id, plan.event.counterpart) == (1, "Chi bộ B")


def test_trf01_a_temporary_transfer_leaves_the_member_counted_at_home():
    out = plan_event(ADMITTED, Change(E.TEMPORARY_OUT, D(2021, 1, 1)), today=TODAY).after
    assert (out.organization_id, out.memberships) == (1, ADMITTED.memberships)
    _refused(
        out,
        Change(E.TEMPORARY_IN, D(2021, 1, 1)),
        "organization",
        "Cần chọn tổ chức nơi sinh hoạt tạm thời.",
    )
    host = plan_event(out, Change(E.TEMPORARY_IN, D(2021, 1, 2), 2), today=TODAY).after
    assert host.organization_id == 1
    assert [(m.organization_id, m.kind, m.ends_on) for m in host.memberships] == [
        (1, MembershipKind.HOME, None),
        (2, MembershipKind.TEMPORARY, None),
    ]
    back = plan_event(host, Change(E.TEMPORARY_RETURNED, D(2021, 6, 1)), today=TODAY).after
    assert back.memberships[1].ends_on == D(2021, 6, 1)


def test_age01_a_transfer_gap_is_deducted_from_party_age():
    out = plan_event(ADMITTED, Change(E.TRANSFER_OUT, D(2021, 1, 1)), today=TODAY)
    assert out.party_age_from == D(2020, 3, 1)  # stops at the last day of membership
    back = plan_event(out.after, Change(E.TRANSFER_IN, D(2021, 1, 4), 2), today=TODAY)
    assert back.party_age_from == D(2020, 3, 3)  # 2 and 3 January not counted


def test_dis05_an_annulled_expulsion_reopens_the_membership_and_the_status_before():
    full = plan_event(ADMITTED, Change(E.FULL_MEMBERSHIP, D(2021, 3, 1)), today=TODAY).after
    _refused(
        full,
        Change(E.EXPULSION_ANNULLED, D(2021, 4, 1)),
        "kind",
        "Chỉ khôi phục khi sự kiện gần nhất là khai trừ.",
    )
    expelled = plan_event(full, Change(E.EXPELLED, D(2022, 5, 10)), today=TODAY).after
    assert expelled.status_before_expulsion == MemberStatus.FULL
    back = plan_event(expelled, Change(E.EXPULSION_ANNULLED, D(2022, 8, 1)), today=TODAY)
    assert (back.after.status, back.after.memberships) == (MemberStatus.FULL, full.memberships)
    assert back.party_age_from == D(2020, 3, 1)  # no gap


def test_the_planner_leaves_the_state_it_is_given_unchanged():
    before = replace(ADMITTED)
    plan_event(ADMITTED, Change(E.DECEASED, D(2021, 1, 1)), today=TODAY)
    assert before == ADMITTED
