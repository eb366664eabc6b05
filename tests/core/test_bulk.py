"""core.bulk: raw batched inserts with their history rows (SQLite and PostgreSQL)."""

from datetime import date, timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from core import bulk
from members.enums import EventKind, MembershipKind, MemberStatus
from members.models import Member, MemberEvent, Membership
from tests.factories import MemberFactory

MEMBERS = bulk.Table(Member, [f.attname for f in Member._meta.concrete_fields])
MEMBERSHIPS = bulk.Table(
    Membership, ["id", "member_id", "organization_id", "kind", "starts_on", "ends_on"]
)
EVENTS = bulk.Table(MemberEvent, [f.attname for f in MemberEvent._meta.concrete_fields])


def _member_values(pk, org, **extra):
    return {
        "id": pk,
        "full_name": "Nguyễn Văn An",
        "sex": "male",
        "date_of_birth": date(1980, 1, 2),
        "organization_id": org.pk,
        "status": MemberStatus.PROBATIONARY,
        "admitted_on": date(2020, 3, 4),
        "card_number": f"NB{pk}",
        **extra,
    }


def test_insert_writes_rows_and_history_as_simple_history_would(tree, officer):
    cell = tree["cell_a"]
    now = timezone.now()
    [pk] = bulk.reserve_ids(MEMBERS, 1)
    with transaction.atomic():
        bulk.insert(
            MEMBERS,
            [MEMBERS.row(_member_values(pk, cell))],
            now=now,
            user_id=officer.pk,
            reason="Nhập từ tệp",
        )
        [ms_id] = bulk.reserve_ids(MEMBERSHIPS, 1)
        bulk.insert(
            MEMBERSHIPS,
            [(ms_id, pk, cell.pk, MembershipKind.HOME, date(2020, 3, 4), None)],
            now=now,
            user_id=officer.pk,
            reason="Nhập từ tệp",
        )
    member = Member.objects.get(pk=pk)
    assert member.full_name == "Nguyễn Văn An" and member.organization == cell
    assert member.notes == "" and member.exempted is False and member.citizen_id is None
    assert member.memberships.get().pk == ms_id
    [h] = member.history.all()
    assert h.history_type == "+"
    assert h.history_user == officer
    assert h.history_change_reason == "Nhập từ tệp"
    assert abs(h.history_date - now) < timedelta(seconds=1)
    assert h.full_name == member.full_name and h.card_number == f"NB{pk}"
    [mh] = Membership.history.filter(id=ms_id)
    assert mh.history_user == officer and mh.history_type == "+"
    # The ORM keeps working after raw inserts with explicit keys.
    other = MemberFactory(organization=cell)
    assert other.pk > pk
    assert (
        Membership.objects.create(
            member=other, organization=cell, kind=MembershipKind.HOME, starts_on=date(2021, 1, 1)
        ).pk
        > ms_id
    )


def test_history_defaults_to_no_user_and_no_reason(tree):
    [pk] = bulk.reserve_ids(MEMBERS, 1)
    bulk.insert(MEMBERS, [MEMBERS.row(_member_values(pk, tree["cell_a"]))])
    h = Member.history.get(id=pk)
    assert h.history_user is None and h.history_change_reason is None


def test_datetime_columns_and_events(tree, officer):
    member = MemberFactory(organization=tree["cell_a"])
    now = timezone.now()
    [pk] = bulk.reserve_ids(EVENTS, 1)
    row = EVENTS.row(
        {
            "id": pk,
            "member_id": member.pk,
            "kind": EventKind.ADMITTED,
            "on": date(2020, 3, 4),
            "organization_id": tree["cell_a"].pk,
            "recorded_by_id": officer.pk,
            "recorded_at": bulk.adapt_datetime(now),
        }
    )
    bulk.insert(EVENTS, [row], now=now, user_id=officer.pk)
    event = MemberEvent.objects.get(pk=pk)
    assert event.recorded_by == officer and event.counterpart == ""
    assert abs(event.recorded_at - now) < timedelta(seconds=1)


def test_reserved_ids_are_past_deleted_rows(tree):
    member = MemberFactory(organization=tree["cell_a"])
    top = member.pk
    Member.objects.filter(pk=top).delete()
    ids = bulk.reserve_ids(MEMBERS, 3)
    assert len(set(ids)) == 3 and min(ids) > top
    assert bulk.reserve_ids(MEMBERS, 0) == []


def test_rolled_back_with_the_transaction(tree):
    [pk] = bulk.reserve_ids(MEMBERS, 1)
    with pytest.raises(RuntimeError), transaction.atomic():
        bulk.insert(MEMBERS, [MEMBERS.row(_member_values(pk, tree["cell_a"]))])
        raise RuntimeError
    assert not Member.objects.filter(pk=pk).exists()
    assert not Member.history.filter(id=pk).exists()


def test_table_and_row_checks(db):
    with pytest.raises(ValueError, match="missing"):
        bulk.Table(Membership, ["id", "member_id"])
    with pytest.raises(ValueError, match="unknown columns"):
        MEMBERSHIPS.row({"id": 1, "nonsense": 2})
    with pytest.raises(ValueError, match="no value for recorded_at"):
        EVENTS.row({"id": 1, "member_id": 1, "kind": "x", "on": date(2020, 1, 1)})
    assert bulk.insert_raw("members_member", ["id"], []) is None
