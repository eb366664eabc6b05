"""Writing the demo members' lives (demo.lives) to the database in bulk, with history rows:
the members, their memberships and events through the one bulk writer of the lifecycle
(members.services.bulk_events.write_plans), their transfers, exemptions and badges with
core.bulk."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from django.db import reset_queries, transaction
from django.utils import timezone

from core import bulk
from members.services.bulk_events import PlannedLife, reserve_member_ids, write_plans
from members.services.bulk_tables import BADGES, EXEMPTIONS, TRANSFERS

from .people import TODAY, Person

if TYPE_CHECKING:
    from .lives import Life


def _children(
    table: bulk.Table,
    lives: Sequence[Life],
    attribute: str,
    shape: Callable[[tuple], tuple] = lambda row: row,
) -> list[tuple]:
    items = [(life.member.id, row) for life in lives for row in getattr(life, attribute)]
    ids = bulk.reserve_ids(table, len(items))
    rows = [(pk, member_id, *shape(row)) for pk, (member_id, row) in zip(ids, items, strict=True)]
    return rows


def write_lives(lives: list[Life], *, history: bool = True) -> None:
    """Insert the members and every row of their lives, with history rows, in one transaction.

    The members (demo.people.Person) get their primary keys.
    """
    now = timezone.now()
    reset_queries()  # with DEBUG on, Django keeps every query: keep memory bounded
    with transaction.atomic():
        ids = reserve_member_ids(len(lives))
        planned = []
        for life, pk in zip(lives, ids, strict=True):
            member = life.member
            assert isinstance(member, Person)  # not written yet
            member.id = pk
            planned.append(PlannedLife(pk, life.start, life.plans, new_member=member.values()))
        write_plans(planned, today=TODAY, now=now, history=history)
        bulk.insert(TRANSFERS, _children(TRANSFERS, lives, "transfers"), history=history, now=now)
        bulk.insert(
            EXEMPTIONS, _children(EXEMPTIONS, lives, "exemptions"), history=history, now=now
        )
        bulk.insert(BADGES, _children(BADGES, lives, "badges"), history=history, now=now)
