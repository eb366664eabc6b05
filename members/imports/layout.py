"""The import layout: two sheets, their columns and the coded values they accept.

One definition serves the reader (header check), the validator (column names in the
messages), the template (headers, instructions, allowed values) and the export.
"""

from dataclasses import dataclass

from core.text import fold
from organizations.enums import CellCategory, OrgKind

from ..enums import Education, MemberStatus, Occupation, Qualification, Sex, TheoryLevel
from ..models import Ethnicity, Religion

MAX_ROWS = 200_000  # data rows per sheet
MAX_FILE_BYTES = 50 * 1024 * 1024  # the uploaded file
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024  # all parts of the zip, unpacked (zip bombs)
INLINE_MAX_ROWS = 2_000  # above this, preview and apply run in the background
CHUNK_ROWS = 1_000  # rows validated (and written) together
MAX_PROBLEMS_KEPT = 2_000  # problems listed in a report; the count is always exact

ORG_SHEET = "Tổ chức"
MEMBER_SHEET = "Đảng viên"
GUIDE_SHEET = "Hướng dẫn"

# Column kinds.
TEXT = "text"
DATE = "date"
CODED = "coded"
BOOL = "bool"
ORG_CODE = "org_code"


@dataclass(frozen=True)
class Col:
    key: str
    header: str  # Vietnamese, exactly as in the template's header row
    kind: str = TEXT
    required: bool = False
    max_length: int | None = None
    help: str = ""
    width: int = 16


ORG_COLUMNS = (
    Col("code", "Mã tổ chức", ORG_CODE, True, 18, "M1.M2.M3.M4.M5, ví dụ 38.168.053.000.001", 22),
    Col("name", "Tên tổ chức", TEXT, True, 255, "", 40),
    Col("kind", "Loại tổ chức", CODED, True, help="Xem danh sách giá trị", width=26),
    Col("superior", "Mã tổ chức cấp trên", ORG_CODE, True, 18, "Đã có hoặc ở dòng trên", 22),
    Col("category", "Loại hình chi bộ", CODED, help="Bắt buộc với chi bộ", width=24),
    Col("established_on", "Ngày thành lập", DATE, help="dd/mm/yyyy", width=14),
)

MEMBER_COLUMNS = (
    Col("organization", "Mã chi bộ", ORG_CODE, True, 18, "Mã tổ chức nơi sinh hoạt", 22),
    Col("full_name", "Họ và tên", TEXT, True, 150, "", 28),
    Col("birth_name", "Họ và tên khai sinh", TEXT, False, 150, "Nếu khác họ và tên", 24),
    Col("sex", "Giới tính", CODED, True, width=10),
    Col("date_of_birth", "Ngày sinh", DATE, True, help="dd/mm/yyyy", width=12),
    Col("citizen_id", "Số CCCD", TEXT, False, 12, "12 chữ số", 16),
    Col("ethnicity", "Dân tộc", CODED, width=12),
    Col("religion", "Tôn giáo", CODED, width=12),
    Col("home_town", "Quê quán", TEXT, False, 255, "", 28),
    Col("address", "Nơi ở hiện nay", TEXT, False, 255, "", 28),
    Col("phone", "Điện thoại", TEXT, False, 20, "", 14),
    Col("education", "Giáo dục phổ thông", CODED, width=18),
    Col("qualification", "Chuyên môn, nghiệp vụ", CODED, width=18),
    Col("theory_level", "Lý luận chính trị", CODED, width=16),
    Col("foreign_language", "Ngoại ngữ", TEXT, False, 100, "", 14),
    Col("occupation", "Nghề nghiệp", CODED, width=20),
    Col("armed_forces", "Lực lượng vũ trang", BOOL, help="Có / để trống", width=10),
    Col("retired", "Đã nghỉ hưu", BOOL, help="Có / để trống", width=10),
    Col("admitted_on", "Ngày vào Đảng", DATE, True, help="Ngày quyết định kết nạp", width=14),
    Col("full_member_on", "Ngày chính thức", DATE, help="Để trống nếu còn dự bị", width=14),
    Col("card_number", "Số thẻ đảng viên", TEXT, False, 20, "", 16),
    Col("file_number", "Số lý lịch", TEXT, False, 20, "", 12),
    Col("status", "Trạng thái", CODED, help="Để trống: theo ngày chính thức", width=16),
    Col("left_on", "Ngày ra khỏi Đảng, từ trần", DATE, help="Khi trạng thái là đã ra", width=14),
    Col("notes", "Ghi chú", TEXT, False, 2000, "", 24),
)

SHEETS = {ORG_SHEET: ORG_COLUMNS, MEMBER_SHEET: MEMBER_COLUMNS}

# Statuses accepted in the "Trạng thái" column. Leaving ones need the leaving date.
IMPORT_STATUSES = (
    MemberStatus.PROBATIONARY,
    MemberStatus.FULL,
    MemberStatus.TRANSFERRED_OUT,
    MemberStatus.STRUCK_OFF,
    MemberStatus.EXPELLED,
    MemberStatus.RESIGNED,
    MemberStatus.DECEASED,
)
LEAVING_STATUSES = frozenset(IMPORT_STATUSES[2:])

# The Vietnamese true/false words of BOOL columns (folded).
TRUE_WORDS = frozenset({"co", "x", "1", "true", "dung", "yes"})
FALSE_WORDS = frozenset({"khong", "0", "false", "sai", "no", "k", ""})


def enum_choices(enum) -> list[tuple[str, str]]:
    return [(value, str(label)) for value, label in enum.choices]


def static_coded() -> dict[str, list[tuple[str, str]]]:
    """(stored value, Vietnamese label) of every coded column not kept in a table."""
    return {
        "kind": enum_choices(OrgKind),
        "category": enum_choices(CellCategory),
        "sex": enum_choices(Sex),
        "education": enum_choices(Education),
        "qualification": enum_choices(Qualification),
        "theory_level": enum_choices(TheoryLevel),
        "occupation": enum_choices(Occupation),
        "status": [(s.value, str(s.label)) for s in IMPORT_STATUSES],
    }


def coded_values() -> dict[str, list[tuple[str, str]]]:
    """Every coded column's (value, label); ethnicity and religion from their tables."""
    values = static_coded()
    values["ethnicity"] = [(e.code, e.name) for e in Ethnicity.objects.order_by("code")]
    values["religion"] = [(r.code, r.name) for r in Religion.objects.order_by("code")]
    return values


def lookup_tables(values: dict[str, list[tuple[str, str]]]) -> dict[str, dict[str, str]]:
    """Folded label, and the stored value itself, → stored value, per coded column.

    "Trung học phổ thông", "trung hoc pho thong" and "upper_secondary" all read the same;
    ethnicity and religion also accept their two-digit code ("01" or 1).
    """
    tables: dict[str, dict[str, str]] = {}
    for key, pairs in values.items():
        table: dict[str, str] = {}
        for value, label in pairs:
            table[fold(label)] = value
            table[fold(value)] = value
            if value.isdigit():
                table[str(int(value))] = value
        tables[key] = table
    return tables
