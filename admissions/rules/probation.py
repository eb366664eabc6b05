"""PRB-01..05: probation and full membership."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _

from core.calendar import add_working_days
from core.findings import Finding
from members.rules import add_months

from .versions import INFO, B, W, dmy, params

# --- PRB: probation and full membership ----------------------------------------------------------


def probation_ends_on(ceremony_on: date) -> date:
    """PRB-01: 12 months from the ceremony, never extended; full membership takes effect on
    this day (PRB-03)."""
    return add_months(ceremony_on, params("PRB-01", ceremony_on)["months"])


def full_cell_due(probation_end: date) -> date:
    """PRB-02: the last day for the cell's resolution."""
    return add_working_days(probation_end, params("PRB-02", probation_end)["days"])


def full_cell_findings(probation_end: date, cell_on: date) -> list[Finding]:
    """PRB-02: the cell considers within 30 working days after the 12 months end."""
    if cell_on < probation_end:
        return [
            Finding(
                "PRB-02",
                B,
                _("Chưa hết 12 tháng dự bị (hết ngày %(end)s): chưa xét chuyển chính thức.")
                % {"end": dmy(probation_end)},
                "on",
            )
        ]
    due = full_cell_due(probation_end)
    if cell_on > due:
        return [
            Finding(
                "PRB-02",
                W,
                _("Chi bộ xét sau thời hạn 30 ngày làm việc kể từ khi hết dự bị (%(due)s).")
                % {"due": dmy(due)},
                "on",
            )
        ]
    return []


def full_decision_due(cell_on: date) -> date:
    """PRB-03"""
    return add_working_days(cell_on, params("PRB-03", cell_on)["days"])


def full_decision_findings(
    cell_on: date, decision_on: date, *, extension_reason: str = ""
) -> list[Finding]:
    """PRB-03: decision within 30 working days of the cell resolution (+30 with a reason)."""
    if decision_on < cell_on:
        return [Finding("PRB-03", B, _("Quyết định không được trước nghị quyết chi bộ."), "on")]
    p = params("PRB-03", cell_on)
    due = add_working_days(cell_on, p["days"])
    extended = add_working_days(cell_on, p["days"] + p["extension"])
    if decision_on > extended:
        return [
            Finding(
                "PRB-03",
                W,
                _("Quyết định quá cả thời hạn gia hạn (%(ext)s).") % {"ext": dmy(extended)},
                "on",
            )
        ]
    if decision_on > due:
        return [
            Finding(
                "PRB-03",
                W if not extension_reason else INFO,
                _(
                    "Quyết định sau thời hạn 30 ngày làm việc (%(due)s): trong thời gian gia hạn, "
                    "cần ghi lý do."
                )
                % {"due": dmy(due)},
                "extension_reason",
            )
        ]
    return []
