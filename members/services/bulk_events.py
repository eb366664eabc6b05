"""The bulk writer of the one lifecycle (members.services.events): many members' planned
changes written at once with their history rows, as `record_event` writes one. Used by the
file import (members.imports) and the demo generator (demo.lives_write); the tests compare
its rows with the single writer's (tests/members/services/test_events.py)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from core import bulk

from ..enums import PARTY_AGE_DEDUCTED
from ..models import Member, MemberEvent, Membership, NonParticipation
from ..rules import Period
from .bulk_tables import EVENTS, MEMBERS, MEMBERSHIPS
from .events import EventPlan, MembershipRow, MemberState

if TYPE_CHECKING:
    from accounts.models import User


@dataclass
class PlannedLife:
    """A member and the changes planned for it, from `start` on, for `write_plans`.

    `new_member`: the column values (by attname, `id` included) of a member not written
    yet; the writer inserts it with the lifecycle fields of the last plan. None: a member
    already in the register, whose row the caller updates (`apply_state`).
    """

    member_id: int
    start: MemberState
    plans: list[EventPlan] = field(default_factory=list)
    new_member: dict[str, Any] | None = None

    @property
    def final(self) -> MemberState:
        return self.plans[-1].after if self.plans else self.start


def states_of(members: Iterable[Member]) -> dict[int, MemberState]:
    """`state_of` for many registered members at once (three queries), by member id."""
    by_id = {m.pk: m for m in members}
    memberships: dict[int, list[MembershipRow]] = {pk: [] for pk in by_id}
    for m in Membership.objects.filter(member_id__in=by_id).order_by("starts_on", "id"):
        memberships[m.member_id].append(
            MembershipRow(m.organization_id, m.kind, m.starts_on, m.ends_on, m.pk)
        )
    last: dict[int, tuple[str, date]] = {}
    for member_id, kind, on in (
        MemberEvent.objects.filter(member_id__in=by_id)
        .order_by("on", "id")
        .values_list("member_id", "kind", "on")
    ):
        last[member_id] = (kind, on)
    absences: dict[int, list[Period]] = {pk: [] for pk in by_id}
    for member_id, starts_on, ends_on in NonParticipation.objects.filter(
        member_id__in=by_id, kind__in=PARTY_AGE_DEDUCTED
    ).values_list("member_id", "starts_on", "ends_on"):
        absences[member_id].append(Period(starts_on, ends_on))
    return {
        pk: MemberState(
            status=m.status,
            organization_id=m.organization_id,
            admitted_on=m.admitted_on,
            full_member_on=m.full_member_on,
            exempted=m.exempted,
            date_of_birth=m.date_of_birth,
            memberships=tuple(memberships[pk]),
            last_event=last.get(pk),
            absences=tuple(absences[pk]),
        )
        for pk, m in by_id.items()
    }


def reserve_member_ids(count: int) -> list[int]:
    """`count` fresh member ids, for the new members of `write_plans` (core.bulk)."""
    return bulk.reserve_ids(MEMBERS, count)


def write_plans(
    lives: Sequence[PlannedLife],
    *,
    today: date,
    user: "User | None" = None,
    reason: str | None = None,
    now: datetime | None = None,
    history: bool = True,
) -> None:
    """Write the planned lives in bulk: the rows `record_event` writes for each plan.

    New members (`PlannedLife.new_member`) are inserted with their lifecycle fields from the
    last plan; the new memberships with their last day, the memberships of registered
    members that a plan closed (or reopened) updated, and every event, `recorded_by` the
    user. History rows (django-simple-history) as `bulk_create_with_history` and
    `bulk_update_with_history` write them: `user` as the user, `reason` as the reason.
    Run inside `transaction.atomic()`: nothing here commits. Members' ids are given (see
    core.bulk.reserve_ids).
    """
    now = now or timezone.now()
    user_id = user.pk if user is not None else None
    opts: dict[str, Any] = {"now": now, "user_id": user_id, "reason": reason, "history": history}
    member_rows = []
    for life in lives:
        if life.new_member is not None:
            final = life.final
            values = {**life.new_member, "id": life.member_id}
            values.update(
                status=final.status,
                organization_id=final.organization_id,
                admitted_on=final.admitted_on,
                full_member_on=final.full_member_on,
                exempted=final.exempted,
                party_age_from=final.party_age_from(today),
            )
            member_rows.append(MEMBERS.row(values))
    bulk.insert(MEMBERS, member_rows, **opts)

    opened: list[tuple[Any, ...]] = []
    changed: dict[int, date | None] = {}
    for life in lives:
        before, after = life.start.memberships, life.final.memberships
        for index, row in enumerate(after):
            if index >= len(before):
                opened.append(
                    (life.member_id, row.organization_id, row.kind, row.starts_on, row.ends_on)
                )
            elif before[index].ends_on != row.ends_on:
                assert row.id is not None  # a registered membership
                changed[row.id] = row.ends_on
    ids = bulk.reserve_ids(MEMBERSHIPS, len(opened))
    bulk.insert(MEMBERSHIPS, [(pk, *r) for pk, r in zip(ids, opened, strict=True)], **opts)
    if changed:
        rows = list(Membership.objects.filter(pk__in=changed))
        for membership in rows:
            membership.ends_on = changed[membership.pk]
        if history:
            bulk_update_with_history(
                rows,
                Membership,
                ["ends_on"],
                default_user=user,
                default_change_reason=reason,
                default_date=now,
            )
        else:
            Membership.objects.bulk_update(rows, ["ends_on"])

    events = [(life.member_id, plan.event) for life in lives for plan in life.plans]
    ids = bulk.reserve_ids(EVENTS, len(events))
    recorded_at = bulk.adapt_datetime(now)
    # EVENTS.columns order: id, member_id, kind, on, organization_id, counterpart,
    # document, reason, recorded_by_id, recorded_at.
    event_rows = [
        (pk, member_id, e.kind, e.on, e.organization_id, e.counterpart, e.document, e.reason)
        + (user_id, recorded_at)
        for pk, (member_id, e) in zip(ids, events, strict=True)
    ]
    bulk.insert(EVENTS, event_rows, **opts)
