"""Rule versions (RuleVersion, RULE_VERSIONS, version_on) and the small helpers every check shares."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from core.findings import Finding, Severity
from members.enums import Education

B, W, INFO = Severity.BLOCKING, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class RuleVersion:
    rule_id: str
    source: str
    applies_from: date
    params: dict[str, Any] = field(default_factory=dict)


STATUTE_2011 = date(2011, 1, 19)  # Điều lệ Đảng, adopted by the 11th Congress
QD29_2016 = date(2016, 7, 25)  # Quy định 29-QĐ/TW thi hành Điều lệ Đảng
QD24_2021 = date(2021, 7, 30)  # Quy định 24-QĐ/TW thi hành Điều lệ Đảng

RULE_VERSIONS: dict[str, tuple[RuleVersion, ...]] = {
    "ADM-01": (
        RuleVersion(
            "ADM-01",
            "Điều lệ Đảng (2011), Điều 1; Quy định 29-QĐ/TW (2016)",
            QD29_2016,
            {"min_months": 18 * 12, "max_months": 60 * 12},
        ),
        RuleVersion(
            "ADM-01",
            "Quy định 24-QĐ/TW (2021)",
            QD24_2021,
            {"min_months": 18 * 12, "max_months": 60 * 12},
        ),
    ),
    "ADM-02": (
        RuleVersion(
            "ADM-02",
            "Quy định 24-QĐ/TW (2021)",
            QD24_2021,
            {"min_education": Education.LOWER_SECONDARY},
        ),
    ),
    "ADM-03": (RuleVersion("ADM-03", "Điều lệ Đảng (2011), Điều 4", STATUTE_2011, {"months": 12}),),
    "ADM-04": (RuleVersion("ADM-04", "Quy định 24-QĐ/TW (2021) [s]", QD24_2021, {"months": 60}),),
    "ADM-06": (
        RuleVersion("ADM-06", "Điều lệ Đảng (2011), Điều 4", STATUTE_2011, {"num": 2, "den": 3}),
    ),
    "ADM-07": (
        RuleVersion("ADM-07", "Quy định 24-QĐ/TW (2021)", QD24_2021, {"days": 60, "extension": 30}),
    ),
    "ADM-08": (RuleVersion("ADM-08", "Quy định 24-QĐ/TW (2021)", QD24_2021, {"days": 30}),),
    "ADM-09": (RuleVersion("ADM-09", "Quy định 24-QĐ/TW (2021) [s]", QD24_2021, {"days": 30}),),
    "ADM-10": (RuleVersion("ADM-10", "Quy định 24-QĐ/TW (2021)", QD24_2021, {"months": 36}),),
    "PRB-01": (RuleVersion("PRB-01", "Điều lệ Đảng (2011), Điều 5", STATUTE_2011, {"months": 12}),),
    "PRB-02": (
        RuleVersion(
            "PRB-02", "Điều lệ Đảng (2011), Điều 5", STATUTE_2011, {"days": 30, "num": 2, "den": 3}
        ),
    ),
    "PRB-03": (
        RuleVersion("PRB-03", "Quy định 24-QĐ/TW (2021)", QD24_2021, {"days": 30, "extension": 30}),
    ),
}


def version_on(rule_id: str, on: date) -> RuleVersion | None:
    """The version of `rule_id` in force on `on` (the latest that applies from ≤ on)."""
    versions = [v for v in RULE_VERSIONS.get(rule_id, ()) if v.applies_from <= on]
    return max(versions, key=lambda v: v.applies_from) if versions else None


def no_version(rule_id: str, on: date) -> Finding:
    first = min(v.applies_from for v in RULE_VERSIONS[rule_id])
    return Finding(
        rule_id,
        INFO,
        _(
            "Chưa có quy định được ghi nhận cho ngày %(on)s (quy định sớm nhất áp dụng từ "
            "%(first)s): kiểm tra thủ công."
        )
        % {"on": f"{on:%d/%m/%Y}", "first": f"{first:%d/%m/%Y}"},
    )


def dmy(d: date) -> str:
    return f"{d:%d/%m/%Y}"


def params(rule_id: str, on: date) -> dict[str, Any]:
    version = version_on(rule_id, on) or RULE_VERSIONS[rule_id][0]
    return version.params


def blocking(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == B]


def warnings(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == W]
