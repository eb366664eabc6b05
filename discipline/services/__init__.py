"""Every write of inspection, supervision and discipline: keyword-only, one transaction.

The audit trail is written by django-simple-history on each saved row.
"""

from __future__ import annotations

from .appeals import (
    mark_badge_returned,
    record_appeal,
    record_receipt,
    resolve_appeal,
)
from .disciplines import (
    decide_deferred,
    discipline_findings,
    dissolution_findings,
    record_discipline,
)
from .inspections import (
    add_recommendation,
    assign_follow,
    complete_recommendation,
    conclude_inspection,
    create_commission,
    create_inspection,
    create_programme,
)

__all__ = [
    "create_commission",
    "create_programme",
    "create_inspection",
    "conclude_inspection",
    "add_recommendation",
    "complete_recommendation",
    "assign_follow",
    "discipline_findings",
    "record_discipline",
    "decide_deferred",
    "dissolution_findings",
    "record_receipt",
    "record_appeal",
    "resolve_appeal",
    "mark_badge_returned",
]
