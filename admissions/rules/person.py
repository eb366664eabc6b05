"""The person and the dates of the steps: ADM-05 step dates, ADM-01 age, ADM-02 education, ADM-04 certificate, ADM-10 re-admission."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.utils.translation import gettext as _

from core.findings import Finding
from members.enums import Education
from members.rules import add_months, full_months

from ..enums import NO_READMISSION
from .versions import INFO, RULE_VERSIONS, B, W, dmy, no_version, version_on

# --- ADM-05: the dates of the steps ---------------------------------------------------------


def step_date_findings(on: date, previous_on: date | None, today: date) -> list[Finding]:
    """ADM-05: a step is dated, not in the future, not before the step before it."""
    findings = []
    if on > today:
        findings.append(Finding("ADM-05", B, _("Ngày của bước không được ở tương lai."), "on"))
    if previous_on is not None and on < previous_on:
        findings.append(
            Finding(
                "ADM-05",
                B,
                _("Ngày của bước (%(on)s) trước ngày của bước trước (%(prev)s).")
                % {"on": dmy(on), "prev": dmy(previous_on)},
                "on",
            )
        )
    return findings


# --- ADM-01: age ------------------------------------------------------------------------------


def age_findings(
    date_of_birth: date, on: date, *, over_age_agreement: bool = False
) -> list[Finding]:
    """ADM-01: 18 full years to 60 full years on the day the cell considers, in months."""
    version = version_on("ADM-01", on)
    if version is None:
        return [no_version("ADM-01", on)]
    months = full_months(date_of_birth, on)
    low, high = version.params["min_months"], version.params["max_months"]
    age = _("%(y)d tuổi %(m)d tháng") % {"y": months // 12, "m": months % 12}
    if months < low:
        return [
            Finding(
                "ADM-01",
                B,
                _("Ngày chi bộ xét (%(on)s) người vào Đảng mới %(age)s, chưa đủ 18 tuổi.")
                % {"on": dmy(on), "age": age},
                "date_of_birth",
            )
        ]
    if months > high:
        if over_age_agreement:
            return [
                Finding(
                    "ADM-01",
                    INFO,
                    _("Trên 60 tuổi (%(age)s): có văn bản đồng ý của tỉnh ủy.") % {"age": age},
                )
            ]
        return [
            Finding(
                "ADM-01",
                B,
                _(
                    "Người vào Đảng đã %(age)s, trên 60 tuổi: cần văn bản đồng ý của tỉnh ủy, "
                    "thành ủy."
                )
                % {"age": age},
                "over_age_agreement",
            )
        ]
    return []


# --- ADM-02: education --------------------------------------------------------------------------

_EDUCATION_RANK = {
    "": 0,
    Education.PRIMARY: 1,
    Education.LOWER_SECONDARY: 2,
    Education.UPPER_SECONDARY: 3,
}


def difficult_area_education() -> str:
    """ADM-02 [u]: the lowest education accepted in mountain, island, ethnic-minority and
    especially difficult areas. Configurable (settings.ADMISSIONS_DIFFICULT_AREA_EDUCATION);
    the default, primary school, is the organization's to change."""
    return getattr(settings, "ADMISSIONS_DIFFICULT_AREA_EDUCATION", Education.PRIMARY)


def education_findings(education: str, on: date, *, difficult_area: bool = False) -> list[Finding]:
    """ADM-02: lower-secondary diploma or higher (24-QĐ/TW, 2021); exceptions for
    especially difficult areas (configurable default)."""
    version = version_on("ADM-02", on)
    if version is None:
        return [no_version("ADM-02", on)]
    required = version.params["min_education"]
    if _EDUCATION_RANK.get(education, 0) >= _EDUCATION_RANK[required]:
        return []
    if difficult_area and _EDUCATION_RANK.get(education, 0) >= _EDUCATION_RANK.get(
        difficult_area_education(), 1
    ):
        return [
            Finding(
                "ADM-02",
                W,
                _(
                    "Chưa tốt nghiệp THCS: chỉ được xét theo ngoại lệ vùng đặc biệt khó khăn "
                    "(mặc định có thể thay đổi); ghi rõ căn cứ."
                ),
                "education",
            )
        ]
    return [
        Finding(
            "ADM-02",
            B,
            _("Trình độ học vấn phải tốt nghiệp trung học cơ sở trở lên (%(source)s).")
            % {"source": version.source},
            "education",
        )
    ]


# --- ADM-04: awareness course certificate ---------------------------------------------------------


def certificate_expires_on(certificate_on: date, on: date | None = None) -> date:
    version = version_on("ADM-04", on or certificate_on) or RULE_VERSIONS["ADM-04"][-1]
    return add_months(certificate_on, version.params["months"])


def certificate_findings(certificate_on: date | None, cell_on: date) -> list[Finding]:
    """ADM-04: the CN-NTVĐ certificate is valid 60 months; expired → retake first."""
    if certificate_on is None:
        return [
            Finding(
                "ADM-04",
                B,
                _("Chưa có giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng."),
                "certificate_on",
            )
        ]
    if certificate_on > cell_on:
        return [
            Finding(
                "ADM-04",
                B,
                _("Giấy chứng nhận (%(cert)s) đề ngày sau ngày chi bộ xét (%(on)s).")
                % {"cert": dmy(certificate_on), "on": dmy(cell_on)},
                "certificate_on",
            )
        ]
    version = version_on("ADM-04", cell_on)
    if version is None:
        return [no_version("ADM-04", cell_on)]
    expires = add_months(certificate_on, version.params["months"])
    if cell_on > expires:
        return [
            Finding(
                "ADM-04",
                B,
                _(
                    "Giấy chứng nhận học lớp nhận thức về Đảng hết hiệu lực ngày %(exp)s "
                    "(%(months)d tháng): phải học lại trước khi chi bộ xét."
                )
                % {"exp": dmy(expires), "months": version.params["months"]},
                "certificate_on",
            )
        ]
    return []


# --- ADM-10: re-admission ----------------------------------------------------------------------


def readmission_findings(
    *, left_on: date | None, leaving_way: str, readmitted_before: bool, on: date
) -> list[Finding]:
    """ADM-10: 36 months after leaving, only once, never for some ways of leaving."""
    version = version_on("ADM-10", on)
    if version is None:
        return [no_version("ADM-10", on)]
    findings = []
    if leaving_way in NO_READMISSION:
        findings.append(
            Finding(
                "ADM-10",
                B,
                _(
                    "Không xem xét kết nạp lại người đã ra khỏi Đảng vì bỏ sinh hoạt, tự xin ra, "
                    "gây mất đoàn kết nghiêm trọng, tham nhũng hoặc vi phạm pháp luật nghiêm trọng."
                ),
                "leaving_way",
            )
        )
    if readmitted_before:
        findings.append(Finding("ADM-10", B, _("Chỉ được kết nạp lại một lần."), "previous_member"))
    if left_on is None:
        findings.append(
            Finding("ADM-10", B, _("Cần ngày ra khỏi Đảng của đảng viên cũ."), "left_on")
        )
    elif full_months(left_on, on) < version.params["months"]:
        findings.append(
            Finding(
                "ADM-10",
                B,
                _("Kết nạp lại phải sau ít nhất %(m)d tháng kể từ ngày ra khỏi Đảng (%(left)s).")
                % {"m": version.params["months"], "left": dmy(left_on)},
                "left_on",
            )
        )
    return findings
