"""Exports of the member register: the filtered list and the 7-HSĐV register (MEM-01).

The XLSX files go through core.exporters (streamed, bounded memory); the DOCX register is
a table built with python-docx: A4 landscape, Times New Roman (DOC-01), the register's
columns in the order of the paper book.
"""

import tempfile
from collections.abc import Iterable
from datetime import date
from io import BytesIO

from django.db.models import QuerySet
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from core.exporters import DATE, INTEGER, Column, Sheet, content_disposition, xlsx_response

from .enums import EventKind
from .rules import full_years

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONT = "Times New Roman"
LEAVING = {
    EventKind.STRUCK_OFF,
    EventKind.EXPELLED,
    EventKind.RESIGNED,
}


def _party_age(member, today: date | None = None):
    if member.party_age_from is None:
        return None
    today = today or timezone.localdate()
    if member.party_age_from > today:
        return None
    return full_years(member.party_age_from, today)


LIST_COLUMNS = [
    Column(_lazy("Họ và tên"), "full_name", width=28),
    Column(_lazy("Ngày sinh"), "date_of_birth", DATE),
    Column(_lazy("Giới tính"), "get_sex_display"),
    Column(_lazy("Dân tộc"), "ethnicity.name"),
    Column(_lazy("Tôn giáo"), "religion.name"),
    Column(_lazy("Số CCCD"), "citizen_id"),
    Column(_lazy("Trạng thái"), "get_status_display"),
    Column(_lazy("Sinh hoạt tại"), "organization.name", width=32),
    Column(_lazy("Ngày vào Đảng"), "admitted_on", DATE),
    Column(_lazy("Ngày chính thức"), "full_member_on", DATE),
    Column(_lazy("Tuổi đảng"), _party_age, INTEGER),
    Column(_lazy("Giáo dục phổ thông"), "get_education_display"),
    Column(_lazy("Chuyên môn, nghiệp vụ"), "get_qualification_display"),
    Column(_lazy("Lý luận chính trị"), "get_theory_level_display"),
    Column(_lazy("Nghề nghiệp"), "get_occupation_display"),
    Column(_lazy("Điện thoại"), "phone"),
]


# --- The 7-HSĐV register ----------------------------------------------------------------


def _events(member, kinds) -> list:
    return [e for e in getattr(member, "register_events", []) if e.kind in kinds]


def _last(member, kinds):
    found = _events(member, kinds)
    return found[-1] if found else None


def _day(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _transfer_out(member) -> str:
    event = _last(member, {EventKind.TRANSFER_OUT})
    if event is None:
        return ""
    return ", ".join(filter(None, [_day(event.on), event.counterpart]))


def _transfer_in(member) -> str:
    event = _last(member, {EventKind.TRANSFER_IN})
    if event is None:
        return ""
    return ", ".join(filter(None, [_day(event.on), event.counterpart]))


def _death(member):
    event = _last(member, {EventKind.DECEASED})
    return event.on if event else None


def _leaving(member) -> str:
    event = _last(member, LEAVING)
    if event is None:
        return ""
    return f"{_day(event.on)}, {event.get_kind_display()}"


def _badges(member) -> str:
    return "; ".join(
        _("%(years)d năm (%(year)d)") % {"years": b.years, "year": b.presented_on.year}
        for b in member.badges.all()
    )


def _forces(member) -> str:
    parts = []
    if member.armed_forces:
        parts.append(_("LLVT"))
    if member.retired:
        parts.append(_("Nghỉ hưu"))
    return ", ".join(parts)


class Numbered:
    """A member with its row number (STT) in the register."""

    __slots__ = ("member", "number")

    def __init__(self, number: int, member):
        self.number, self.member = number, member


def _m(func):
    return lambda row: func(row.member)


def _attr(path: str):
    def get(row):
        value = row.member
        for part in path.split("."):
            if value is None:
                return None
            value = getattr(value, part, None)
            if callable(value):
                value = value()
        return value

    return get


# MEM-01: the register's columns, in the order of the paper book (Sổ danh sách đảng viên).
REGISTER_COLUMNS = [
    Column(_lazy("STT"), lambda row: row.number, INTEGER, width=6),
    Column(_lazy("Họ và tên đang dùng"), _attr("full_name"), width=26),
    Column(_lazy("Họ và tên khai sinh"), _attr("birth_name"), width=22),
    Column(_lazy("Ngày sinh"), _attr("date_of_birth"), DATE),
    Column(_lazy("Giới tính"), _attr("get_sex_display")),
    Column(_lazy("Dân tộc"), _attr("ethnicity.name")),
    Column(_lazy("Tôn giáo"), _attr("religion.name")),
    Column(_lazy("Quê quán"), _attr("home_town"), width=24),
    Column(_lazy("Giáo dục phổ thông"), _attr("get_education_display")),
    Column(_lazy("Lý luận chính trị"), _attr("get_theory_level_display")),
    Column(_lazy("Chuyên môn, nghiệp vụ"), _attr("get_qualification_display")),
    Column(_lazy("Ngoại ngữ"), _attr("foreign_language")),
    Column(_lazy("Nghề nghiệp"), _attr("get_occupation_display")),
    Column(_lazy("Ngày vào Đảng"), _attr("admitted_on"), DATE),
    Column(_lazy("Ngày chính thức"), _attr("full_member_on"), DATE),
    Column(_lazy("Số thẻ đảng viên"), _attr("card_number")),
    Column(_lazy("Số lý lịch"), _attr("file_number")),
    Column(_lazy("Huy hiệu Đảng"), _m(_badges)),
    Column(_lazy("LLVT, nghỉ hưu"), _m(_forces)),
    Column(_lazy("Chuyển đi (ngày, nơi đến)"), _m(_transfer_out), width=24),
    Column(_lazy("Chuyển đến (ngày, nơi đi)"), _m(_transfer_in), width=24),
    Column(_lazy("Ngày từ trần"), _m(_death), DATE),
    Column(_lazy("Ra khỏi Đảng (ngày, hình thức)"), _m(_leaving), width=22),
    Column(_lazy("Số CCCD"), _attr("citizen_id")),
    Column(_lazy("Ghi chú"), _attr("notes"), width=24),
]


def numbered(members: Iterable) -> Iterable[Numbered]:
    rows = members.iterator(chunk_size=2000) if isinstance(members, QuerySet) else members
    for number, member in enumerate(rows, 1):
        yield Numbered(number, member)


REGISTER_TITLE = _lazy("Sổ danh sách đảng viên")


def list_xlsx(members: QuerySet, *, organization: str | None = None) -> FileResponse:
    return xlsx_response(
        Sheet(_("Danh sách đảng viên"), LIST_COLUMNS, members, organization=organization),
        filename=_("Danh sách đảng viên.xlsx"),
    )


def register_xlsx(members: QuerySet, *, organization: str | None = None) -> FileResponse:
    return xlsx_response(
        Sheet(
            str(REGISTER_TITLE),
            REGISTER_COLUMNS,
            numbered(members),
            organization=organization,
            notes=[_("Mẫu 7-HSĐV")],
        ),
        filename=_("Sổ danh sách đảng viên.xlsx"),
    )


# --- DOCX -------------------------------------------------------------------------------


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return _("Có") if value else ""
    return str(value)


def _font(run, size: float, *, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    # East Asian text (and Word's fallback) must also use Times New Roman.
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def _paragraph(container, text: str, size: float, *, bold=False, italic=False, align=None):
    paragraph = container.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    _font(paragraph.add_run(text), size, bold=bold, italic=italic)
    return paragraph


def _cell(cell, text: str, size: float, *, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    _font(paragraph.add_run(text), size, bold=bold)


def build_register_docx(members: Iterable, *, organization: str | None = None) -> BytesIO:
    """The register as a Word document: A4 landscape, Times New Roman, one table."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(11)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)

    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.0))
    section.top_margin = section.bottom_margin = Cm(1.5)

    # DOC-01: the organization top left, "ĐẢNG CỘNG SẢN VIỆT NAM" top right.
    heading = document.add_table(rows=1, cols=2)
    left, right = heading.rows[0].cells
    _cell(left, (organization or "").upper(), 12, bold=True)
    left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _cell(right, _("ĐẢNG CỘNG SẢN VIỆT NAM"), 14, bold=True)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    made_on = timezone.localdate()
    _paragraph(
        right,
        _("ngày %(day)02d tháng %(month)d năm %(year)d")
        % {"day": made_on.day, "month": made_on.month, "year": made_on.year},
        13,
        italic=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    _paragraph(document, "", 11)
    _paragraph(
        document, str(REGISTER_TITLE).upper(), 16, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER
    )
    _paragraph(document, _("(Mẫu 7-HSĐV)"), 12, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, "", 8)

    table = document.add_table(rows=1, cols=len(REGISTER_COLUMNS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, column in zip(table.rows[0].cells, REGISTER_COLUMNS, strict=True):
        _cell(cell, str(column.header), 7, bold=True)
    # The header row repeats on every page.
    row_pr = table.rows[0]._tr.get_or_add_trPr()
    header = row_pr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"})
    row_pr.append(header)
    for row in numbered(members):
        cells = table.add_row().cells
        for cell, column in zip(cells, REGISTER_COLUMNS, strict=True):
            _cell(cell, _text(column.value(row)), 7)

    out = BytesIO()
    document.save(out)
    out.seek(0)
    return out


def register_docx(members: QuerySet, *, organization: str | None = None) -> FileResponse:
    spool = tempfile.TemporaryFile(suffix=".docx")
    spool.write(build_register_docx(members, organization=organization).getbuffer())
    size = spool.tell()
    spool.seek(0)
    response = FileResponse(spool, content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition(_("Sổ danh sách đảng viên.docx"))
    response["Content-Length"] = str(size)
    return response
