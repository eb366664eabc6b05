"""Which months the compliance statistics count: the default year, and this year cut at
its last finished month (a cell cannot have held November's meeting on 23 November).
One home for the statistics page, its XLSX export, the REST API and the home page."""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from .base import Period


def default_year(today: date | None = None) -> int:
    """The last full year until March, the current year from then on."""
    today = today or timezone.localdate()
    return today.year if today.month > 3 else today.year - 1


def last_finished_month(year: int, today: date | None = None) -> int | None:
    """The last month of `year` that has ended (12 for a past year, None when none has:
    a future year, or January of this one)."""
    today = today or timezone.localdate()
    if year < today.year:
        return 12
    if year > today.year or today.month == 1:
        return None
    return today.month - 1


def cut_note(year: int, last: int) -> str:
    """What the page and the API say when the period stops at `last`."""
    return _("Tính đến hết tháng %(month)02d/%(year)d: các tháng sau chưa kết thúc.") % {
        "month": last,
        "year": year,
    }


def year_so_far(year: int, today: date | None = None) -> tuple[Period, str]:
    """The whole `year`, or this year up to its last finished month with a note."""
    last = last_finished_month(year, today)
    if last is None or last == 12:
        return Period.year(year), ""
    return Period.months((year, 1), (year, last)), cut_note(year, last)
