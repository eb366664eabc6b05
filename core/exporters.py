"""XLSX export for any list or report: columns, a title block, streaming rows.

Define the columns once, hand over the rows (a queryset is streamed with
`.iterator(chunk_size=2000)`), get back a download::

    COLUMNS = [
        Column(_("Họ và tên"), "full_name", width=28),
        Column(_("Ngày sinh"), "date_of_birth", DATE),
        Column(_("Chi bộ"), "organization.name"),
        Column(_("Tuổi đảng"), lambda m: m.party_age_years, INTEGER),
        Column(_("Tỷ lệ"), "attendance_rate", PERCENT),  # a fraction: 0.3612 → 36,12%
    ]

    def export(request):
        members = members_for(request.user).select_related("organization")
        return xlsx_response(
            Sheet(_("Danh sách đảng viên"), COLUMNS, members, organization=org.name),
            filename=_("Danh sách đảng viên.xlsx"),
        )

A report annex with several tables is one workbook of several sheets:
`xlsx_response([Sheet(...), Sheet(...)], filename=...)`.

Every download a screen offers is an `Exporter` class, declared in its app's `exporters`
module next to the query it calls (never in a view), and registered by `@register` under
an identifier ("members.badges_due"). A view only builds it from the request and returns
`exporter.response()`::

    @register
    class BadgeDueExporter(Exporter):
        identifier = "members.badges_due"
        verbose_name = _lazy("Đảng viên đến hạn trao huy hiệu")
        columns = [Column(...), ...]

        def __init__(self, *, user, organization, on):
            ...

        def sheets(self):
            return Sheet(self.title(), self.columns, badge_due_rows(...), organization=...)

        def filename(self):
            return _("Huy hiệu Đảng %(day)s.xlsx") % {...}

`EXPORTERS` lists every registered class (the tests check each one's columns).

Layout of every sheet: the title (bold, larger) in A1, then "Đơn vị: …" and "Ngày lập:
dd/mm/yyyy", a blank row, the bold header row, the data; panes frozen below the header,
an auto-filter on it, column widths fitted to the header and the first `SAMPLE_ROWS`
rows. Dates show as dd/mm/yyyy, numbers with Excel's grouping (shown 1.234.567 by a
Vietnamese Excel), percentages are numbers with a % format.

Memory stays bounded whatever the number of rows: openpyxl's write-only mode writes each
row to a temporary file as it comes, only the first `SAMPLE_ROWS` rows are held (to fit
the column widths, which must be known before the first row is written), and the
finished workbook is a temporary file streamed by a FileResponse. Text that looks like a
formula ("=HYPERLINK(…)") is written as text, never as a formula, and characters XML
cannot hold are dropped.
"""

import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from itertools import islice
from typing import IO, Any, TypeVar
from urllib.parse import quote

from django.db.models import QuerySet
from django.http import FileResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from core.text import fold

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHUNK_SIZE = 2000
SAMPLE_ROWS = 200
MIN_WIDTH, MAX_WIDTH = 6, 60

# Column kinds: how a value is written and shown.
TEXT = "text"
INTEGER = "integer"
DECIMAL = "decimal"
MONEY = "money"
PERCENT = "percent"
DATE = "date"
DATETIME = "datetime"
BOOLEAN = "boolean"

NUMBER_FORMATS = {
    TEXT: "General",
    INTEGER: "#,##0",
    DECIMAL: "#,##0.00",
    MONEY: "#,##0",
    PERCENT: "0.00%",  # two decimals, as the pages show them (core.documents.percent)
    DATE: "dd/mm/yyyy",
    DATETIME: "dd/mm/yyyy hh:mm",
    BOOLEAN: "General",
}
_NUMERIC = {INTEGER, DECIMAL, MONEY, PERCENT}
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Column:
    """One column: a Vietnamese header, where the value comes from, how it is shown.

    `accessor` is an attribute path ("organization.name", callables along the path are
    called, so "get_status_display" works), a key of a dict row (for `.values()`
    querysets), or a function of the row. `number_format` overrides the kind's format.
    """

    header: str | Promise
    accessor: str | Callable[[Any], Any]
    kind: str = TEXT
    width: float | None = None
    number_format: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in NUMBER_FORMATS:
            raise ValueError(f"Unknown column kind {self.kind!r}")

    @property
    def format(self) -> str:
        return self.number_format or NUMBER_FORMATS[self.kind]

    def value(self, row: Any) -> Any:
        if callable(self.accessor):
            return self.accessor(row)
        value = row
        for part in self.accessor.split("."):
            if value is None:
                return None
            if isinstance(value, Mapping):
                value = value.get(part)
            else:
                value = getattr(value, part, None)
            if callable(value):
                value = value()
        return value


@dataclass
class Sheet:
    """One table on its own worksheet, with the title block above it."""

    title: str | Promise
    columns: Sequence[Column]
    rows: Iterable[Any]
    organization: str | Promise | None = None
    made_on: date | None = None
    name: str | None = None  # the tab; defaults to the title
    notes: Sequence[str | Promise] = field(default_factory=tuple)


def _rows(rows: Iterable[Any]) -> Iterator[Any]:
    if isinstance(rows, QuerySet):
        return rows.iterator(chunk_size=CHUNK_SIZE)
    return iter(rows)


def _clean_text(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _convert(value: Any, column: Column) -> Any:
    """A Python value as openpyxl should store it for this column."""
    if value is None or value == "":
        return None
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.replace(tzinfo=None)
        if column.kind == DATE:
            return value.date()
        if column.kind != DATETIME:
            return value.strftime("%d/%m/%Y %H:%M")
        return value
    if isinstance(value, date):
        return value if column.kind in (DATE, DATETIME) else value.strftime("%d/%m/%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, int | float | Decimal):
        return value
    if column.kind in _NUMERIC:
        try:
            return Decimal(str(value))
        except ArithmeticError:
            pass
    return _clean_text(str(value))


def _display_width(value: Any, column: Column) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    if isinstance(value, int | float | Decimal):
        if column.kind == PERCENT:
            return 7
        digits = len(f"{value:,.2f}" if column.kind == DECIMAL else f"{value:,.0f}")
        return digits + 1
    return max((len(line) for line in str(value).splitlines()), default=0)


def safe_sheet_name(name: str | Promise, taken: set[str]) -> str:
    """A valid, unique worksheet name: at most 31 characters, none of []:*?/\\."""
    base = _SHEET_NAME_BAD.sub(" ", _clean_text(str(name))).strip(" '") or "Sheet"
    base = base[:31]
    candidate, number = base, 2
    while candidate.lower() in taken:
        suffix = f" ({number})"
        candidate = base[: 31 - len(suffix)] + suffix
        number += 1
    taken.add(candidate.lower())
    return candidate


class _Styles:
    title = Font(bold=True, size=14)
    subtitle = Font(italic=True)
    header = Font(bold=True)
    header_fill = PatternFill("solid", start_color="DDE4EE")
    header_border = Border(bottom=Side(style="thin"))
    header_alignment = Alignment(wrap_text=True, vertical="center")
    wrap = Alignment(vertical="top")


def _styled(
    ws: WriteOnlyWorksheet,
    value: Any,
    *,
    font: Font | None = None,
    fill: PatternFill | None = None,
    border: Border | None = None,
    alignment: Alignment | None = None,
    number_format: str | None = None,
) -> Cell:
    cell = WriteOnlyCell(ws, value=value)
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if border is not None:
        cell.border = border
    if alignment is not None:
        cell.alignment = alignment
    if number_format is not None:
        cell.number_format = number_format
    return cell


def write_sheet(workbook: Workbook, sheet: Sheet, taken_names: set[str] | None = None) -> int:
    """Append one sheet to a write-only workbook; returns the number of data rows."""
    taken = taken_names if taken_names is not None else set()
    ws = workbook.create_sheet(safe_sheet_name(sheet.name or sheet.title, taken))
    columns = list(sheet.columns)
    made_on = sheet.made_on or timezone.localdate()

    head: list[list[Cell | str]] = [
        [_styled(ws, _clean_text(str(sheet.title)), font=_Styles.title)]
    ]
    if sheet.organization:
        head.append(
            [_styled(ws, _("Đơn vị: %(org)s") % {"org": sheet.organization}, font=_Styles.subtitle)]
        )
    head.append(
        [
            _styled(
                ws,
                _("Ngày lập: %(day)s") % {"day": made_on.strftime("%d/%m/%Y")},
                font=_Styles.subtitle,
            )
        ]
    )
    head.extend([[_clean_text(str(note))] for note in sheet.notes])
    head.append([])
    header_row = len(head) + 1

    # Hold the first rows only, to fit the column widths before anything is written.
    source = _rows(sheet.rows)
    sample = [[_convert(c.value(row), c) for c in columns] for row in islice(source, SAMPLE_ROWS)]
    for index, column in enumerate(columns, 1):
        width = column.width
        if width is None:
            longest = max(
                [len(str(column.header))] + [_display_width(r[index - 1], column) for r in sample]
            )
            width = min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = f"A{header_row + 1}"

    for row in head:
        ws.append(row)
    ws.append(
        [
            _styled(
                ws,
                _clean_text(str(c.header)),
                font=_Styles.header,
                fill=_Styles.header_fill,
                border=_Styles.header_border,
                alignment=_Styles.header_alignment,
            )
            for c in columns
        ]
    )

    # One reusable cell per column: write-only rows are serialised as soon as appended.
    cells = [_styled(ws, None, number_format=c.format) for c in columns]

    plain = [c.format == "General" for c in columns]

    def emit(values: list[Any]) -> None:
        out: list[Any] = []
        for cell, is_plain, value in zip(cells, plain, values, strict=True):
            if value is None:
                out.append(None)
                continue
            if is_plain and not (isinstance(value, str) and value.startswith("=")):
                out.append(value)  # no style needed: cheaper for openpyxl
                continue
            cell.value = value
            if cell.data_type == "f":  # text starting with "=": keep it text
                cell.data_type = "s"
            out.append(cell)
        ws.append(out)

    count = 0
    for values in sample:
        emit(values)
        count += 1
    del sample
    for row in source:
        emit([_convert(c.value(row), c) for c in columns])
        count += 1

    if columns:
        last = get_column_letter(len(columns))
        ws.auto_filter.ref = f"A{header_row}:{last}{header_row + max(count, 1)}"
    return count


def build_workbook(sheets: Sheet | Sequence[Sheet], fileobj: IO[bytes]) -> list[int]:
    """Write the sheets as one XLSX into `fileobj`; returns the row count of each sheet."""
    if isinstance(sheets, Sheet):
        sheets = [sheets]
    workbook = Workbook(write_only=True)
    taken: set[str] = set()
    counts = [write_sheet(workbook, sheet, taken) for sheet in sheets]
    if not counts:
        workbook.create_sheet("Sheet")
    workbook.save(fileobj)
    return counts


def content_disposition(filename: str) -> str:
    """`attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266 / 5987)."""
    filename = re.sub(r"[\x00-\x1f\x7f\"\\/]", " ", str(filename)).strip() or "export"
    stem, dot, suffix = filename.rpartition(".")
    if not dot:
        stem, suffix = filename, ""
    ascii_stem = re.sub(r"[^A-Za-z0-9_-]+", "-", fold(stem)).strip("-") or "export"
    ascii_suffix = re.sub(r"[^A-Za-z0-9]+", "", suffix)
    ascii_name = f"{ascii_stem}.{ascii_suffix}" if ascii_suffix else ascii_stem
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def xlsx_response(sheets: Sheet | Sequence[Sheet], *, filename: str) -> FileResponse:
    """The workbook as a download, built in a temporary file and streamed from it."""
    filename = str(filename)
    if not filename.lower().endswith(".xlsx"):
        filename += ".xlsx"
    spool = tempfile.TemporaryFile(suffix=".xlsx")
    try:
        build_workbook(sheets, spool)
        size = spool.tell()
        spool.seek(0)
    except BaseException:
        spool.close()
        raise
    response = FileResponse(spool, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition(filename)
    response["Content-Length"] = str(size)
    return response


class Exporter:
    """One XLSX download: its columns, the query it streams, its file name.

    Subclasses declare `identifier` ("<app>.<what>"), `verbose_name`, usually `columns`,
    take what they need in `__init__` (the user, the organization, the filters: already
    scoped by the view's getter) and implement `sheets()` and `filename()`."""

    identifier: str = ""
    verbose_name: str | Promise = ""
    columns: Sequence[Column] = ()

    def sheets(self) -> Sheet | Sequence[Sheet]:
        raise NotImplementedError

    def filename(self) -> str:
        raise NotImplementedError

    def response(self) -> FileResponse:
        return xlsx_response(self.sheets(), filename=self.filename())


EXPORTERS: dict[str, type[Exporter]] = {}

_E = TypeVar("_E", bound=type[Exporter])


def register(exporter: _E) -> _E:
    """Add an Exporter class to `EXPORTERS` under its identifier (once)."""
    if not exporter.identifier:
        raise ValueError(f"{exporter.__name__} has no identifier.")
    known = EXPORTERS.get(exporter.identifier)
    if known is not None and known is not exporter:
        raise ValueError(f"Two exporters are named {exporter.identifier!r}.")
    EXPORTERS[exporter.identifier] = exporter
    return exporter


def export_xlsx(
    *,
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Any],
    filename: str,
    organization: str | None = None,
    made_on: date | None = None,
) -> FileResponse:
    """Shortcut for the common case: one list, one sheet."""
    sheet = Sheet(title, columns, rows, organization=organization, made_on=made_on)
    return xlsx_response(sheet, filename=filename)
