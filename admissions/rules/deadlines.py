"""Working-day deadlines: ADM-07 decision, ADM-08 ceremony, ADM-09 member file."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _

from core.calendar import add_working_days
from core.findings import Finding

from .versions import INFO, B, W, dmy, params

# --- working-day deadlines (ADM-07, ADM-08, ADM-09, PRB-02, PRB-03) -------------------------------


def decision_due(cell_on: date) -> date:
    """ADM-07: the last day for the competent committee's decision."""
    return add_working_days(cell_on, params("ADM-07", cell_on)["days"])


def decision_findings(
    cell_on: date, decision_on: date, *, extension_reason: str = ""
) -> list[Finding]:
    """ADM-07: decision within 60 working days of the cell resolution (+30 with a reason)."""
    findings = []
    if decision_on < cell_on:
        return [
            Finding("ADM-07", B, _("Quyết định kết nạp không được trước nghị quyết chi bộ."), "on")
        ]
    p = params("ADM-07", cell_on)
    due = add_working_days(cell_on, p["days"])
    extended = add_working_days(cell_on, p["days"] + p["extension"])
    if decision_on > extended:
        findings.append(
            Finding(
                "ADM-07",
                W,
                _(
                    "Quyết định ngày %(on)s quá cả thời hạn gia hạn (%(ext)s, %(n)d ngày làm việc "
                    "kể từ nghị quyết chi bộ)."
                )
                % {"on": dmy(decision_on), "ext": dmy(extended), "n": p["days"] + p["extension"]},
                "on",
            )
        )
    elif decision_on > due:
        findings.append(
            Finding(
                "ADM-07",
                W if not extension_reason else INFO,
                _(
                    "Quyết định sau thời hạn %(n)d ngày làm việc (%(due)s): trong thời gian gia hạn "
                    "%(ext)d ngày làm việc, cần ghi lý do gia hạn."
                )
                % {"n": p["days"], "due": dmy(due), "ext": p["extension"]},
                "extension_reason",
            )
        )
    return findings


def ceremony_due(received_on: date) -> date:
    """ADM-08: the last day for the ceremony."""
    return add_working_days(received_on, params("ADM-08", received_on)["days"])


def ceremony_findings(decision_on: date, received_on: date, ceremony_on: date) -> list[Finding]:
    """ADM-08: the ceremony within 30 working days of the cell receiving the decision."""
    if ceremony_on < decision_on:
        return [
            Finding("ADM-08", B, _("Lễ kết nạp không được trước ngày quyết định kết nạp."), "on")
        ]
    if received_on < decision_on:
        return [
            Finding(
                "ADM-08",
                B,
                _("Ngày chi bộ nhận quyết định không được trước ngày quyết định."),
                "decision_received_on",
            )
        ]
    if ceremony_on < received_on:
        return [
            Finding(
                "ADM-08", B, _("Lễ kết nạp không được trước ngày chi bộ nhận quyết định."), "on"
            )
        ]
    due = ceremony_due(received_on)
    if ceremony_on > due:
        return [
            Finding(
                "ADM-08",
                W,
                _(
                    "Lễ kết nạp sau thời hạn 30 ngày làm việc (%(due)s): cần ý kiến đồng ý của "
                    "cấp ủy cấp trên trực tiếp."
                )
                % {"due": dmy(due)},
                "on",
            )
        ]
    return []


def member_file_due(ceremony_on: date) -> date:
    """ADM-09"""
    return add_working_days(ceremony_on, params("ADM-09", ceremony_on)["days"])


def member_file_findings(ceremony_on: date, file_on: date) -> list[Finding]:
    """ADM-09: member personal history and card within 30 working days of the ceremony."""
    if file_on < ceremony_on:
        return [Finding("ADM-09", B, _("Ngày hoàn thiện hồ sơ trước lễ kết nạp."), "on")]
    due = member_file_due(ceremony_on)
    if file_on > due:
        return [
            Finding(
                "ADM-09",
                W,
                _(
                    "Lý lịch đảng viên và phiếu đảng viên hoàn thành sau thời hạn 30 ngày làm việc "
                    "(%(due)s)."
                )
                % {"due": dmy(due)},
                "on",
            )
        ]
    return []
