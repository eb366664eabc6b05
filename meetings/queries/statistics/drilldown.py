"""Drill-down: one line per cell."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import (
    Q,
)

from organizations.models import Organization

from .base import BUCKET_LABELS, TARGET, Period, Share
from .cells import active_in, annotate_cells, bucket_of, cells_in
from .result import category_label

# --- Drill-down ----------------------------------------------------------------------


@dataclass
class CellLine:
    organization: Organization
    months_held: int
    expected: int
    thematic: list[int]  # per quarter of the period
    quarter_gap: bool
    base: int
    present: int

    @property
    def bucket(self) -> str:
        return bucket_of(self.months_held, self.expected)

    @property
    def bucket_label(self) -> str:
        return str(BUCKET_LABELS[self.bucket])

    @property
    def attendance(self) -> Share:
        return Share(self.present, self.base)

    @property
    def on_target(self) -> bool | None:
        """MTG-03 over the period: more than 85% (None without attendance)."""
        if not self.base:
            return None
        return self.present * 100 > TARGET * self.base

    @property
    def category_label(self) -> str:
        return category_label(self.organization.category)


def cell_lines(
    root: Organization,
    period: Period,
    *,
    within: Q | None = None,
    bucket: str = "",
    category: str | None = None,
    quarter_gap: bool = False,
) -> list[CellLine]:
    """The cells behind a figure of the table, in tree order (one query: the per-cell
    figures of annotate_cells, bucketed exactly as compliance() does)."""
    qs = annotate_cells(cells_in(root, period, within), period, rates=True)
    if category is not None:
        qs = qs.filter(category=category)
    quarters = period.quarters
    lines = []
    for o in qs.order_by("path"):
        thematic = [getattr(o, f"t_{q.key}") for q in quarters]
        line = CellLine(
            organization=o,
            months_held=o.months_held,
            expected=o.expected,
            thematic=thematic,
            quarter_gap=any(
                n == 0 and active_in(o.established_on, o.dissolved_on, q)
                for n, q in zip(thematic, quarters, strict=True)
            ),
            base=o.att_base,
            present=o.att_present,
        )
        if bucket and line.bucket != bucket:
            continue
        if quarter_gap and not line.quarter_gap:
            continue
        lines.append(line)
    return lines
