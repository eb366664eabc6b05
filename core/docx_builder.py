"""Builds the DOCX templates of official documents (DOC-01), so the binaries are reproducible.

Run `python -m core.docx_builder` (from the project root, virtualenv active) after
changing this file; it rewrites:

- `core/templates/documents/docx/base.docx`: the DOC-01 frame (header table, type and
  summary, signature and recipients table) around a body made of the paragraphs of the
  list `body`. Usable as it is for a simple document.
- `core/templates/documents/docx/example_notice.docx`: the worked example, a "Thông
  báo" (notice) with its own body (placeholders, a loop, a table); tests render it.

A feature's template is built the same way, by a small script in the feature's app::

    from core.docx_builder import TemplateBuilder

    def build_minutes(path):
        b = TemplateBuilder()                       # page setup, styles, DOC-01 header
        b.paragraph("Thời gian: {{ meeting.start|short_date }}", indent=False)
        b.heading("I. Nội dung")
        b.loop("item in agenda", "{{ loop.index }}. {{ item }}")
        b.table(["Họ và tên", "Lý do"], ["{{ a.name }}", "{{ a.reason }}"], loop="a in absents")
        b.save(path)                                # DOC-01 signature and recipients

and rendered with `core.documents.render_docx("meetings/docx/minutes.docx", {"doc": ...})`.
Everything between the header and the footer is ordinary docxtpl (Jinja in one run per
tag: the builder always writes a tag as a single run). The header and footer tags read
`doc`, a `core.documents.DocumentHeader`. A template may also be edited by hand in
Word/LibreOffice from a built copy, but then it is no longer reproducible from code.

Saved files are byte-for-byte reproducible: fixed document properties and fixed zip
timestamps.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from core.documents import FONT_FAMILY, MARGINS_MM

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    Container = DocxDocument | _Cell

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates" / "documents" / "docx"
BODY_SIZE = Pt(14)
CONTENT_WIDTH_MM = 210 - MARGINS_MM["left"] - MARGINS_MM["right"]  # 165 mm
LEFT_COLUMN_MM = 72
RIGHT_COLUMN_MM = CONTENT_WIDTH_MM - LEFT_COLUMN_MM
FIXED_TIME = datetime(2026, 1, 1, 0, 0, 0)


def _set_fonts(rpr_owner: BaseOxmlElement, name: str = FONT_FAMILY) -> None:
    """Times New Roman for every script slot (ascii, hAnsi, cs, eastAsia) and Vietnamese."""
    if hasattr(rpr_owner, "get_or_add_rPr"):
        rpr = rpr_owner.get_or_add_rPr()
    else:  # w:rPrDefault, a plain element
        rpr = rpr_owner.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            rpr_owner.append(rpr)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), name)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")


class TemplateBuilder:
    """A DOCX template under construction: A4, 36-HD margins, the DOC-01 header."""

    def __init__(self, *, header: bool = True) -> None:
        self.document = Document()
        self._page_setup()
        self._styles()
        self._page_numbers()
        # python-docx's blank document starts with no paragraph; the header table first.
        if header:
            self._header()

    # --- page and styles --------------------------------------------------------

    def _page_setup(self) -> None:
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = Mm(MARGINS_MM["top"])
        section.bottom_margin = Mm(MARGINS_MM["bottom"])
        section.left_margin = Mm(MARGINS_MM["left"])
        section.right_margin = Mm(MARGINS_MM["right"])
        section.header_distance = Mm(10)
        section.footer_distance = Mm(10)

    def _styles(self) -> None:
        normal = self.document.styles["Normal"]
        normal.font.name = FONT_FAMILY
        normal.font.size = BODY_SIZE
        _set_fonts(normal.element)
        fmt = normal.paragraph_format
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        fmt.line_spacing = 1.0
        # Document defaults too, so that table cells and any new style inherit them.
        defaults = self.document.styles.element.find(qn("w:docDefaults"))
        if defaults is not None:
            rpr_default = defaults.find(qn("w:rPrDefault"))
            if rpr_default is not None:
                _set_fonts(rpr_default)

    def _page_numbers(self) -> None:
        """36-HD: page numbers from the second page, centred in the top margin."""
        section = self.document.sections[0]
        section.different_first_page_header_footer = True
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run()
        for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
            if kind:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
            else:
                element = OxmlElement("w:instrText")
                element.set(qn("xml:space"), "preserve")
                element.text = text
            run._r.append(element)
        run.font.size = Pt(13)

    # --- building blocks ---------------------------------------------------------

    @staticmethod
    def _line(
        container: Container,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        underline: bool = False,
        size: float | None = None,
        align: WD_PARAGRAPH_ALIGNMENT = WD_ALIGN_PARAGRAPH.CENTER,
        space_before: float = 0,
        space_after: float = 0,
    ) -> Paragraph:
        paragraph = container.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.space_before = Pt(space_before)
        paragraph.paragraph_format.space_after = Pt(space_after)
        if text:
            run = paragraph.add_run(text)
            run.bold = bold or None
            run.italic = italic or None
            run.underline = underline or None
            if size:
                run.font.size = Pt(size)
        return paragraph

    @staticmethod
    def _tag(container: Container, tag: str) -> Paragraph:
        """A paragraph that holds only a docxtpl block tag ("{%p if x %}"): it disappears."""
        paragraph = container.add_paragraph()
        paragraph.add_run(tag)
        return paragraph

    def _two_columns(self) -> tuple[_Cell, ...]:
        table: Table = self.document.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        widths = (Mm(LEFT_COLUMN_MM), Mm(RIGHT_COLUMN_MM))
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for cell, width in zip(table.rows[0].cells, widths, strict=True):
            cell.width = width
            # add_table leaves one empty paragraph in each cell: drop it, lines follow.
            cell._tc.remove(cell.paragraphs[0]._p)
        return table.rows[0].cells

    def _header(self) -> None:
        left, right = self._two_columns()
        self._tag(left, "{%p if doc.superior_line %}")
        self._line(left, "{{ doc.superior_line }}")
        self._tag(left, "{%p endif %}")
        self._line(left, "{{ doc.body_line }}", bold=True)
        self._line(left, "*")
        self._line(left, "{{ doc.number_line }}")
        self._tag(left, "{%p if doc.summary_under_number %}")
        self._line(left, "{{ doc.summary_under_number }}", italic=True, size=12, space_before=3)
        self._tag(left, "{%p endif %}")

        self._line(right, "{{ doc.heading }}", bold=True, underline=True, size=15)
        self._line(right, "{{ doc.place_date }}", italic=True, space_before=6)

        self._tag(self.document, "{%p if doc.type_line %}")
        self._line(self.document, "{{ doc.type_line }}", bold=True, size=15, space_before=18)
        self._tag(self.document, "{%p if doc.summary_line %}")
        self._line(self.document, "{{ doc.summary_line }}", bold=True)
        self._tag(self.document, "{%p endif %}")
        self._line(self.document, "-----", space_after=12)
        self._tag(self.document, "{%p endif %}")

    def _footer(self) -> None:
        self._line(self.document, "")
        left, right = self._two_columns()
        self._tag(left, "{%p if doc.recipient_lines %}")
        self._line(left, "Nơi nhận:", underline=True, align=WD_ALIGN_PARAGRAPH.LEFT)
        self._tag(left, "{%p for line in doc.recipient_lines %}")
        self._line(left, "{{ line }}", size=12, align=WD_ALIGN_PARAGRAPH.LEFT)
        self._tag(left, "{%p endfor %}")
        self._tag(left, "{%p endif %}")
        self._tag(left, "{%p if doc.left_signer_title_line or doc.left_signer_name %}")
        self._line(left, "{{ doc.left_signer_title_line }}", bold=True)
        for _ in range(4):
            self._line(left, "")
        self._line(left, "{{ doc.left_signer_name }}", bold=True)
        self._tag(left, "{%p endif %}")
        left.add_paragraph()  # a cell must keep one paragraph when every block is empty

        self._tag(right, "{%p if doc.authority_line %}")
        self._line(right, "{{ doc.authority_line }}", bold=True)
        self._tag(right, "{%p endif %}")
        self._tag(right, "{%p if doc.signer_title_line %}")
        self._line(right, "{{ doc.signer_title_line }}", bold=True)
        self._tag(right, "{%p endif %}")
        for _ in range(4):  # room for the signature and the seal
            self._line(right, "")
        self._line(right, "{{ doc.signer_name }}", bold=True)

    # --- the feature's body ------------------------------------------------------

    def paragraph(
        self,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        indent: bool = True,
        align: str = "justify",
    ) -> Paragraph:
        """A body paragraph: 14 pt, justified, first line indented 1.27 cm, 6 pt after."""
        alignment = {
            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
        }[align]
        paragraph = self._line(
            self.document, text, bold=bold, italic=italic, align=alignment, space_after=6
        )
        if indent:
            paragraph.paragraph_format.first_line_indent = Cm(1.27)
        return paragraph

    def heading(self, text: str) -> Paragraph:
        """A section heading inside the body ("I. Tình hình ..."): bold, indented."""
        return self.paragraph(text, bold=True)

    def tag(self, tag: str) -> Paragraph:
        """A block tag on a paragraph of its own ("{%p if x %}", "{%p endfor %}")."""
        return self._tag(self.document, tag)

    def loop(self, loop: str, text: str, **kwargs: Any) -> Paragraph:
        """One paragraph per item: loop("item in items", "- {{ item }}")."""
        self.tag(f"{{%p for {loop} %}}")
        paragraph = self.paragraph(text, **kwargs)
        self.tag("{%p endfor %}")
        return paragraph

    def table(
        self,
        headers: list[str],
        cells: list[str],
        *,
        loop: str,
        widths_mm: Sequence[float] | None = None,
    ) -> Table:
        """A bordered table: a bold header row, then one row per item of `loop`."""
        table: Table = self.document.add_table(rows=4, cols=len(headers))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _borders(table)
        rows = table.rows
        for cell, text in zip(rows[0].cells, headers, strict=True):
            self._fill(cell, text, bold=True)
        self._fill(rows[1].cells[0], f"{{%tr for {loop} %}}")
        for cell, text in zip(rows[2].cells, cells, strict=True):
            self._fill(cell, text)
        self._fill(rows[3].cells[0], "{%tr endfor %}")
        if widths_mm:
            for row in rows:
                for cell, width in zip(row.cells, widths_mm, strict=True):
                    cell.width = Mm(width)
        self._line(self.document, "", space_after=6)
        return table

    @staticmethod
    def _fill(cell: _Cell, text: str, *, bold: bool = False) -> None:
        paragraph = cell.paragraphs[0]
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.font.size = Pt(13)

    # --- saving --------------------------------------------------------------------

    def save(self, path: Path | str, *, footer: bool = True) -> Path:
        """Add the DOC-01 footer and write a reproducible .docx."""
        if footer:
            self._footer()
        props = self.document.core_properties
        props.author = "chibo"
        props.last_modified_by = "chibo"
        props.created = props.modified = FIXED_TIME
        props.revision = 1
        props.title = ""
        raw = io.BytesIO()
        self.document.save(raw)
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_reproducible_zip(raw.getvalue()))
        return path


def _borders(table: Table) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "4")
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), "000000")
        borders.append(element)
    properties.append(borders)


def _reproducible_zip(data: bytes) -> bytes:
    """The same entries, in the same order, with a fixed timestamp."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


# --- the shared templates ------------------------------------------------------------


def build_base(path: Path | str = TEMPLATE_DIR / "base.docx") -> Path:
    """The DOC-01 frame around `body`: a list of paragraphs."""
    builder = TemplateBuilder()
    builder.loop("paragraph in body", "{{ paragraph }}")
    return builder.save(path)


def build_example_notice(path: Path | str = TEMPLATE_DIR / "example_notice.docx") -> Path:
    """Worked example: a "Thông báo" of a cell about a thematic meeting.

    Context: doc (DocumentHeader), meeting_date (date), topic (str), venue (str),
    attendance_rate (fraction), members (list of {"name", "role"}).
    """
    builder = TemplateBuilder()
    builder.paragraph(
        "Thực hiện kế hoạch sinh hoạt chi bộ năm {{ meeting_date.year }}, "
        "{{ doc.body_name }} thông báo tổ chức sinh hoạt chuyên đề như sau:"
    )
    builder.heading("1. Thời gian, địa điểm")
    builder.paragraph("Thời gian: {{ meeting_date|long_date }}; địa điểm: {{ venue }}.")
    builder.heading("2. Nội dung")
    builder.paragraph("Chuyên đề: {{ topic }}.")
    builder.paragraph("Tỷ lệ đảng viên dự sinh hoạt tháng trước: {{ attendance_rate|percent }}.")
    builder.heading("3. Thành phần")
    builder.table(
        ["STT", "Họ và tên", "Chức vụ"],
        ["{{ loop.index }}", "{{ m.name }}", "{{ m.role }}"],
        loop="m in members",
        widths_mm=(15, 90, 60),
    )
    builder.paragraph("Đề nghị các đồng chí đảng viên tham dự đầy đủ, đúng giờ.")
    return builder.save(path)


def build_all() -> list[Path]:
    return [build_base(), build_example_notice()]


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chibo.settings")
    django.setup()
    for built in build_all():
        print(built)
