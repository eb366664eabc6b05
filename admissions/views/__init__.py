"""Admission screens: thin views over admissions.queries (reads, scoped: 404 outside the
user's reach) and admissions.services (writes: 403 when the user may read but not write)."""

from __future__ import annotations

from .candidates import (
    candidate_detail,
    candidate_list,
    candidate_new,
    candidate_review,
    candidate_state,
    case_open,
    dashboard,
)
from .cases import (
    case_advance,
    case_close,
    case_committee_base,
    case_detail,
    case_document,
    document_record,
    incomplete,
    sponsor_add,
    sponsor_remove,
)
from .files import (
    document_file,
    step_file,
)
from .full import (
    full_advance,
    full_committee_base,
    full_detail,
    full_document,
    full_open,
    probation,
)
from .targets import (
    results,
    target_set,
)

__all__ = [
    "dashboard",
    "candidate_list",
    "candidate_new",
    "candidate_detail",
    "candidate_state",
    "candidate_review",
    "case_open",
    "case_detail",
    "case_advance",
    "case_committee_base",
    "full_committee_base",
    "sponsor_add",
    "sponsor_remove",
    "case_close",
    "document_record",
    "case_document",
    "incomplete",
    "probation",
    "full_open",
    "full_detail",
    "full_advance",
    "full_document",
    "results",
    "target_set",
    "step_file",
    "document_file",
]
