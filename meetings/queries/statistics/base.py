"""Buckets, the MTG-03 / EXM-02 attendance base as SQL, the period and shares."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import (
    Q,
)
from django.db.models.lookups import GreaterThan
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.documents import percent

from ...enums import AttendanceStatus
from ...rules import quality as rules

S = AttendanceStatus

FULL, MID, LOW = "full", "mid", "low"
BUCKETS = (FULL, MID, LOW)
BUCKET_LABELS = {
    FULL: gettext_lazy("Đủ 12 kỳ/năm (mọi tháng)"),
    MID: gettext_lazy("9–11 kỳ/năm"),
    LOW: gettext_lazy("Dưới 9 kỳ/năm"),
}
NO_CATEGORY = ""
MAX_MONTHS = 36
TARGET = rules.ATTENDANCE_TARGET_PERCENT  # MTG-03: more than 85%


# --- MTG-03 / EXM-02: the attendance base as SQL ---------------------------------------


def base_q(prefix: str = "") -> Q:
    """rules.in_attendance_base as a Q over Attendance (or a model reaching it by `prefix`)."""
    p = prefix
    return Q(**{f"{p}temporary": False, f"{p}away": False, f"{p}exempted": False}) & (
        Q(**{f"{p}on_special_duty": False}) | Q(**{f"{p}status": S.PRESENT})
    )


def present_in_base_q(prefix: str = "") -> Q:
    return base_q(prefix) & Q(**{f"{prefix}status": S.PRESENT})


BASE_Q = base_q()
PRESENT_Q = present_in_base_q()


def on_target(present: Any, base: Any) -> GreaterThan:
    """MTG-03 as an SQL condition: present * 100 > 85 * base (strictly more)."""
    return GreaterThan(present * 100, base * TARGET)


# --- The period ----------------------------------------------------------------------


def _month_index(d: date) -> int:
    return d.year * 12 + d.month - 1


def _month_start(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def _month_end(index: int) -> date:
    return _month_start(index + 1) - timedelta(days=1)


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int
    starts_on: date  # clipped to the period
    ends_on: date

    @property
    def key(self) -> int:
        return self.year * 10 + self.number

    @property
    def label(self) -> str:
        return _("Quý %(q)s/%(y)s") % {"q": self.number, "y": self.year}


@dataclass(frozen=True)
class Period:
    """Whole months from `starts_on` (a first day) to `ends_on` (a last day)."""

    starts_on: date
    ends_on: date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def months(cls, first: tuple[int, int], last: tuple[int, int]) -> Period:
        """From month `first` (year, month) to month `last`, both included."""
        a = first[0] * 12 + first[1] - 1
        b = last[0] * 12 + last[1] - 1
        if b < a:
            raise ValueError(_("Tháng cuối phải sau tháng đầu."))
        if b - a + 1 > MAX_MONTHS:
            raise ValueError(_("Khoảng thời gian tối đa %(n)s tháng.") % {"n": MAX_MONTHS})
        return cls(_month_start(a), _month_end(b))

    @property
    def first_index(self) -> int:
        return _month_index(self.starts_on)

    @property
    def last_index(self) -> int:
        return _month_index(self.ends_on)

    @property
    def month_count(self) -> int:
        return self.last_index - self.first_index + 1

    @property
    def is_year(self) -> bool:
        return (
            self.starts_on.month == 1
            and self.ends_on.month == 12
            and self.starts_on.year == self.ends_on.year
        )

    @property
    def label(self) -> str:
        if self.is_year:
            return _("Năm %(y)s") % {"y": self.starts_on.year}
        return _("Từ tháng %(a)s đến tháng %(b)s") % {
            "a": f"{self.starts_on:%m/%Y}",
            "b": f"{self.ends_on:%m/%Y}",
        }

    @property
    def quarters(self) -> list[Quarter]:
        out = []
        index = self.first_index
        while index <= self.last_index:
            year, month = index // 12, index % 12 + 1
            number = (month - 1) // 3 + 1
            last = min(year * 12 + number * 3 - 1, self.last_index)
            out.append(Quarter(year, number, _month_start(index), _month_end(last)))
            index = last + 1
        return out


# --- Shares --------------------------------------------------------------------------


@dataclass(frozen=True)
class Share:
    """`n` of `of`, printed the Vietnamese way: str(Share(3, 8)) == "37,50%"."""

    n: int
    of: int

    @property
    def fraction(self) -> Decimal | None:
        return None if not self.of else Decimal(self.n) / Decimal(self.of)

    @property
    def text(self) -> str:
        return percent(self.fraction, 2)

    def __str__(self) -> str:
        return self.text
