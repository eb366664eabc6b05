"""Small helpers shared by the parts of `seed_party_work` (demo.party_work and its mixins)."""

from datetime import date, timedelta

from core.calendar import add_working_days
from organizations.enums import CellCategory as C

DAY = timedelta(days=1)
RESIDENTIAL = (C.RURAL_VILLAGE, C.URBAN_BLOCK)


def wd(start: date, n: int) -> date:
    """`n` working days after `start` (core.calendar)."""
    return add_working_days(start, n)
