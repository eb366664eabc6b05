"""Small helpers shared by the parts of `seed_party_work` (demo.party_work and its mixins)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from core.calendar import add_working_days
from organizations.enums import CellCategory as C

if TYPE_CHECKING:
    from accounts.models import User
    from organizations.models import Organization
    from training.models import Course

    from .party_work import Result_
    from .people import People

DAY = timedelta(days=1)
RESIDENTIAL = (C.RURAL_VILLAGE, C.URBAN_BLOCK)


def wd(start: date, n: int) -> date:
    """`n` working days after `start` (core.calendar)."""
    return add_working_days(start, n)


class SeederState:
    """What the mixins of demo.party_work.Seeder use of it (set in Seeder.__init__, the
    helpers defined there and in the other mixins)."""

    rng: random.Random
    today: date
    by: User
    result: Result_
    people: People
    province: Organization
    district: Organization
    communes: list[Organization]
    awareness: dict[int, list[Course]]  # commune pk → courses, oldest first
    new_member_courses: dict[int, list[Course]]
    number: int

    if TYPE_CHECKING:

        def past(self, d: date) -> bool: ...

        def next_number(self, prefix: str) -> str: ...

        def grassroots_under(self, root: Organization) -> list[Organization]: ...

        def cells_under(self, root: Organization) -> list[Organization]: ...

        def new_member_training(self) -> None: ...
