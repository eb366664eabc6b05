"""The annual report's files: DOCX and PDF in the DOC-01 frame, and the XLSX annex.

The DOCX is the shared DOC-01 template (`documents/docx/base.docx`: header, title,
signature, recipients) rendered with one marker paragraph as its body; the sections
(headings, sentences, tables, chart images) are then put in place of the marker with
python-docx, because the number and shape of the tables vary with the data. The PDF is
`reports/pdf/annual.html`, extending `documents/base.html`, with the charts as data:
PNG images. The XLSX annex has one sheet per table of the report, plus a contents sheet
that says which sections have no data.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from core.documents import DocType, DocumentHeader, render_docx, render_pdf
from core.exporters import INTEGER, PERCENT, TEXT, Column, Sheet, build_workbook
from organizations.documents import header_for
from organizations.models import Organization
from organizations.services.numbering import next_number

from ..queries.annual import ROMAN
from ..queries.sections import Pct, Section
from .charts import bar_chart_png, data_uri

MARKER = "[[chibo-annual-report-body]]"
TABLE_SIZE = Pt(12)


def summary_of(year: int) -> str:
    return _("Tổng kết công tác xây dựng Đảng năm %(year)s") % {"year": year}


def header(organization, year: int, *, by=None, on: date | None = None) -> DocumentHeader:
    """The DOC-01 frame: a "Báo cáo" numbered in the organization's register (the same
    number when the report of that year is generated again)."""
    on = on or timezone.localdate()
    summary = summary_of(year)
    number = next_number(
        organization,
        DocType.BAO_CAO,
        on,
        by=by,
        title=summary,
        ref=f"reports.annual:{organization.pk}:{year}",
    )
    superior = Organization.objects.get_parent(organization)
    recipients = [_("%(s)s (báo cáo)") % {"s": superior.name}] if superior else []
    recipients.append(_("Lưu"))
    return header_for(organization, number=number, summary=summary, recipients=recipients)


@dataclass
class Files:
    docx: bytes
    pdf: bytes
    xlsx: bytes


def charts_of(sections: list[Section]) -> dict[tuple[str, str], bytes]:
    return {
        (s.key, c.key): bar_chart_png(c.title, c.labels, c.values, c.unit)
        for s in sections
        for c in s.charts
    }


# --- DOCX ---------------------------------------------------------------------------------


def _font(run, size=None, bold=False, italic=False):
    if size is not None:
        run.font.size = size
    run.bold = bold or None
    run.italic = italic or None


def _borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "4")
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), "000000")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def build_docx(doc: DocumentHeader, year: int, sections: list[Section], charts=None) -> bytes:
    charts = charts if charts is not None else charts_of(sections)
    raw = render_docx("documents/docx/base.docx", {"doc": doc, "body": [MARKER]})
    document = Document(io.BytesIO(raw))
    marker = next(p for p in document.paragraphs if MARKER in p.text)
    anchor = marker._p

    def place(element):
        anchor.addprevious(element)

    def paragraph(text, *, bold=False, italic=False, indent=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY):
        p = document.add_paragraph()
        p.alignment = align
        p.paragraph_format.space_after = Pt(6)
        if indent:
            p.paragraph_format.first_line_indent = Cm(1.27)
        _font(p.add_run(text), bold=bold, italic=italic)
        place(p._p)
        return p

    for index, section in enumerate(sections):
        paragraph(f"{ROMAN[index]}. {section.title.upper()}", bold=True)
        for text in section.paragraphs:
            paragraph(text, italic=not section.has_data)
        for t_index, table in enumerate(section.tables, start=1):
            paragraph(f"{index + 1}.{t_index}. {table.title}", bold=True, italic=True, indent=False)
            rows = table.text_rows
            grid = document.add_table(rows=len(rows) + 1, cols=len(table.headers))
            grid.alignment = WD_TABLE_ALIGNMENT.CENTER
            _borders(grid)
            for cell, text in zip(grid.rows[0].cells, table.headers, strict=True):
                _font(cell.paragraphs[0].add_run(str(text)), TABLE_SIZE, bold=True)
            for r, row in enumerate(rows, start=1):
                last = table.total_row and r == len(rows)
                for c, (cell, text) in enumerate(zip(grid.rows[r].cells, row, strict=True)):
                    p = cell.paragraphs[0]
                    if c > 0 and not isinstance(table.rows[r - 1][c], str):
                        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                    _font(p.add_run(text), TABLE_SIZE, bold=last)
            place(grid._tbl)
            paragraph("", indent=False)
        for chart in section.charts:
            p = document.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run().add_picture(io.BytesIO(charts[(section.key, chart.key)]), width=Mm(150))
            place(p._p)
    anchor.getparent().remove(anchor)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- PDF ----------------------------------------------------------------------------------


def build_pdf(doc: DocumentHeader, year: int, sections: list[Section], charts=None) -> bytes:
    charts = charts if charts is not None else charts_of(sections)
    items = []
    for index, section in enumerate(sections):
        items.append(
            {
                "number": ROMAN[index],
                "index": index + 1,
                "section": section,
                "tables": [{"table": t, "rows": _pdf_rows(t)} for t in section.tables],
                "charts": [
                    {"title": c.title, "src": data_uri(charts[(section.key, c.key)])}
                    for c in section.charts
                ],
            }
        )
    return render_pdf("reports/pdf/annual.html", {"doc": doc, "year": year, "sections": items})


def _pdf_rows(table) -> list[list[tuple[str, bool]]]:
    """(text, numeric) per cell: numbers and shares are right-aligned."""
    return [
        [
            (text, i > 0 and not isinstance(value, str))
            for i, (text, value) in enumerate(zip(texts, row, strict=True))
        ]
        for texts, row in zip(table.text_rows, table.rows, strict=True)
    ]


# --- XLSX annex ---------------------------------------------------------------------------


def _column(header: str, index: int, sample) -> Column:
    def value(row, i=index):
        v = row[i]
        if isinstance(v, Pct):
            return float(v.fraction) if v.fraction is not None else None
        return v

    if isinstance(sample, Pct):
        return Column(header, value, PERCENT)
    if isinstance(sample, int) and not isinstance(sample, bool):
        return Column(header, value, INTEGER)
    return Column(header, value, TEXT, width=40 if index == 0 else None)


def build_xlsx(organization, year: int, sections: list[Section]) -> bytes:
    contents = Sheet(
        _("Phụ lục số liệu báo cáo năm %(year)s") % {"year": year},
        [
            Column(_("Mục"), "number", TEXT, width=6),
            Column(_("Nội dung"), "title", TEXT, width=50),
            Column(_("Số liệu"), "status", TEXT, width=50),
        ],
        [
            {
                "number": ROMAN[i],
                "title": s.title,
                "status": _("%(n)s bảng") % {"n": len(s.tables)} if s.has_data else s.no_data,
            }
            for i, s in enumerate(sections)
        ],
        organization=organization.name,
        name=_("Mục lục"),
    )
    sheets = [contents]
    for index, section in enumerate(sections):
        for t_index, table in enumerate(section.tables, start=1):
            samples = [
                next((row[i] for row in table.rows if row[i] is not None), None)
                for i in range(len(table.headers))
            ]
            sheets.append(
                Sheet(
                    f"{index + 1}.{t_index}. {table.title}",
                    [_column(h, i, samples[i]) for i, h in enumerate(table.headers)],
                    table.rows,
                    organization=organization.name,
                    name=f"{index + 1}.{t_index} {table.title}",
                )
            )
    out = io.BytesIO()
    build_workbook(sheets, out)
    return out.getvalue()
