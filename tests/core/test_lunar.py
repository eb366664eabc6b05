"""core.lunar: the Vietnamese lunar calendar (UTC+7): Tết, known lunar days, round trips."""

from datetime import date, timedelta

import pytest

from core.lunar import lunar_new_year, lunar_to_solar, solar_to_lunar

D = date


@pytest.mark.parametrize(
    "year, tet",
    [
        (2015, D(2015, 2, 19)),
        (2017, D(2017, 1, 28)),
        (2020, D(2020, 1, 25)),
        (2021, D(2021, 2, 12)),
        (2022, D(2022, 2, 1)),
        (2023, D(2023, 1, 22)),
        (2024, D(2024, 2, 10)),
        (2025, D(2025, 1, 29)),
        (2026, D(2026, 2, 17)),
        (2027, D(2027, 2, 6)),
        (1985, D(1985, 1, 21)),  # Vietnam (UTC+7) a month before China that year
        (2007, D(2007, 2, 17)),  # a day before China
    ],
)
def test_lunar_new_year(year, tet):
    assert lunar_new_year(year) == tet
    assert solar_to_lunar(tet).day == 1 and solar_to_lunar(tet).month == 1


@pytest.mark.parametrize(
    "solar, day, month, leap",
    [
        (D(2023, 3, 22), 1, 2, True),  # Quý Mão: leap 2nd month (new moon 00:23 UTC+7)
        (D(2023, 3, 21), 30, 2, False),
        (D(2025, 7, 25), 1, 6, True),  # Ất Tỵ: leap 6th month
        (D(2020, 5, 23), 1, 4, True),  # Canh Tý: leap 4th month
        (D(2026, 2, 16), 29, 12, False),  # the last day of Ất Tỵ
    ],
)
def test_solar_to_lunar_known_days(solar, day, month, leap):
    lunar = solar_to_lunar(solar)
    assert (lunar.day, lunar.month, lunar.leap) == (day, month, leap)


def test_hung_kings_day_and_round_trip():
    assert lunar_to_solar(10, 3, 2026) == D(2026, 4, 26)
    assert lunar_to_solar(10, 3, 2025) == D(2025, 4, 7)
    assert lunar_to_solar(1, 2, 2023, leap=True) == D(2023, 3, 22)
    assert lunar_to_solar(1, 3, 2023, leap=True) is None  # 2023's leap month is the 2nd
    for offset in range(0, 800, 37):
        d = D(2024, 1, 1) + timedelta(days=offset)
        lunar = solar_to_lunar(d)
        assert lunar_to_solar(lunar.day, lunar.month, lunar.year, lunar.leap) == d
