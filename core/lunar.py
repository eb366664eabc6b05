"""The Vietnamese lunar calendar (âm lịch), computed for UTC+7.

This is Hồ Ngọc Đức's well-known algorithm ("Thuật toán tính âm lịch", 2004), the one
behind most Vietnamese calendar software (month 11 holds the winter solstice; a month
starts on the local day of the new moon; in a 13-month year the first month without a
major solar term is the leap month), with the astronomy taken at full precision from
Jean Meeus, *Astronomical Algorithms* (2nd ed., 1998): new moons from ch. 49 with all
periodic and planetary terms, the sun's apparent longitude from ch. 25, ΔT from
Espenak and Meeus, all evaluated at the meridian of UTC+7. Vietnam has used UTC+7 for the lunar calendar since 1968, which is
why Vietnamese and Chinese (UTC+8) New Year occasionally fall on different days (e.g.
1985). Accurate for the years 1800–2199, far beyond what the holiday table needs.

Only the two conversions the holiday calendar needs are public: `lunar_to_solar` and
`solar_to_lunar`; `lunar_new_year(year)` is the first day of the lunar year that starts
in the given Gregorian year (Tết Nguyên đán).
"""

import math
from dataclasses import dataclass
from datetime import date
from typing import Literal, overload

VIETNAM_TZ = 7.0  # hours east of UTC

_J1900 = 2415021.076998695  # Julian day of the new moon of 1 January 1900
_SYNODIC_MONTH = 29.530588853


@dataclass(frozen=True)
class LunarDate:
    day: int
    month: int
    year: int
    leap: bool = False

    def __str__(self) -> str:
        leap = " (nhuận)" if self.leap else ""
        return f"{self.day:02d}/{self.month:02d}{leap}/{self.year}"


def _jd_from_date(d: date) -> int:
    """Julian day number of a Gregorian date."""
    a = (14 - d.month) // 12
    y = d.year + 4800 - a
    m = d.month + 12 * a - 3
    return d.day + (153 * m + 2) // 5 + 365 * y + y // 4 - y // 100 + y // 400 - 32045


def _date_from_jd(jd: int) -> date:
    return date.fromordinal(jd - 1721425)


def _delta_t(year: float) -> float:
    """TT − UT in days (Espenak and Meeus polynomials, NASA eclipse site, 2006)."""
    t = year - 2000
    if year < 2005:
        seconds = (
            63.86
            + 0.3345 * t
            - 0.060374 * t**2
            + 0.0017275 * t**3
            + 0.000651814 * t**4
            + 0.00002373599 * t**5
        )
    elif year < 2050:
        seconds = 62.92 + 0.32217 * t + 0.005589 * t * t
    elif year < 2150:
        seconds = -20 + 32 * ((year - 1820) / 100) ** 2 - 0.5628 * (2150 - year)
    else:
        seconds = -20 + 32 * ((year - 1820) / 100) ** 2
    return seconds / 86400


# Meeus, Astronomical Algorithms, ch. 49: periodic terms of the new moon (coefficient,
# multiples of E, M, M', F, Ω) and the 14 planetary arguments A1..A14.
_NEW_MOON_TERMS = (
    (-0.40720, 0, 0, 1, 0, 0),
    (0.17241, 1, 1, 0, 0, 0),
    (0.01608, 0, 0, 2, 0, 0),
    (0.01039, 0, 0, 0, 2, 0),
    (0.00739, 1, -1, 1, 0, 0),
    (-0.00514, 1, 1, 1, 0, 0),
    (0.00208, 2, 2, 0, 0, 0),
    (-0.00111, 0, 0, 1, -2, 0),
    (-0.00057, 0, 0, 1, 2, 0),
    (0.00056, 1, 1, 2, 0, 0),
    (-0.00042, 0, 0, 3, 0, 0),
    (0.00042, 1, 1, 0, 2, 0),
    (0.00038, 1, 1, 0, -2, 0),
    (-0.00024, 1, -1, 2, 0, 0),
    (-0.00017, 0, 0, 0, 0, 1),
    (-0.00007, 0, 2, 1, 0, 0),
    (0.00004, 0, 0, 2, -2, 0),
    (0.00004, 0, 3, 0, 0, 0),
    (0.00003, 0, 1, 1, -2, 0),
    (0.00003, 0, 0, 2, 2, 0),
    (-0.00003, 0, 1, 1, 2, 0),
    (0.00003, 0, -1, 1, 2, 0),
    (-0.00002, 0, -1, 1, -2, 0),
    (-0.00002, 0, 1, 3, 0, 0),
    (0.00002, 0, 0, 4, 0, 0),
)
_PLANETARY_TERMS = (
    (299.77, 0.107408, 0.000325),
    (251.88, 0.016321, 0.000165),
    (251.83, 26.651886, 0.000164),
    (349.42, 36.412478, 0.000126),
    (84.66, 18.206239, 0.000110),
    (141.74, 53.303771, 0.000062),
    (207.14, 2.453732, 0.000060),
    (154.84, 7.306860, 0.000056),
    (34.52, 27.261239, 0.000047),
    (207.19, 0.121824, 0.000042),
    (291.34, 1.844379, 0.000040),
    (161.72, 24.198154, 0.000037),
    (239.56, 25.513099, 0.000035),
    (331.55, 3.592518, 0.000023),
)


def _new_moon(k: int) -> float:
    """Julian day (fractional, UT) of the k-th new moon after 1 January 1900.

    Meeus's full series (ch. 49, error under a minute) rather than the short series of
    Hồ Ngọc Đức's published code, whose error of up to ~45 minutes puts a new moon near
    local midnight on the wrong day (21/03/2023 instead of 22/03/2023, which moved the
    leap month of Quý Mão from month 2 to month 1).
    """
    km = k - 1237  # Meeus counts from the new moon of 6 January 2000
    t = km / 1236.85
    t2, t3, t4 = t * t, t**3, t**4
    rad = math.radians
    jde = 2451550.09766 + 29.530588861 * km + 0.00015437 * t2 - 0.000000150 * t3
    jde += 0.00000000073 * t4
    e = 1 - 0.002516 * t - 0.0000074 * t2
    m = rad(2.5534 + 29.10535670 * km - 0.0000014 * t2 - 0.00000011 * t3)
    mpr = rad(201.5643 + 385.81693528 * km + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4)
    f = rad(160.7108 + 390.67050284 * km - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4)
    omega = rad(124.7746 - 1.56375588 * km + 0.0020672 * t2 + 0.00000215 * t3)
    for coefficient, e_power, cm, cmpr, cf, comega in _NEW_MOON_TERMS:
        angle = cm * m + cmpr * mpr + cf * f + comega * omega
        jde += coefficient * e**e_power * math.sin(angle)
    for index, (a, b, coefficient) in enumerate(_PLANETARY_TERMS):
        angle = a + b * km - (0.009173 * t2 if index == 0 else 0)
        jde += coefficient * math.sin(rad(angle))
    return jde - _delta_t(2000 + km / 12.3685)


def _new_moon_day(k: int, tz: float) -> int:
    """Julian day number of the local day on which the k-th new moon falls."""
    return math.floor(_new_moon(k) + 0.5 + tz / 24)


def _sun_longitude(jdn: float) -> float:
    """The sun's apparent longitude in radians, 0 ≤ L < 2π, at Julian day `jdn` (UT).

    Meeus ch. 25 (low accuracy, about 0.01°), with nutation and aberration.
    """
    t = (jdn + _delta_t(2000 + (jdn - 2451545.0) / 365.25) - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52911 + 35999.05029 * t - 0.0001537 * t2
    l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914602 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000289 * math.sin(dr * 3 * m)
    omega = 125.04 - 1934.136 * t
    longitude = (l0 + dl - 0.00569 - 0.00478 * math.sin(dr * omega)) * dr
    return longitude - math.pi * 2 * math.floor(longitude / (math.pi * 2))


def _sun_sector(day_number: int, tz: float) -> int:
    """Which of the 12 thirty-degree sectors (0–11) the sun is in at the start of a day."""
    return math.floor(_sun_longitude(day_number - 0.5 - tz / 24) / math.pi * 6)


def _lunar_month_11(year: int, tz: float) -> int:
    """Julian day of the start of lunar month 11 (the month holding the winter solstice)."""
    off = _jd_from_date(date(year, 12, 31)) - 2415021
    k = math.floor(off / _SYNODIC_MONTH)
    start = _new_moon_day(k, tz)
    if _sun_sector(start, tz) >= 9:
        start = _new_moon_day(k - 1, tz)
    return start


def _leap_month_offset(a11: int, tz: float) -> int:
    """Offset from month 11 of the first month without a major solar term (the leap month)."""
    k = math.floor((a11 - _J1900) / _SYNODIC_MONTH + 0.5)
    i = 1
    arc = _sun_sector(_new_moon_day(k + i, tz), tz)
    while True:
        last = arc
        i += 1
        arc = _sun_sector(_new_moon_day(k + i, tz), tz)
        if arc == last or i >= 14:
            break
    return i - 1


def solar_to_lunar(d: date, tz: float = VIETNAM_TZ) -> LunarDate:
    day_number = _jd_from_date(d)
    k = math.floor((day_number - _J1900) / _SYNODIC_MONTH)
    month_start = _new_moon_day(k + 1, tz)
    if month_start > day_number:
        month_start = _new_moon_day(k, tz)
    a11 = _lunar_month_11(d.year, tz)
    b11 = a11
    if a11 >= month_start:
        lunar_year = d.year
        a11 = _lunar_month_11(d.year - 1, tz)
    else:
        lunar_year = d.year + 1
        b11 = _lunar_month_11(d.year + 1, tz)
    lunar_day = day_number - month_start + 1
    diff = math.floor((month_start - a11) / 29)
    leap = False
    lunar_month = diff + 11
    if b11 - a11 > 365:
        leap_diff = _leap_month_offset(a11, tz)
        if diff >= leap_diff:
            lunar_month = diff + 10
            leap = diff == leap_diff
    if lunar_month > 12:
        lunar_month -= 12
    if lunar_month >= 11 and diff < 4:
        lunar_year -= 1
    return LunarDate(lunar_day, lunar_month, lunar_year, leap)


@overload
def lunar_to_solar(
    day: int, month: int, year: int, leap: Literal[False] = False, tz: float = VIETNAM_TZ
) -> date: ...
@overload
def lunar_to_solar(
    day: int, month: int, year: int, leap: bool, tz: float = VIETNAM_TZ
) -> date | None: ...
def lunar_to_solar(
    day: int, month: int, year: int, leap: bool = False, tz: float = VIETNAM_TZ
) -> date | None:
    """The Gregorian date of a lunar date, or None if that leap month does not exist
    (only a leap month can be missing)."""
    if month < 11:
        a11 = _lunar_month_11(year - 1, tz)
        b11 = _lunar_month_11(year, tz)
    else:
        a11 = _lunar_month_11(year, tz)
        b11 = _lunar_month_11(year + 1, tz)
    k = math.floor(0.5 + (a11 - _J1900) / _SYNODIC_MONTH)
    off = month - 11
    if off < 0:
        off += 12
    if b11 - a11 > 365:
        leap_off = _leap_month_offset(a11, tz)
        leap_month = leap_off - 2
        if leap_month < 0:
            leap_month += 12
        if leap and month != leap_month:
            return None
        if leap or off >= leap_off:
            off += 1
    elif leap:
        return None
    month_start = _new_moon_day(k + off, tz)
    return _date_from_jd(month_start + day - 1)


def lunar_new_year(year: int) -> date:
    """Mùng 1 Tết: the first day of the lunar year that begins in Gregorian `year`."""
    return lunar_to_solar(1, 1, year)
