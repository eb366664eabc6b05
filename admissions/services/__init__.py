"""Every write of the admission work: candidates, cases, sponsors, dossier, full membership.

Keyword-only options, one transaction each, the user in the audit trail
(django-simple-history). A case changes stage only through `advance`; a full-membership
case only through `advance_full`. A blocking finding refuses the write (`StepRefused`,
a ValidationError carrying the findings) and nothing is saved; a warning lets the step
go on only with a recorded reason.
"""

from __future__ import annotations

# The old module exposed `rules` too; admissions.views reads `services.rules`.
from .. import rules  # noqa: F401

# ADM-05 stages are rules (admissions.rules.stages); services keeps their old names.
from ..rules.stages import full_stages_for, has_committee_stage, stages_for
from .candidates import (
    CANDIDATE_FIELDS,
    add_candidate,
    add_review,
    set_candidate_state,
    update_candidate,
)
from .cases import (
    add_sponsor,
    close_case,
    open_case,
    record_document,
    remove_sponsor,
    sponsor_facts,
)
from .common import (
    StepRefused,
    ancestors_of,
    committee_size_on,
    committee_vote,
    committee_voters_on,
    decision_body,
    full_members_on,
    grassroots_of,
    next_full_stage,
    next_stage,
)
from .full_membership import (
    advance_full,
    open_full_case,
    probation_start,
)
from .stages import (
    advance,
    dossier_gaps,
    standing_findings,
)
from .targets import (
    set_target,
)

__all__ = [
    "StepRefused",
    "ancestors_of",
    "grassroots_of",
    "has_committee_stage",
    "decision_body",
    "stages_for",
    "full_stages_for",
    "next_stage",
    "next_full_stage",
    "full_members_on",
    "committee_size_on",
    "committee_voters_on",
    "committee_vote",
    "CANDIDATE_FIELDS",
    "add_candidate",
    "update_candidate",
    "set_candidate_state",
    "add_review",
    "open_case",
    "add_sponsor",
    "remove_sponsor",
    "sponsor_facts",
    "record_document",
    "close_case",
    "standing_findings",
    "dossier_gaps",
    "advance",
    "probation_start",
    "open_full_case",
    "advance_full",
    "set_target",
]
