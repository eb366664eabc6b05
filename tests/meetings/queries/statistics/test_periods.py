"""meetings.queries.statistics.periods: the months the compliance statistics count (MTG-01: a
month counts once it has ended)."""

from datetime import date

import pytest

from meetings.queries.statistics.periods import default_year, last_finished_month, year_so_far


@pytest.mark.parametrize(
    ("today", "year", "last"),
    [
        (date(2026, 1, 31), 2026, None),  # January: no month of this year has ended
        (date(2026, 2, 1), 2026, 1),  # the day after January ends
        (date(2026, 2, 28), 2026, 1),
        (date(2026, 3, 1), 2026, 2),
        (date(2026, 12, 31), 2026, 11),  # December itself has not ended yet
        (date(2027, 1, 1), 2026, 12),  # the day after: the whole year
        (date(2026, 11, 23), 2025, 12),
        (date(2026, 11, 23), 2027, None),  # a future year
    ],
)
def test_last_finished_month(today, year, last):
    assert last_finished_month(year, today) == last


def test_year_so_far_cuts_and_says_so():
    period, note = year_so_far(2026, date(2026, 11, 23))
    assert (period.starts_on, period.ends_on) == (date(2026, 1, 1), date(2026, 10, 31))
    assert note == "Tính đến hết tháng 10/2026: các tháng sau chưa kết thúc."
    period, note = year_so_far(2025, date(2026, 11, 23))
    assert (period.starts_on, period.ends_on, note) == (date(2025, 1, 1), date(2025, 12, 31), "")
    period, note = year_so_far(2026, date(2026, 1, 15))  # nothing ended: the whole year
    assert (period.ends_on, note) == (date(2026, 12, 31), "")


@pytest.mark.parametrize(
    ("today", "year"),
    [(date(2026, 3, 31), 2025), (date(2026, 4, 1), 2026), (date(2026, 1, 1), 2025)],
)
def test_default_year_switches_in_april(today, year):
    assert default_year(today) == year
