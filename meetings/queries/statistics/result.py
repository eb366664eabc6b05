"""The result: rows per category and the compliance summary (MTG-01, MTG-02, MTG-03)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import (
    Aggregate,
    Count,
    F,
    Q,
    Sum,
)
from django.db.models.functions import (
    ExtractQuarter,
    ExtractYear,
)
from django.utils.translation import gettext as _

from organizations.enums import CellCategory
from organizations.models import Organization

from ...enums import MeetingKind
from ...models import Attendance, Meeting
from .base import (
    BASE_Q,
    BUCKETS,
    FULL,
    LOW,
    MID,
    NO_CATEGORY,
    PRESENT_Q,
    Period,
    Quarter,
    S,
    Share,
    on_target,
)
from .cells import active_in, annotate_cells, bucket_of, cells_in, held_q

# --- The result ----------------------------------------------------------------------


@dataclass
class Row:
    """One line of the table: a cell category, or the total."""

    category: str
    label: str
    cells: int = 0
    buckets: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BUCKETS, 0))
    quarter_gap: int = 0
    cells_measured: int = 0
    cells_on_target: int = 0
    periodic: int = 0
    extraordinary: int = 0
    thematic: dict[int, int] = field(default_factory=dict)  # quarter key -> meetings
    meetings_measured: int = 0
    meetings_on_target: int = 0
    base: int = 0
    present: int = 0
    unexcused: int = 0

    def add(self, other: Row) -> None:
        self.cells += other.cells
        for b in BUCKETS:
            self.buckets[b] += other.buckets[b]
        for key, n in other.thematic.items():
            self.thematic[key] = self.thematic.get(key, 0) + n
        for name in (
            "quarter_gap",
            "cells_measured",
            "cells_on_target",
            "periodic",
            "extraordinary",
            "meetings_measured",
            "meetings_on_target",
            "base",
            "present",
            "unexcused",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def share(self, bucket: str) -> Share:
        return Share(self.buckets[bucket], self.cells)

    @property
    def full(self) -> Share:
        return self.share(FULL)

    @property
    def mid(self) -> Share:
        return self.share(MID)

    @property
    def low(self) -> Share:
        return self.share(LOW)

    @property
    def attendance(self) -> Share:
        """Average attendance rate (pooled), as a Share of present over base."""
        return Share(self.present, self.base)

    @property
    def meetings_target(self) -> Share:
        return Share(self.meetings_on_target, self.meetings_measured)

    @property
    def cells_target(self) -> Share:
        return Share(self.cells_on_target, self.cells_measured)

    def thematic_in(self, quarters: Sequence[Quarter]) -> list[int]:
        return [self.thematic.get(q.key, 0) for q in quarters]


@dataclass
class Compliance:
    root: Organization
    period: Period
    rows: list[Row]  # categories with at least one cell or meeting, in CellCategory order
    total: Row

    @property
    def quarters(self) -> list[Quarter]:
        return self.period.quarters


def category_label(category: str) -> str:
    if not category:
        return str(_("Chưa phân loại"))
    return str(CellCategory(category).label) if category in CellCategory.values else category


def compliance(root: Organization, period: Period, *, within: Q | None = None) -> Compliance:
    """The compliance statistics of `root`'s subtree for `period` (three queries).

    `within`: the reader's scope as a Q over Organization (accounts.scope.org_read_filter);
    the page, the XLSX export and the annual report all call this function.
    """
    cells = cells_in(root, period, within)
    rows: dict[str, Row] = {}

    def row(category: str | None) -> Row:
        category = category or NO_CATEGORY
        if category not in rows:
            rows[category] = Row(category, category_label(category))
        return rows[category]

    categories = list(CellCategory.values) + [NO_CATEGORY]

    # 1. Cells: one row per cell with its figures, each a correlated subquery evaluated
    # once (a few hundred rows for a province); bucket and quarter gap per row.
    quarters = period.quarters
    keys = [f"t_{q.key}" for q in quarters]
    for values in annotate_cells(cells, period).values_list(
        "cat", "months_held", "expected", "att_ok", "est", "dis", *keys
    ):
        category, months_held, expected, att_ok, est, dis = values[:6]
        r = row(category)
        r.cells += 1
        r.buckets[bucket_of(months_held, expected)] += 1
        r.quarter_gap += any(
            n == 0 and active_in(est, dis, q) for n, q in zip(values[6:], quarters, strict=True)
        )
        if att_ok is not None:
            r.cells_measured += 1
            r.cells_on_target += att_ok

    # 2. Attendance: grouped per meeting, then summed per category (one query).
    in_cells = Q(meeting__organization__in=cells.values("pk"))
    per_meeting = (
        Attendance.objects.filter(held_q(period, "meeting__"), in_cells)
        .order_by()
        .values("meeting_id")
        .annotate(
            cat=F("meeting__organization__category"),
            base=Count("pk", filter=BASE_Q),
            present=Count("pk", filter=PRESENT_Q),
            unexcused=Count("pk", filter=Q(status=S.UNEXCUSED)),
        )
    )
    aggregates: dict[str, Aggregate] = {}
    for i, cat in enumerate(categories):
        is_cat = Q(cat=cat)
        aggregates[f"base_{i}"] = Sum("base", filter=is_cat)
        aggregates[f"present_{i}"] = Sum("present", filter=is_cat)
        aggregates[f"unexcused_{i}"] = Sum("unexcused", filter=is_cat)
        aggregates[f"measured_{i}"] = Count("meeting_id", filter=is_cat & Q(base__gt=0))
        aggregates[f"ok_{i}"] = Count(
            "meeting_id", filter=is_cat & Q(on_target(F("present"), F("base")))
        )
    totals = per_meeting.aggregate(**aggregates)
    for i, cat in enumerate(categories):
        if not totals[f"base_{i}"] and not totals[f"unexcused_{i}"] and cat not in rows:
            continue
        r = row(cat)
        r.base += totals[f"base_{i}"] or 0
        r.present += totals[f"present_{i}"] or 0
        r.unexcused += totals[f"unexcused_{i}"] or 0
        r.meetings_measured += totals[f"measured_{i}"] or 0
        r.meetings_on_target += totals[f"ok_{i}"] or 0

    # 3. Meetings held, by category, kind and quarter.
    for item in (
        Meeting.objects.filter(held_q(period), organization__in=cells.values("pk"))
        .order_by()
        .annotate(
            cat=F("organization__category"),
            q=ExtractYear("held_on") * 10 + ExtractQuarter("held_on"),
        )
        .values("cat", "kind", "q")
        .annotate(n=Count("pk"))
    ):
        r = row(item["cat"])
        if item["kind"] == MeetingKind.PERIODIC:
            r.periodic += item["n"]
        elif item["kind"] == MeetingKind.THEMATIC:
            r.thematic[item["q"]] = r.thematic.get(item["q"], 0) + item["n"]
        else:
            r.extraordinary += item["n"]

    order = {c: i for i, c in enumerate(categories)}
    ordered = sorted(rows.values(), key=lambda r: order.get(r.category, len(order)))
    total = Row("", str(_("Tổng cộng")))
    for r in ordered:
        total.add(r)
    return Compliance(root=root, period=period, rows=ordered, total=total)
