"""Writing the demo members' lives (demo.lives) to the database in bulk, with history rows
(demo.fastwrite)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from django.db import reset_queries, transaction
from django.utils import timezone

from members.services.bulk_tables import BADGES, EVENTS, EXEMPTIONS, MEMBERS, MEMBERSHIPS, TRANSFERS

from . import fastwrite
from .people import Person

if TYPE_CHECKING:
    from .lives import Life


def _children(
    table: fastwrite.Table,
    lives: Sequence[Life],
    attribute: str,
    shape: Callable[[tuple], tuple] = lambda row: row,
) -> list[tuple]:
    items = [(life.member.id, row) for life in lives for row in getattr(life, attribute)]
    ids = fastwrite.reserve_ids(table, len(items))
    rows = [(pk, member_id, *shape(row)) for pk, (member_id, row) in zip(ids, items, strict=True)]
    return rows


def write_lives(lives: list[Life], *, history: bool = True) -> None:
    """Insert the members and every row of their lives, with history rows, in one transaction.

    The members (demo.people.Person) get their primary keys.
    """
    now = timezone.now()
    recorded_at = fastwrite.adapt_datetime(now)
    reset_queries()  # with DEBUG on, Django keeps every query: keep memory bounded
    with transaction.atomic():
        ids = fastwrite.reserve_ids(MEMBERS, len(lives))
        rows = []
        for life, pk in zip(lives, ids, strict=True):
            member = life.member
            assert isinstance(member, Person)  # not written yet
            member.id = pk
            rows.append(member.row())
        fastwrite.insert(MEMBERS, rows, history=history, now=now)
        fastwrite.insert(
            MEMBERSHIPS, _children(MEMBERSHIPS, lives, "memberships"), history=history, now=now
        )
        fastwrite.insert(
            EVENTS,
            _children(
                EVENTS,
                lives,
                "events",
                lambda e: (e[2], e[0], e[3], e[4], e[5], e[6], None, recorded_at),
            ),
            history=history,
            now=now,
        )
        fastwrite.insert(
            TRANSFERS, _children(TRANSFERS, lives, "transfers"), history=history, now=now
        )
        fastwrite.insert(
            EXEMPTIONS, _children(EXEMPTIONS, lives, "exemptions"), history=history, now=now
        )
        fastwrite.insert(BADGES, _children(BADGES, lives, "badges"), history=history, now=now)
