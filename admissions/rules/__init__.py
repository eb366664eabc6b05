"""Admission and probation rules (RULES.md ADM-01..11, PRB-01..05), versioned.

Each check is a function over plain values returning `core.findings.Finding`s with the
rule ID; the service (admissions.services.advance) feeds them and the case page and the
tests read them. The only reads are the working-day calendar (core.calendar) for the
deadlines, which is the one calendar of the project.

Versions (item 9 of the issue, RULES.md preamble): every rule is a `RuleVersion` with the
document that set it and the date it applies from. `version_on(rule_id, on)` chooses the
version in force on the date of the step being judged; when no version is recorded for
that date, the check says so (an INFO finding) instead of applying a later rule
backwards. Only versions whose source is named in RULES.md or is the Party Statute are
recorded; earlier texts (e.g. before 24-QĐ/TW of 2021 for ADM-02) are not invented.

Decisions where the rules leave room (each tested by its ID):
- ADM-01: age counted in complete months on the day the cell considers the case (the
  cell resolution date): at least 18 × 12 = 216 months (the 18th birthday itself is
  enough) and at most 60 × 12 = 720 months; above that only with the provincial
  committee's written agreement (blocking without it).
- ADM-04: the certificate is valid for 60 months: valid while cell date ≤ certificate
  date + 60 months (the same day 5 years later is still valid); a certificate dated after
  the cell meeting is refused.
- ADM-06 / PRB-02: "at least 2/3": votes for × 3 ≥ base × 2 (8 members → 6, 9 → 6); more
  votes than the base is refused.
- ADM-07 / PRB-03: deadlines in working days after the start day (core.calendar): up to
  the deadline nothing is said; within the extension a warning (the reason for the
  extension is required); beyond the extension a warning as well (the decision is a
  fact to record, late) saying so.
- ADM-08: late ceremony → warning (needs the direct superior's agreement, recorded as
  the reason). ADM-09: late member file → warning.
- PRB-01: probation ends on the same day 12 months after the ceremony; full membership
  takes effect on that day (PRB-03), whatever the date of the decision.
"""

from __future__ import annotations

# The old module exposed the calendar function too (tests read `rules.add_working_days`).
from core.calendar import add_working_days  # noqa: F401

from .deadlines import (
    ceremony_due,
    ceremony_findings,
    decision_due,
    decision_findings,
    member_file_due,
    member_file_findings,
)
from .person import (
    age_findings,
    certificate_expires_on,
    certificate_findings,
    difficult_area_education,
    education_findings,
    readmission_findings,
    step_date_findings,
)
from .probation import (
    full_cell_due,
    full_cell_findings,
    full_decision_due,
    full_decision_findings,
    probation_ends_on,
)
from .sponsors import (
    SponsorFacts,
    sponsor_findings,
    sponsor_status_findings,
    two_thirds,
    vote_findings,
)
from .stages import full_stages_for, has_committee_stage, stages_for
from .targets import (
    above_plan,
    achievement,
    rate,
)
from .versions import (
    INFO,
    QD24_2021,
    QD29_2016,
    RULE_VERSIONS,
    STATUTE_2011,
    B,
    RuleVersion,
    W,
    blocking,
    version_on,
    warnings,
)

__all__ = [
    "full_stages_for",
    "has_committee_stage",
    "stages_for",
    "B",
    "W",
    "INFO",
    "RuleVersion",
    "STATUTE_2011",
    "QD29_2016",
    "QD24_2021",
    "RULE_VERSIONS",
    "version_on",
    "blocking",
    "warnings",
    "step_date_findings",
    "age_findings",
    "difficult_area_education",
    "education_findings",
    "certificate_expires_on",
    "certificate_findings",
    "readmission_findings",
    "SponsorFacts",
    "sponsor_findings",
    "sponsor_status_findings",
    "two_thirds",
    "vote_findings",
    "decision_due",
    "decision_findings",
    "ceremony_due",
    "ceremony_findings",
    "member_file_due",
    "member_file_findings",
    "probation_ends_on",
    "full_cell_due",
    "full_cell_findings",
    "full_decision_due",
    "full_decision_findings",
    "achievement",
    "above_plan",
    "rate",
]
