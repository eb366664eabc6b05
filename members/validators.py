"""Field validators of the member register."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The first three digits of a 12-digit citizen ID (CCCD), by the province of birth
# registration (Thông tư 59/2021/TT-BCA, phụ lục).
CITIZEN_ID_PROVINCES = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn", "008": "Tuyên Quang",
    "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu", "014": "Sơn La", "015": "Yên Bái",
    "017": "Hòa Bình", "019": "Thái Nguyên", "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang",
    "025": "Phú Thọ", "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định", "037": "Ninh Bình",
    "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh", "044": "Quảng Bình", "045": "Quảng Trị",
    "046": "Thừa Thiên Huế", "048": "Đà Nẵng", "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định",
    "054": "Phú Yên", "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
    "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng", "070": "Bình Phước",
    "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai", "077": "Bà Rịa - Vũng Tàu",
    "079": "Hồ Chí Minh", "080": "Long An", "082": "Tiền Giang", "083": "Bến Tre", "084": "Trà Vinh",
    "086": "Vĩnh Long", "087": "Đồng Tháp", "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ",
    "093": "Hậu Giang", "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}  # fmt: skip

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
