"""members.services.bulk_events: `write_plans` writes, for many members at once, the rows
`record_event` writes for one: the same changes through both writers give identical rows
(MEM-02, TRF-01, EXM-01, DIS-05 scenarios); `states_of` reads what `state_of` reads."""

from datetime import date as D

import pytest
from django.db import transaction
from django.utils import timezone

from members.enums import EventKind as E
from members.enums import MemberStatus
from members.models import Member
from members.services.bulk_events import PlannedLife, reserve_member_ids, states_of, write_plans
from members.services.events import (
    STATE_FIELDS,
    Change,
    MemberState,
    apply_state,
    plan_events,
    record_event,
    state_of,
)

pytestmark = pytest.mark.django_db


# --- one lifecycle: the single writer and the bulk writer write the same rows -------------

# Each scenario: the changes of one member's party life, as (kind, day, organization key,
# keyword arguments of record_event). Every kind record_event handles is in one of them.
SCENARIOS = {
    "admitted_then_full": [
        (E.ADMITTED, D(2015, 3, 1), "cell_a", {"document": "12-QĐ/ĐU"}),
        (E.FULL_MEMBERSHIP, D(2016, 3, 1), None, {"document": "40-QĐ/ĐU"}),
    ],
    "transfer_out_of_the_system_and_back_in": [
        (E.ADMITTED, D(2015, 3, 1), "cell_a", {}),
        (E.FULL_MEMBERSHIP, D(2016, 3, 1), None, {}),
        (E.TRANSFER_OUT, D(2017, 5, 10), None, {"counterpart": "Đảng bộ tỉnh Cao Bằng"}),
        (E.TRANSFER_IN, D(2017, 5, 20), "cell_b", {"counterpart": "Đảng bộ tỉnh Cao Bằng"}),
    ],
    "transfer_to_an_organization_of_the_system": [
        (E.ADMITTED, D(2015, 3, 1), "cell_a", {}),
        (E.TRANSFER_OUT, D(2015, 9, 1), "cell_b", {"document": "3-GGT/ĐU"}),
        (E.TRANSFER_IN, D(2015, 9, 4), "cell_b", {}),
    ],
    "temporary_transfer_and_return": [
        (E.ADMITTED, D(2015, 3, 1), "cell_a", {}),
        (E.TEMPORARY_OUT, D(2016, 1, 5), None, {"counterpart": "Chi bộ B"}),
        (E.TEMPORARY_IN, D(2016, 1, 6), "cell_b", {}),
        (E.TEMPORARY_RETURNED, D(2016, 7, 1), None, {}),
    ],
    "exemption_started_and_ended": [
        (E.ADMITTED, D(2015, 3, 1), "cell_a", {}),
        (E.FULL_MEMBERSHIP, D(2016, 3, 1), None, {}),
        (E.EXEMPTION_STARTED, D(2018, 1, 1), None, {"reason": "Nghỉ thai sản"}),
        (E.EXEMPTION_ENDED, D(2018, 6, 30), None, {"reason": "Nghỉ thai sản"}),
    ],
    "expelled_then_annulled": [
        (E.ADMITTED, D(2015, 3, 1), "cell_a", {}),
        (E.FULL_MEMBERSHIP, D(2016, 3, 1), None, {}),
        (E.EXPELLED, D(2018, 5, 10), None, {"document": "7-QĐ/UBKT"}),
        (E.EXPULSION_ANNULLED, D(2018, 8, 1), None, {"document": "9-QĐ/UBKT"}),
    ],
    "struck_off_then_readmitted": [
        (E.ADMITTED, D(2015, 3, 1), "cell_a", {}),
        (E.FULL_MEMBERSHIP, D(2016, 3, 1), None, {}),
        (E.STRUCK_OFF, D(2017, 1, 10), None, {"reason": "MTG-08"}),
        (E.READMITTED, D(2019, 1, 20), "cell_b", {}),
    ],
    "resigned_while_exempted": [
        (E.ADMITTED, D(2015, 3, 1), "cell_a", {}),
        (E.EXEMPTION_STARTED, D(2015, 6, 1), None, {}),
        (E.RESIGNED, D(2016, 2, 29), None, {"reason": "Hoàn cảnh gia đình"}),
    ],
    "deceased_during_a_temporary_transfer": [
        (E.ADMITTED, D(2015, 3, 1), "cell_a", {}),
        (E.TEMPORARY_OUT, D(2016, 1, 5), "cell_b", {}),
        (E.TEMPORARY_IN, D(2016, 1, 5), "cell_b", {}),
        (E.DECEASED, D(2016, 4, 1), None, {}),
    ],
}
BORN = D(1990, 4, 2)


def _person(tree, name):
    return Member.objects.create(
        full_name=name,
        date_of_birth=BORN,
        sex="male",
        status=MemberStatus.STRUCK_OFF,  # no active status before admission
        organization=tree["cell_a"],
    )


def _rows(member):
    """What the lifecycle wrote for `member`: values, not ids."""
    member.refresh_from_db()
    fields = [f.removesuffix("_id") if f == "organization_id" else f for f in STATE_FIELDS]
    return {
        "member": {name: getattr(member, name) for name in fields},
        "events": list(
            member.events.order_by("on", "id").values_list(
                "kind", "on", "organization", "counterpart", "document", "reason", "recorded_by"
            )
        ),
        "memberships": sorted(
            member.memberships.values_list("organization", "kind", "starts_on", "ends_on"),
            key=repr,
        ),
    }


def _change(tree, kind, on, org, kwargs):
    organization = tree[org] if org else None
    return Change(
        kind,
        on,
        organization.pk if organization else None,
        str(organization) if organization else "",
        **kwargs,
    )


def _record(member, steps, tree, officer):
    for kind, on, org, kwargs in steps:
        record_event(
            member, kind, on, by=officer, organization=tree[org] if org else None, **kwargs
        )


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_single_and_bulk_writer_write_identical_rows_for_a_new_member(scenario, tree, officer):
    steps = SCENARIOS[scenario]
    one = _person(tree, "Lường Văn Khánh")
    _record(one, steps, tree, officer)

    start = MemberState(date_of_birth=BORN)
    today = timezone.localdate()
    plans = plan_events(start, [_change(tree, *step) for step in steps], today=today)
    columns = [f.attname for f in Member._meta.concrete_fields]
    values = Member.objects.values(*columns).get(pk=one.pk)  # stored values (photo: a path)
    values.update(citizen_id=None, user_id=None)
    (pk,) = reserve_member_ids(1)
    with transaction.atomic():
        write_plans([PlannedLife(pk, start, plans, new_member=values)], today=today, user=officer)
    many = Member.objects.get(pk=pk)
    assert _rows(many) == _rows(one)
    assert many.memberships.count() >= 1 and many.events.count() == len(steps)
    # Every row written in bulk has its history row, naming the user.
    assert many.history.get().history_user == officer
    for event in many.events.all():
        assert [h.history_user for h in event.history.all()] == [officer]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_single_and_bulk_writer_write_identical_rows_for_a_registered_member(
    scenario, tree, officer
):
    """The first change through record_event; the others once through it, once in bulk
    (memberships already written are closed or reopened by an update)."""
    first, *steps = SCENARIOS[scenario]
    one, many = _person(tree, "Lường Văn Khánh"), _person(tree, "Lường Văn Khánh")
    _record(one, [first], tree, officer)
    _record(many, [first], tree, officer)
    _record(one, steps, tree, officer)

    today = timezone.localdate()
    many.refresh_from_db()
    (start,) = states_of([many]).values()
    plans = plan_events(start, [_change(tree, *step) for step in steps], today=today)
    with transaction.atomic():
        write_plans([PlannedLife(many.pk, start, plans)], today=today, user=officer)
        apply_state(many, plans[-1].after, today)
        many.save()
    assert _rows(many) == _rows(one)


def test_states_of_reads_what_state_of_reads(recruit, tree, officer):
    record_event(recruit, E.ADMITTED, D(2015, 3, 1), by=officer, organization=tree["cell_a"])
    record_event(recruit, E.TEMPORARY_IN, D(2015, 4, 1), by=officer, organization=tree["cell_b"])
    recruit.refresh_from_db()
    (many,) = states_of([recruit]).values()
    assert many == state_of(recruit, list(recruit.memberships.order_by("starts_on", "id")))
