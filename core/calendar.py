"""Working days: the one calendar every deadline in chibo is counted with.

Rules
-----
- A working day is Monday to Friday, except the days off in the holiday table
  (`core.models.PublicHoliday`); a Saturday or Sunday marked "làm bù" in that table is a
  working day. Offices of the Party and the State work a five-day week (Quyết định
  188/1999/QĐ-TTg), so Saturday and Sunday are the weekly rest days.
- Counting a period (Bộ luật Dân sự 2015, Điều 147 khoản 2): the day of the event that
  starts the period is NOT counted; the period starts the next day. So "within 60
  working days of the cell resolution" of Friday 13/02/2026 runs from the first working
  day after it, and `add_working_days(date(2026, 2, 13), 1)` is Monday 23/02/2026 (the
  Tết break 14–22/02 is skipped). The result of `add_working_days(start, n)` is the n-th
  working day after `start`: the last day on which the act is still on time.
- `working_days_between(a, b)` counts the working days d with a < d ≤ b, so that
  `working_days_between(a, add_working_days(a, n)) == n`.
- Periods in calendar days (TRF-02: 30 days) use `add_calendar_days`: the last day is
  start + n; if it is not a working day the period ends on the next working day
  (Bộ luật Dân sự 2015, Điều 148 khoản 5).

The holiday table is data
-------------------------
A data migration seeds 2015–2030 from `vietnam_holidays(year)` below; administrators
correct and extend it (admin, the holiday page, `manage.py seed_holidays`). Sources and
assumptions of the seed:

- Bộ luật Lao động 2019 (45/2019/QH14), Điều 112, in force from 01/01/2021: Tết Dương
  lịch (1/1), Tết Âm lịch (5 days), Ngày Chiến thắng (30/4), Quốc tế Lao động (1/5),
  Quốc khánh (2/9 and one day before or after it), Giỗ Tổ Hùng Vương (10/3 âm lịch).
  2015–2020 follow Bộ luật Lao động 2012, Điều 115: the same, but Quốc khánh is 2/9 only.
- Điều 111 khoản 3 (Điều 110 of the 2012 Code): a holiday on a weekly rest day gives a
  compensatory day off ("nghỉ bù") on the next working day. The seed applies this to
  every block of consecutive holidays, in order.
- The five Tết days are the last day of the lunar year (29 or 30 tháng Chạp) and mùng
  1–4, with lunar dates from `core.lunar` (UTC+7). The Prime Minister fixes the actual
  break each year: where the official schedule for public servants ("cán bộ, công chức,
  viên chức") is known it is used (`_OFFICIAL`): 2015–2026 Tết breaks and the day
  swaps ("hoán đổi ngày làm việc", a weekday off paid back by working a Saturday) of
  2015, 2019, 2024 and 2025. Other years use the customary five days plus compensatory
  days; check them against the yearly notice (Bộ Lao động – Thương binh và Xã hội, from
  2025 Bộ Nội vụ) when it is published and edit the table.
- The day next to Quốc khánh: 2021–2026 as announced (2026: 1/9, to be confirmed);
  later years the adjacent weekday that joins a weekend (Monday 2/9 → 3/9, Tuesday →
  1/9, Thursday → 3/9, Friday or Saturday → 1/9, Sunday → 3/9, Wednesday → 1/9).
- Not seeded: holidays proposed but not yet law when this was written (e.g. 24/11,
  Ngày Văn hóa Việt Nam); add them as data if and when they apply.

Caching
-------
A year's days off are read with one query and kept per process (at most
`CACHE_SECONDS`), and dropped at the start of every request (so each web process sees
an edit made by another on its next request) and on every save or delete of a
PublicHoliday. A change made inside a transaction switches the cache off, for the
thread that made it, until its outermost transaction ends (committed or rolled back),
so a rolled-back edit (as in every test) never lingers in the cache. Bulk
`update()`/`bulk_create()` send no signals: call `clear_cache()` after them.
"""

import threading
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypedDict

from django.db import transaction
from django.utils import timezone

from core import lunar
from core.models import DayKind, PublicHoliday

CACHE_SECONDS = 300
SATURDAY = 5

# ---------------------------------------------------------------------------------------
# Loading and caching the table


@dataclass(frozen=True)
class YearDays:
    days_off: frozenset[date]
    working_weekends: frozenset[date]


_cache: dict[int, tuple[float, YearDays]] = {}
# Per thread (each has its own database connection): the outermost atomic block that
# was open when this thread changed a holiday, while that change is uncommitted.
_local = threading.local()


def holidays_in(year: int) -> "list[PublicHoliday]":
    """The public holidays and make-up days of `year`, in date order (the calendar page)."""
    return list(PublicHoliday.objects.filter(date__year=year).order_by("date"))


def save_holiday(holiday: "PublicHoliday") -> "PublicHoliday":
    """Add or change a day of the calendar (a validated form's instance); the signals clear
    the cache, history records who (django-simple-history's request middleware)."""
    holiday.save()
    return holiday


def delete_holiday(holiday: "PublicHoliday") -> None:
    """Take a day off the calendar (the signals clear the cache)."""
    holiday.delete()


def clear_cache() -> None:
    _cache.clear()


def holidays_changed() -> None:
    """Called on every save and delete of a PublicHoliday."""
    clear_cache()
    connection = transaction.get_connection()
    if connection.in_atomic_block and connection.atomic_blocks:
        _local.pending_block = connection.atomic_blocks[0]
        transaction.on_commit(_changes_committed)


def on_holiday_saved_or_deleted(sender: Any, **kwargs: Any) -> None:
    """The post_save/post_delete receiver of PublicHoliday (connected in CoreConfig.ready)."""
    holidays_changed()


def _changes_committed() -> None:
    _local.pending_block = None
    clear_cache()


def _change_pending() -> bool:
    """True while this thread's transaction holds an uncommitted holiday change."""
    block = getattr(_local, "pending_block", None)
    if block is None:
        return False
    blocks = transaction.get_connection().atomic_blocks
    if blocks and blocks[0] is block:
        return True
    _local.pending_block = None  # that transaction is over: committed or rolled back
    clear_cache()
    return False


def request_started(**kwargs: Any) -> None:
    """Start of a request: read the table afresh (another process may have edited it)."""
    clear_cache()


def _load(year: int) -> YearDays:
    off: set[date] = set()
    working: set[date] = set()
    for day, kind in PublicHoliday.objects.filter(date__year=year).values_list("date", "kind"):
        (working if kind == DayKind.WORKING_WEEKEND else off).add(day)
    return YearDays(frozenset(off), frozenset(working))


def year_days(year: int) -> YearDays:
    """The days off and worked weekend days of `year` (cached, see the module docstring)."""
    if _change_pending():
        return _load(year)
    hit = _cache.get(year)
    now = time.monotonic()
    if hit is not None and now - hit[0] < CACHE_SECONDS:
        return hit[1]
    days = _load(year)
    _cache[year] = (now, days)
    return days


class _Calendar:
    """Reads each year at most once for the length of one computation."""

    def __init__(self) -> None:
        self._years: dict[int, YearDays] = {}

    def is_working_day(self, d: date) -> bool:
        days = self._years.get(d.year)
        if days is None:
            days = self._years[d.year] = year_days(d.year)
        if d in days.working_weekends:
            return True
        return d.weekday() < SATURDAY and d not in days.days_off


# ---------------------------------------------------------------------------------------
# Working-day arithmetic


def _as_date(value: date) -> date:
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def is_working_day(d: date) -> bool:
    return _Calendar().is_working_day(_as_date(d))


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after `start` (start itself never counts); n < 0 goes back.

    n == 0 returns `start` unchanged, working day or not.
    """
    current = _as_date(start)
    calendar = _Calendar()
    step = timedelta(days=1 if n >= 0 else -1)
    remaining = abs(n)
    while remaining:
        current += step
        if calendar.is_working_day(current):
            remaining -= 1
    return current


def working_days_between(a: date, b: date) -> int:
    """Working days d with a < d ≤ b; negative (the same count) when b is before a."""
    a, b = _as_date(a), _as_date(b)
    if b < a:
        return -working_days_between(b, a)
    calendar = _Calendar()
    count = 0
    current = a
    one = timedelta(days=1)
    while current < b:
        current += one
        if calendar.is_working_day(current):
            count += 1
    return count


def deadline(start: date, n: int) -> date:
    """The last day to act "within n working days of" `start` (see the module docstring)."""
    if n < 0:
        raise ValueError("A deadline needs a non-negative number of working days.")
    return add_working_days(start, n)


def next_working_day(d: date) -> date:
    """`d` itself if it is a working day, else the first working day after it."""
    current = _as_date(d)
    calendar = _Calendar()
    while not calendar.is_working_day(current):
        current += timedelta(days=1)
    return current


def add_calendar_days(start: date, n: int) -> date:
    """The end of a period of n calendar days (Bộ luật Dân sự 2015, Điều 147–148)."""
    return next_working_day(_as_date(start) + timedelta(days=n))


@dataclass(frozen=True)
class Deadline:
    """A working-day deadline, for "due" and "overdue" badges."""

    start: date
    working_days: int
    due: date

    def remaining(self, today: date | None = None) -> int:
        """Working days left after `today` up to the due date; negative once overdue."""
        return working_days_between(today or timezone.localdate(), self.due)

    def is_overdue(self, today: date | None = None) -> bool:
        return (today or timezone.localdate()) > self.due


def deadline_status(start: date, n: int) -> Deadline:
    start = _as_date(start)
    return Deadline(start=start, working_days=n, due=deadline(start, n))


# ---------------------------------------------------------------------------------------
# The seed: Vietnamese public holidays of a year


@dataclass(frozen=True)
class SeedDay:
    date: date
    name: str
    kind: str
    note: str = ""


# Official schedules for public servants: Tết break (first and last day off, weekends
# included), weekday swaps (day off, Saturday worked instead), the day next to 2/9.
class _Official(TypedDict, total=False):
    tet: tuple[date, date]  # the first and the last day off
    swaps: list[tuple[date, date]]  # (day off, Saturday worked instead)
    national_day: date  # the day off next to 2/9


_OFFICIAL: dict[int, _Official] = {
    2015: {
        "tet": (date(2015, 2, 16), date(2015, 2, 24)),
        "swaps": [
            (date(2015, 2, 16), date(2015, 2, 14)),
            (date(2015, 2, 17), date(2015, 2, 28)),
            (date(2015, 4, 29), date(2015, 4, 25)),
        ],
    },
    2016: {"tet": (date(2016, 2, 6), date(2016, 2, 14))},
    2017: {"tet": (date(2017, 1, 26), date(2017, 2, 1))},
    2018: {"tet": (date(2018, 2, 14), date(2018, 2, 20))},
    2019: {
        "tet": (date(2019, 2, 2), date(2019, 2, 10)),
        "swaps": [(date(2019, 4, 29), date(2019, 5, 4))],
    },
    2020: {"tet": (date(2020, 1, 23), date(2020, 1, 29))},
    2021: {"tet": (date(2021, 2, 10), date(2021, 2, 16)), "national_day": date(2021, 9, 3)},
    2022: {"tet": (date(2022, 1, 29), date(2022, 2, 6)), "national_day": date(2022, 9, 1)},
    2023: {"tet": (date(2023, 1, 20), date(2023, 1, 26)), "national_day": date(2023, 9, 1)},
    2024: {
        "tet": (date(2024, 2, 8), date(2024, 2, 14)),
        "swaps": [(date(2024, 4, 29), date(2024, 5, 4))],
        "national_day": date(2024, 9, 3),
    },
    2025: {
        "tet": (date(2025, 1, 25), date(2025, 2, 2)),
        "swaps": [
            (date(2025, 1, 27), date(2025, 2, 8)),
            (date(2025, 5, 2), date(2025, 4, 26)),
        ],
        "national_day": date(2025, 9, 1),
    },
    2026: {"tet": (date(2026, 2, 14), date(2026, 2, 22)), "national_day": date(2026, 9, 1)},
}

_STEMS = ["Canh", "Tân", "Nhâm", "Quý", "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ"]
_BRANCHES = ["Thân", "Dậu", "Tuất", "Hợi", "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi"]


def year_name(year: int) -> str:
    """The sexagenary name of a lunar year: 2026 → "Bính Ngọ"."""
    return f"{_STEMS[year % 10]} {_BRANCHES[year % 12]}"


def _national_day_adjacent(year: int) -> date:
    official = _OFFICIAL.get(year, {}).get("national_day")
    if official:
        return official
    weekday = date(year, 9, 2).weekday()  # Monday 0
    return date(year, 9, 3) if weekday in (0, 3, 6) else date(year, 9, 1)


def _dmy(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def vietnam_holidays(year: int) -> list[SeedDay]:
    """The public holidays of `year`, with compensatory days and known swaps, by date."""
    official = _OFFICIAL.get(year, {})
    days: dict[date, SeedDay] = {}

    def add(d: date, name: str, kind: str, note: str = "") -> None:
        days.setdefault(d, SeedDay(d, name, kind, note))

    note = f"Theo thông báo lịch nghỉ năm {year}" if official else ""
    add(date(year, 1, 1), "Tết Dương lịch", "fixed")

    new_year = lunar.lunar_new_year(year)
    eve = new_year - timedelta(days=1)
    tet = f"Tết Nguyên đán {year_name(year)}"
    add(eve, f"{tet} ({lunar.solar_to_lunar(eve).day} tháng Chạp)", "lunar_new_year", note)
    for i in range(4):
        add(new_year + timedelta(days=i), f"{tet} (mùng {i + 1})", "lunar_new_year", note)
    tet_days = {eve + timedelta(days=i) for i in range(5)}

    add(lunar.lunar_to_solar(10, 3, year), "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "lunar")
    add(date(year, 4, 30), "Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)", "fixed")
    add(date(year, 5, 1), "Ngày Quốc tế Lao động", "fixed")
    add(date(year, 9, 2), "Quốc khánh", "fixed")
    if year >= 2021:
        add(_national_day_adjacent(year), "Quốc khánh (ngày nghỉ liền kề)", "fixed")

    for day_off, worked in official.get("swaps", []):
        add(day_off, f"Nghỉ hoán đổi (làm bù thứ Bảy {_dmy(worked)})", "extra", note)
        add(worked, f"Làm bù cho ngày nghỉ {_dmy(day_off)}", "working_weekend", note)

    if "tet" in official:  # the official break: its other weekdays are days off too
        first, last = official["tet"]
        d = first
        while d <= last:
            if d.weekday() < SATURDAY and d not in days:
                add(d, f"Nghỉ bù {tet}", "compensatory", note)
            d += timedelta(days=1)

    # Compensatory days for holidays on weekends, block by block of consecutive days.
    holidays = sorted(
        d
        for d, seed in days.items()
        if seed.kind in ("fixed", "lunar", "lunar_new_year")
        and not ("tet" in official and d in tet_days)
    )
    index = 0
    while index < len(holidays):
        block = [holidays[index]]
        while index + 1 < len(holidays) and holidays[index + 1] == block[-1] + timedelta(days=1):
            index += 1
            block.append(holidays[index])
        index += 1
        owed = [d for d in block if d.weekday() >= SATURDAY]
        candidate = block[-1]
        for weekend_holiday in owed:
            candidate += timedelta(days=1)
            while candidate.weekday() >= SATURDAY or candidate in days:
                candidate += timedelta(days=1)
            name = f"Nghỉ bù {days[weekend_holiday].name} ({_dmy(weekend_holiday)})"
            add(candidate, name[:200], "compensatory", note)

    return sorted(days.values(), key=lambda seed: seed.date)
