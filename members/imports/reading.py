"""Opening an uploaded spreadsheet safely and streaming its rows.

Everything that is wrong with the file as a whole (not an XLSX, truncated, too big, no
sheet of the layout, a header that does not match, merged cells, too many rows) raises
`FileProblem` with one Vietnamese message; nothing here writes to the database.

The workbook is opened with openpyxl `read_only=True, data_only=True`: rows are parsed
as they are iterated (memory stays flat), and a formula gives its last computed value,
never the formula. A text cell that starts with "=" is plain text.
"""

import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from django.utils.translation import gettext as _
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.worksheet._reader import INLINE_STRING, ROW_TAG, WorkSheetParser
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

from core.text import fold

from .layout import MAX_FILE_BYTES, MAX_ROWS, MAX_UNPACKED_BYTES, Col
from .strings import SharedStrings

BYTES_PER_ROW_GUESS = 400  # a member row of the layout is 600-1,500 bytes of XML
HEADER_SEARCH_ROWS = 10  # an export has a title block above the header row
_MERGE_RE = re.compile(rb"<(?:\w+:)?mergeCell\b")
_SCAN_CHUNK = 1 << 20


class FileProblem(Exception):
    """The file cannot be read as the import layout; the message says why, in Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _mib(n: int) -> str:
    return f"{n // (1024 * 1024)} MB"


def check_file(path: str | Path) -> None:
    """Size, type and integrity checks before openpyxl sees the file."""
    path = Path(path)
    size = path.stat().st_size
    if size == 0:
        raise FileProblem(_("Tệp rỗng."))
    if size > MAX_FILE_BYTES:
        raise FileProblem(
            _("Tệp quá lớn (tối đa %(max)s). Hãy chia thành nhiều tệp.")
            % {"max": _mib(MAX_FILE_BYTES)}
        )
    with path.open("rb") as fh:
        magic = fh.read(4)
    if magic[:2] == b"\xd0\xcf":
        raise FileProblem(
            _("Đây là tệp Excel cũ (.xls). Hãy mở bằng Excel và lưu lại dưới dạng .xlsx.")
        )
    if magic != b"PK\x03\x04":
        raise FileProblem(_("Tệp không phải là bảng tính Excel (.xlsx)."))
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise FileProblem(
            _("Tệp .xlsx bị hỏng hoặc không đầy đủ (có thể tải lên bị gián đoạn).")
        ) from exc
    if "xl/workbook.xml" not in names:
        raise FileProblem(_("Tệp không phải là bảng tính Excel (.xlsx)."))
    if unpacked > MAX_UNPACKED_BYTES:
        raise FileProblem(
            _("Tệp quá lớn khi giải nén (tối đa %(max)s).") % {"max": _mib(MAX_UNPACKED_BYTES)}
        )


class Sheet:
    """One worksheet of a `Book`: its title and the path of its XML in the archive."""

    def __init__(self, book: "Book", title: str, xml_path: str):
        self.parent, self.title, self._worksheet_path = book, title, xml_path
        self._shared_strings = book.shared_strings


class Book:
    """What the import needs of a workbook, read with openpyxl's own reader steps.

    openpyxl's `load_workbook(read_only=True)` sizes every sheet when it opens the file,
    which, for a sheet without a dimension tag (openpyxl's own write-only files), parses
    the whole sheet once more before the rows are read. This reads the manifest, the
    shared strings (as a stream, into a temporary database: `strings.SharedStrings`), the
    workbook part and the styles (for date formats) only.
    """

    def __init__(self, path):
        reader = ExcelReader(str(path), read_only=True, data_only=True)
        self.shared_strings: SharedStrings | list = []
        self._archive = reader.archive
        try:
            reader.read_manifest()
            self.shared_strings = self._read_strings(reader)
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)
            wb = reader.wb
            self.epoch = wb.epoch
            self._date_formats = wb._date_formats
            self._timedelta_formats = wb._timedelta_formats
            self.worksheets = [
                Sheet(self, sheet.name, rel.target)
                for sheet, rel in reader.parser.find_sheets()
                if rel.target in set(self._archive.namelist())
            ]
        except BaseException:
            self.close()
            raise

    def _read_strings(self, reader) -> SharedStrings | list:
        """As openpyxl's `ExcelReader.read_strings`, into a `SharedStrings` on disk."""
        part = reader.package.find(SHARED_STRINGS)
        if part is None:
            return []
        with self._archive.open(part.PartName[1:]) as src:
            return SharedStrings(src)

    def close(self) -> None:
        self._archive.close()
        if isinstance(self.shared_strings, SharedStrings):
            self.shared_strings.close()


def open_workbook(path: str | Path) -> Book:
    check_file(path)
    try:
        return Book(path)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise FileProblem(_("Tệp .xlsx bị hỏng, không đọc được nội dung.")) from exc


def find_sheet(workbook, name: str):
    wanted = fold(name)
    for ws in workbook.worksheets:
        if fold(ws.title) == wanted:
            return ws
    return None


def check_no_merged_cells(ws, sheet_name: str) -> None:
    """Merged cells hide values in every cell but the first: refuse them outright.

    Read-only worksheets do not parse <mergeCells>; scan the sheet's XML for them (one
    streaming pass, a fraction of the parse time).
    """
    archive = ws.parent._archive
    tail = b""
    with archive.open(ws._worksheet_path) as fh:
        while chunk := fh.read(_SCAN_CHUNK):
            if _MERGE_RE.search(tail + chunk):
                raise FileProblem(
                    _(
                        "Trang tính “%(sheet)s” có ô gộp (merge). Hãy bỏ gộp ô để mỗi ô "
                        "có giá trị riêng rồi tải lên lại."
                    )
                    % {"sheet": sheet_name}
                )
            tail = chunk[-32:]


_DIMENSION_RE = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"[A-Z]+\d+(?::[A-Z]+(\d+))?\"")


def estimated_rows(ws) -> int | None:
    """Rows announced by the sheet's dimension tag (None when the file does not say).

    Only the start of the sheet's XML is read: the tag, when there is one, comes first.
    """
    try:
        with ws.parent._archive.open(ws._worksheet_path) as fh:
            head = fh.read(4096)
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    m = _DIMENSION_RE.search(head)
    if m is None:
        return None
    return int(m.group(1)) if m.group(1) else 1


def rows_guess(ws) -> int:
    """Rows to expect, for choosing inline or background work: the dimension tag, or,
    for files without one (openpyxl's write-only files), the XML size over
    `BYTES_PER_ROW_GUESS`."""
    announced = estimated_rows(ws)
    if announced is not None:
        return announced
    try:
        size = ws.parent._archive.getinfo(ws._worksheet_path).file_size
    except KeyError:
        return 0
    return size // BYTES_PER_ROW_GUESS


_TEXT_TAG = f"{{{SHEET_MAIN_NS}}}t"
_SHEET_DATA_TAG = f"{{{SHEET_MAIN_NS}}}sheetData"


class _Parser(WorkSheetParser):
    """openpyxl's sheet parser with a fast path for inline strings.

    Files written by openpyxl (and by many exporters) store text as inline strings, which
    openpyxl turns into rich-text objects first: two thirds of the reading time. Here the
    text is the concatenation of the <t> elements, as Excel shows it.
    """

    def parse(self):
        """(row number, cells) of each <row>, as openpyxl's `parse`, in flat memory.

        openpyxl clears each parsed <row> but leaves it in <sheetData>, and keeps the
        attributes of every row that has a height or a style in `row_dimensions`: about
        70 bytes a row that stay until the end. Here each row is removed once parsed,
        and the sheet's other parts (print setup, views…), which the import does not
        use, are not parsed at all.
        """
        parent = None
        for event, element in iterparse(self.source, events=("start", "end")):
            if event == "start":
                if element.tag == _SHEET_DATA_TAG:
                    parent = element
                continue
            if element.tag == ROW_TAG:
                row = self.parse_row(element)
                self.row_dimensions.clear()
                if parent is not None:
                    parent.remove(element)
                else:
                    element.clear()
                yield row

    def parse_cell(self, element):
        if element.get("t") != "inlineStr":
            return super().parse_cell(element)
        coordinate = element.get("r")
        if coordinate:
            row, column = _coordinate(coordinate)
            self.col_counter = column
        else:
            self.col_counter += 1
            row, column = self.row_counter, self.col_counter
        child = element.find(INLINE_STRING)
        value = None
        if child is not None:
            value = "".join(t.text or "" for t in child.iter(_TEXT_TAG))
        return {"row": row, "column": column, "value": value, "data_type": "s", "style_id": 0}


def _coordinate(coordinate: str) -> tuple[int, int]:
    column = 0
    for index, ch in enumerate(coordinate):
        if ch.isdigit():
            return int(coordinate[index:]), column
        column = column * 26 + (ord(ch.upper()) - 64)
    raise ValueError(coordinate)


def _rows(ws) -> Iterator[tuple[int, list]]:
    """(row number, values by column from A) of every row the sheet's XML holds."""
    workbook = ws.parent
    with workbook._archive.open(ws._worksheet_path) as src:
        parser = _Parser(
            src,
            ws._shared_strings,
            data_only=True,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        for number, cells in parser.parse():
            if not cells:
                continue
            values = [None] * max(c["column"] for c in cells)
            for c in cells:
                values[c["column"] - 1] = c["value"]
            yield number, values


def _header_key(value) -> str:
    return fold(str(value)) if value is not None else ""


def iter_sheet(ws, sheet_name: str, columns: tuple[Col, ...]) -> Iterator[tuple[int, list]]:
    """(row number, values in layout order) for every non-empty row below the header.

    The header row is the first of the top `HEADER_SEARCH_ROWS` rows that holds the
    layout's first column name; every column of the layout must be there (in any order),
    and no column that the layout does not know.
    """
    expected = {fold(c.header): i for i, c in enumerate(columns)}
    first = fold(columns[0].header)
    announced = estimated_rows(ws)
    if announced is not None and announced > MAX_ROWS + HEADER_SEARCH_ROWS:
        raise _too_many(sheet_name)
    # Iterate what is really there (never the dimension tag: a wrong one would cut rows
    # off, or pad a million empty ones).
    rows = _rows(ws)
    positions = None
    for number, row in rows:
        if number > HEADER_SEARCH_ROWS:
            break
        keys = [_header_key(v) for v in row]
        if first in keys:
            positions = _match_header(keys, expected, columns, sheet_name)
            break
    if positions is None:
        raise FileProblem(
            _(
                "Trang tính “%(sheet)s” không có dòng tiêu đề của mẫu (cột “%(first)s” ở "
                "dòng 1). Hãy dùng tệp mẫu tải về từ trang nhập."
            )
            % {"sheet": sheet_name, "first": columns[0].header}
        )
    width = len(columns)
    count = 0
    for number, row in rows:
        values = [None] * width
        empty = True
        for source, target in positions:
            if source < len(row):
                value = row[source]
                if value is not None and not (isinstance(value, str) and not value.strip()):
                    values[target] = value
                    empty = False
        if empty:
            continue
        count += 1
        if count > MAX_ROWS:
            raise _too_many(sheet_name)
        yield number, values


def _too_many(sheet_name: str) -> FileProblem:
    return FileProblem(
        _("Trang tính “%(sheet)s” có quá %(max)s dòng. Hãy chia thành nhiều tệp.")
        % {"sheet": sheet_name, "max": f"{MAX_ROWS:,}".replace(",", ".")}
    )


def _match_header(keys, expected, columns, sheet_name) -> list[tuple[int, int]]:
    positions: list[tuple[int, int]] = []
    seen: set[int] = set()
    unknown: list[str] = []
    for source, key in enumerate(keys):
        if not key:
            continue
        target = expected.get(key)
        if target is None or target in seen:
            unknown.append(key)
            continue
        seen.add(target)
        positions.append((source, target))
    missing = [c.header for i, c in enumerate(columns) if i not in seen]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(_("thiếu cột %(cols)s") % {"cols": ", ".join(f"“{m}”" for m in missing)})
        if unknown:
            parts.append(
                _("có cột không thuộc mẫu hoặc bị lặp (%(cols)s)")
                % {"cols": ", ".join(f"“{u}”" for u in unknown[:5])}
            )
        raise FileProblem(
            _("Dòng tiêu đề của trang tính “%(sheet)s” không khớp mẫu: %(what)s.")
            % {"sheet": sheet_name, "what": "; ".join(parts)}
        )
    return positions


# --- Cell values ---------------------------------------------------------------------

_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")


class CellError(ValueError):
    pass


def parse_date(value) -> date:
    """A real Excel date, or text dd/mm/yyyy (also with . or -), or yyyy-mm-dd."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float):
        raise CellError(
            _("“%(value)s” không phải là ngày; hãy nhập ngày/tháng/năm, ví dụ 05/03/1980.")
            % {"value": value}
        )
    text = str(value).strip()
    if m := _DMY.match(text):
        day, month, year = (int(g) for g in m.groups())
        try:
            return date(year, month, day)
        except ValueError:
            if month > 12 and day <= 12:
                raise CellError(
                    _(
                        "Ngày “%(value)s” không hợp lệ: có vẻ được ghi theo tháng/ngày/năm; "
                        "hãy ghi theo ngày/tháng/năm."
                    )
                    % {"value": text}
                ) from None
            raise CellError(_("Ngày “%(value)s” không tồn tại.") % {"value": text}) from None
    if m := _YMD.match(text):
        year, month, day = (int(g) for g in m.groups())
        try:
            return date(year, month, day)
        except ValueError:
            raise CellError(_("Ngày “%(value)s” không tồn tại.") % {"value": text}) from None
    raise CellError(
        _("Không đọc được ngày “%(value)s”; hãy nhập ngày/tháng/năm, ví dụ 05/03/1980.")
        % {"value": text[:40]}
    )


def as_text(value) -> str:
    """Cell → text: whole numbers without ".0", dates as dd/mm/yyyy, spaces collapsed."""
    if isinstance(value, bool):
        return _("Có") if value else ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return " ".join(str(value).split())
