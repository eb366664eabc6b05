"""Field validators of the member register."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .reference_data import CITIZEN_ID_PROVINCES

CITIZEN_ID_RE = re.compile(r"^\d{12}$")
# 4th digit: sex and century of birth (0/1: 1900s male/female, 2/3: 2000s, 4/5: 2100s, …).
_CENTURY_BASE = {
    0: 1900,
    1: 1900,
    2: 2000,
    3: 2000,
    4: 2100,
    5: 2100,
    6: 2200,
    7: 2200,
    8: 1800,
    9: 1800,
}


def validate_citizen_id(value: str) -> None:
    """MEM-01: the 12-digit citizen ID (CCCD), with a known province code."""
    if not value:
        return
    if not CITIZEN_ID_RE.match(value):
        raise ValidationError(_("Số CCCD phải gồm đúng 12 chữ số."), code="citizen_id_format")
    if value[:3] not in CITIZEN_ID_PROVINCES:
        raise ValidationError(
            _("Số CCCD có mã tỉnh %(code)s không tồn tại."),
            code="citizen_id_province",
            params={"code": value[:3]},
        )


def citizen_id_mismatch(value: str, date_of_birth: date | None, sex: str | None) -> str | None:
    """A Vietnamese message when digits 4-6 disagree with the birth year or sex, else None."""
    if not value or not CITIZEN_ID_RE.match(value) or date_of_birth is None:
        return None
    code = int(value[3])
    year = _CENTURY_BASE[code] + int(value[4:6])
    if year != date_of_birth.year:
        return str(_("Số CCCD ghi năm sinh %(year)s, khác ngày sinh đã khai.") % {"year": year})
    if sex in {"male", "female"} and (code % 2 == 0) != (sex == "male"):
        return str(_("Số CCCD ghi giới tính khác với giới tính đã khai."))
    return None
