"""The 7-HSĐV register (MEM-01) as a Word document: a table built with python-docx, A4
landscape, Times New Roman (DOC-01), the register's columns in the order of the paper
book (members.exporters.register)."""

import tempfile
from collections.abc import Iterable
from datetime import date
from io import BytesIO

from django.db.models import QuerySet
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from core.exporters import content_disposition

from .exporters.register import REGISTER_COLUMNS, REGISTER_TITLE, numbered

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONT = "Times New Roman"


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
