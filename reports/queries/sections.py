"""The building blocks of the annual report (reports.queries.annual) and of the officer's home
page (reports.queries.home): a section with its sentences, tables and charts, and the
Vietnamese-style shares they print ("36,12%", "8,5%"; "—" when there is nothing to
divide by). Plain data: no query is made here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TypeAlias

from django.utils import timezone
from django.utils.translation import gettext as _
from django_stubs_ext import StrOrPromise

from core.documents import number, percent

PERIODIC_DIGITS = 2  # meetings: "36,12%"
SHARE_DIGITS = 1  # classification, membership: "8,5%"


@dataclass(frozen=True)
class Pct:
    """A share printed the Vietnamese way with a fixed precision; None prints "—"."""

    fraction: Decimal | float | None
    digits: int = SHARE_DIGITS

    def __str__(self) -> str:
        return percent(self.fraction, self.digits) if self.fraction is not None else "—"


# One cell of a ReportTable: a label, a count, a share, or nothing ("—").
Cell: TypeAlias = int | StrOrPromise | Pct | None


def pct(n: int, of: int, digits: int = SHARE_DIGITS) -> Pct:
    return Pct(Decimal(n) / Decimal(of) if of else None, digits)


def cell_text(value: Cell) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, int):
        return number(value)
    return str(value)


@dataclass
class ReportTable:
    key: str
    title: str
    headers: list[str]
    rows: list[list[Cell]]  # int, str or Pct
    total_row: bool = False  # the last row is a total (bold)

    @property
    def text_rows(self) -> list[list[str]]:
        return [[cell_text(v) for v in row] for row in self.rows]


@dataclass
class Chart:
    key: str
    title: str
    labels: Sequence[StrOrPromise]  # lazy labels are rendered in the document's language
    values: list[float]
    unit: str = ""  # "%" for shares


@dataclass
class Section:
    key: str
    title: str
    year: int
    has_data: bool
    sentences: list[str] = field(default_factory=list)
    tables: list[ReportTable] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    no_data: str = ""

    @property
    def paragraphs(self) -> list[str]:
        return self.sentences if self.has_data else [self.no_data]


def as_of(year: int, today: date | None = None) -> date:
    """The date STA-01 counts on: 31 December, or today in the current year."""
    today = today or timezone.localdate()
    return min(date(year, 12, 31), today)


def empty_section(key: str, title: str, year: int, what: str) -> Section:
    return Section(
        key,
        title,
        year,
        False,
        no_data=_("Chưa có số liệu %(what)s năm %(year)s.") % {"what": what, "year": year},
    )


def chart_value(p: Pct) -> float:
    """A share as a chart value in percent (0 when there is nothing to divide by)."""
    return float(p.fraction * 100) if p.fraction is not None else 0.0
