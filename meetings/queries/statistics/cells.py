"""Per-cell expressions: the cells in scope annotated with meetings held, months and attendance."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import (
    Coalesce,
    ExtractMonth,
    ExtractYear,
    Greatest,
    Least,
)

from organizations.enums import CELL_KINDS
from organizations.models import Organization

from ...enums import MeetingKind, MeetingState
from ...models import Attendance, Meeting
from .base import BASE_Q, FULL, LOW, MID, PRESENT_Q, Period, Quarter, on_target

# --- Per-cell expressions ------------------------------------------------------------


def _active_q(period: Period, prefix: str = "") -> Q:
    p = prefix
    return (
        Q(**{f"{p}established_on__isnull": True}) | Q(**{f"{p}established_on__lte": period.ends_on})
    ) & (Q(**{f"{p}dissolved_on__isnull": True}) | Q(**{f"{p}dissolved_on__gte": period.starts_on}))


def cells_in(root: Organization, period: Period, within: Q | None = None) -> QuerySet[Organization]:
    """The cells of `root`'s subtree active in the period (`within`: the user's scope)."""
    qs = Organization.objects.filter(root.subtree_q(), _active_q(period), kind__in=CELL_KINDS)
    if within is not None:
        qs = qs.filter(within)
    return qs


def held_q(period: Period, prefix: str = "") -> Q:
    return Q(
        **{
            f"{prefix}state": MeetingState.HELD,
            f"{prefix}held_on__gte": period.starts_on,
            f"{prefix}held_on__lte": period.ends_on,
        }
    )


def _count_subquery(qs: QuerySet[Any], expression: Any) -> Coalesce:
    """A correlated COUNT over `qs` (already filtered on OuterRef), 0 when empty."""
    counted = qs.order_by().values("organization").annotate(n=expression).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _month_of(field_name: str) -> Any:
    return ExtractYear(field_name) * 12 + ExtractMonth(field_name) - 1


def _expected_months(period: Period) -> Any:
    first = Greatest(
        Value(period.first_index),
        Coalesce(_month_of("established_on"), Value(period.first_index)),
    )
    last = Least(
        Value(period.last_index),
        Coalesce(_month_of("dissolved_on"), Value(period.last_index)),
    )
    return last - first + 1


def annotate_cells(
    cells: QuerySet[Organization], period: Period, *, rates: bool = False
) -> QuerySet[Organization]:
    """Per-cell figures, each a correlated subquery evaluated once per cell:

    months_held, expected, t_<quarter key> (thematic meetings held in the quarter),
    est/dis (the dates of establishment and dissolution, for the quarter-gap test),
    att_ok (1 above the MTG-03 target, 0 not, NULL without attendance); with `rates`,
    att_base and att_present.

    The kind of meeting is tested inside the count, not in the WHERE clause: with
    `kind = …` there SQLite's planner prefers the (state, kind, held_on) index and scans
    every held meeting of the province for each cell instead of the cell's own.
    """
    meetings = Meeting.objects.filter(held_q(period), organization=OuterRef("pk"))
    annotations = {
        "cat": F("category"),
        "est": F("established_on"),
        "dis": F("dissolved_on"),
        "months_held": _count_subquery(
            meetings,
            Count(_month_of("held_on"), distinct=True, filter=Q(kind=MeetingKind.PERIODIC)),
        ),
        "expected": _expected_months(period),
    }
    for quarter in period.quarters:
        annotations[f"t_{quarter.key}"] = _count_subquery(
            meetings,
            Count(
                "pk",
                filter=Q(
                    kind=MeetingKind.THEMATIC,
                    held_on__gte=quarter.starts_on,
                    held_on__lte=quarter.ends_on,
                ),
            ),
        )
    rows = (
        Attendance.objects.filter(held_q(period, "meeting__"), meeting__organization=OuterRef("pk"))
        .order_by()
        .values("meeting__organization")
        .annotate(base=Count("pk", filter=BASE_Q), present=Count("pk", filter=PRESENT_Q))
    )
    if rates:
        annotations["att_base"] = Coalesce(
            Subquery(rows.values("base"), output_field=IntegerField()), Value(0)
        )
        annotations["att_present"] = Coalesce(
            Subquery(rows.values("present"), output_field=IntegerField()), Value(0)
        )
    else:
        ok = rows.annotate(
            ok=Case(
                When(base=0, then=Value(None)),
                When(on_target(F("present"), F("base")), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        ).values("ok")
        annotations["att_ok"] = Subquery(ok, output_field=IntegerField())
    annotated: QuerySet[Organization] = cells.annotate(**annotations)
    return annotated


def bucket_of(months_held: int, expected: int) -> str:
    """The same buckets in Python, for one cell already counted by SQL."""
    if months_held >= expected:
        return FULL
    if months_held * 4 >= expected * 3:
        return MID
    return LOW


def active_in(established_on: date | None, dissolved_on: date | None, quarter: Quarter) -> bool:
    """MTG-02 looks at the quarters of the period in which the cell existed."""
    return (established_on is None or established_on <= quarter.ends_on) and (
        dissolved_on is None or dissolved_on >= quarter.starts_on
    )
