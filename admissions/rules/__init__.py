"""Admission and probation rules (RULES.md ADM-01..11, PRB-01..05), versioned.

Each check is a function over plain values returning `core.findings.Finding`s with the
rule ID; the service (admissions.services.stages.advance) feeds them and the case page and the
tests read them. The only reads are the working-day calendar (core.calendar) for the
deadlines, which is the one calendar of the project.

Versions (RULES.md preamble): every rule is a `RuleVersion` with the
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
