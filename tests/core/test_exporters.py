"""The XLSX export framework: layout, formats, file name, streaming large querysets."""

import weakref
from datetime import date, datetime, timedelta
from decimal import Decimal
from io import BytesIO
from types import SimpleNamespace
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import pytest
from django.db.models import QuerySet
from openpyxl import load_workbook

from core import calendar, exporters
from core.exporters import (
    DATE,
    DATETIME,
    DECIMAL,
    INTEGER,
    MONEY,
    PERCENT,
    Column,
    Sheet,
    build_workbook,
    content_disposition,
    export_xlsx,
    safe_sheet_name,
    xlsx_response,
)
from core.models import DayKind, PublicHoliday

COLUMNS = [
    Column("Họ và tên", "full_name"),
    Column("Ngày sinh", "born", DATE),
    Column("Chi bộ", "cell.name"),
    Column("Số đảng viên", "members", INTEGER),
    Column("Đảng phí (đồng)", "dues", MONEY),
    Column("Tỷ lệ dự họp", "rate", PERCENT),
    Column("Điểm", lambda row: row.score, DECIMAL),
    Column("Đang sinh hoạt", "active"),
    Column("Cập nhật", "updated", DATETIME),
]


def _row(i=0, **overrides):
    values = {
        "full_name": "Nguyễn Văn Đức",
        "born": date(1980, 3, 5),
        "cell": SimpleNamespace(name="Chi bộ thôn Nà Lầu"),
        "members": 1234567 + i,
        "dues": Decimal("6000"),
        "rate": 0.984,
        "score": Decimal("8.75"),
        "active": True,
        "updated": datetime(2026, 2, 13, 23, 30, tzinfo=ZoneInfo("UTC")),
    }
    values.update(overrides)
    return SimpleNamespace(**values)


def _open(response, **options):
    """Read the download, then close its spooled file as the server does once it is sent
    (response.close() would also fire request_finished, which needs the database)."""
    try:
        return load_workbook(BytesIO(b"".join(response.streaming_content)), **options)
    finally:
        response.file_to_stream.close()


@pytest.fixture(autouse=True)
def _fresh_calendar_cache():
    yield
    calendar.clear_cache()


def test_layout_headers_and_formats():
    response = export_xlsx(
        title="Danh sách đảng viên",
        columns=COLUMNS,
        rows=[_row(), _row(1, born=None, full_name='=HYPERLINK("http://x")')],
        filename="Danh sách đảng viên.xlsx",
        organization="Đảng bộ xã Tân Lập",
        made_on=date(2026, 3, 5),
    )
    assert response["Content-Type"] == exporters.XLSX_CONTENT_TYPE
    ws = _open(response).active
    assert ws.title == "Danh sách đảng viên"
    assert ws["A1"].value == "Danh sách đảng viên"
    assert ws["A1"].font.b
    assert ws["A2"].value == "Đơn vị: Đảng bộ xã Tân Lập"
    assert ws["A3"].value == "Ngày lập: 05/03/2026"
    headers = [cell.value for cell in ws[5]]
    assert headers == [c.header for c in COLUMNS]
    assert all(cell.font.b for cell in ws[5])
    assert ws.freeze_panes == "A6"
    assert ws.auto_filter.ref == "A5:I7"

    name, born, cell, members, dues, rate, score, active, updated = ws[6]
    assert name.value == "Nguyễn Văn Đức"
    assert born.value == datetime(1980, 3, 5) and born.is_date
    assert born.number_format == "dd/mm/yyyy"
    assert cell.value == "Chi bộ thôn Nà Lầu"
    assert members.value == 1234567 and members.number_format == "#,##0"
    assert dues.value == 6000 and dues.number_format == "#,##0"
    assert rate.value == pytest.approx(0.984) and rate.number_format == "0.00%"
    assert score.value == pytest.approx(8.75) and score.number_format == "#,##0.00"
    assert active.value == "Có"
    assert updated.value == datetime(2026, 2, 14, 6, 30)  # local time, Asia/Ho_Chi_Minh
    assert updated.number_format == "dd/mm/yyyy hh:mm"

    second = ws[7]
    assert second[0].value == '=HYPERLINK("http://x")'
    assert second[0].data_type == "s"  # text, never a formula
    assert second[1].value is None

    widths = {k: v.width for k, v in ws.column_dimensions.items()}
    assert widths["A"] >= len('=HYPERLINK("http://x")')
    assert widths["C"] >= len("Chi bộ thôn Nà Lầu")
    assert widths["B"] >= len("dd/mm/yyyy")


def test_a_percentage_is_the_fraction_shown_with_two_decimals_as_on_the_pages():
    """36,12% on a page (core.documents.percent) is 0.3612 in the sheet, shown 36.12%:
    the number itself, never text, with one format for every percentage."""
    assert exporters.NUMBER_FORMATS[PERCENT] == "0.00%"
    response = export_xlsx(
        title="Tỷ lệ",
        columns=[Column("Tỷ lệ", "rate", PERCENT), Column("Tỷ lệ", "exact", PERCENT)],
        rows=[{"rate": 0.3612, "exact": Decimal("0.3612")}],
        filename="Tỷ lệ.xlsx",
        organization="Đảng bộ xã Tân Lập",
        made_on=date(2026, 3, 5),
    )
    ws = _open(response).active
    assert [c.value for c in ws[5]] == ["Tỷ lệ", "Tỷ lệ"]
    float_cell, decimal_cell = ws[6]
    for cell in (float_cell, decimal_cell):
        assert cell.data_type == "n"
        assert cell.value == pytest.approx(0.3612)
        assert cell.number_format == "0.00%"


@pytest.mark.django_db
def test_dict_rows_and_values_querysets():
    columns = [Column("Ngày", "date", DATE), Column("Tên", "name"), Column("Loại", "kind")]
    rows = PublicHoliday.objects.filter(date__year=2026).values("date", "name", "kind")
    ws = _open(
        xlsx_response(Sheet("Lịch nghỉ lễ 2026", columns, rows), filename="lich.xlsx")
    ).active
    dates = [row[0].value for row in ws.iter_rows(min_row=5) if row[0].value]
    assert datetime(2026, 2, 17) in dates
    # No organization given: title, date, a blank row, then the header.
    assert ws["A2"].value.startswith("Ngày lập: ") and ws["A3"].value is None
    assert [c.value for c in ws[4]] == ["Ngày", "Tên", "Loại"]


def test_filename_is_vietnamese_safe():
    header = content_disposition("Danh sách đảng viên – Chi bộ Nà Lầu.xlsx")
    assert header.startswith('attachment; filename="danh-sach-dang-vien-chi-bo-na-lau.xlsx"; ')
    encoded = header.split("filename*=UTF-8''", 1)[1]
    assert unquote(encoded) == "Danh sách đảng viên – Chi bộ Nà Lầu.xlsx"
    assert encoded.isascii() and " " not in encoded
    hostile = content_disposition('a"b\r\nSet-Cookie: x=1.xlsx')
    assert "\r" not in hostile and "\n" not in hostile
    assert 'filename="a-b-set-cookie-x-1.xlsx"' in hostile


def test_xlsx_suffix_is_added():
    response = export_xlsx(title="Báo cáo", columns=COLUMNS[:1], rows=[], filename="Báo cáo")
    assert 'filename="bao-cao.xlsx"' in response["Content-Disposition"]
    ws = _open(response).active
    assert ws.auto_filter.ref == "A4:A5"


def test_several_sheets_make_an_annex():
    sheets = [
        Sheet("Phụ lục 1: Số lượng đảng viên", COLUMNS, [_row()], name="Phụ lục 1"),
        Sheet("Phụ lục 2: Kết quả/xếp loại [2025]", COLUMNS[:2], [_row(), _row()]),
        Sheet("Phụ lục 2: Kết quả/xếp loại [2025]", COLUMNS[:1], []),
    ]
    buffer = BytesIO()
    assert build_workbook(sheets, buffer) == [1, 2, 0]
    workbook = load_workbook(BytesIO(buffer.getvalue()))
    names = workbook.sheetnames
    assert names[0] == "Phụ lục 1"
    assert len(names) == 3 and len(set(names)) == 3
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)
    assert workbook[names[1]]["A1"].value == "Phụ lục 2: Kết quả/xếp loại [2025]"


def test_safe_sheet_name():
    taken = set()
    assert safe_sheet_name("Danh sách", taken) == "Danh sách"
    assert safe_sheet_name("danh sách", taken) == "danh sách (2)"
    assert len(safe_sheet_name("x" * 40, taken)) == 31


def test_illegal_characters_are_dropped():
    ws = _open(
        export_xlsx(
            title="Tiêu đề\x07",
            columns=[Column("Tên", "full_name")],
            rows=[_row(full_name="Lê\x00 Văn\x1b An")],
            filename="x.xlsx",
        )
    ).active
    assert ws["A1"].value == "Tiêu đề"
    assert ws["A5"].value == "Lê Văn An"


@pytest.mark.django_db
def test_ten_thousand_rows_stream_from_a_queryset(monkeypatch):
    start = date(1950, 1, 1)
    PublicHoliday.objects.bulk_create(
        PublicHoliday(date=start + timedelta(days=i), name=f"Ngày thử {i}", kind=DayKind.EXTRA)
        for i in range(10_000)
    )
    queryset = PublicHoliday.objects.filter(date__lt=date(2000, 1, 1)).order_by("date")

    chunk_sizes = []
    real_iterator = QuerySet.iterator

    def spy(self, chunk_size=None):
        chunk_sizes.append(chunk_size)
        return real_iterator(self, chunk_size=chunk_size)

    modes = []
    real_workbook = exporters.Workbook

    def workbook(*args, **kwargs):
        modes.append(kwargs.get("write_only"))
        return real_workbook(*args, **kwargs)

    monkeypatch.setattr(QuerySet, "iterator", spy)
    monkeypatch.setattr(exporters, "Workbook", workbook)
    columns = [
        Column("Ngày", "date", DATE),
        Column("Tên", "name"),
        Column("Loại", "get_kind_display"),
        Column("Số", "pk", INTEGER),
    ]
    response = export_xlsx(title="Thử", columns=columns, rows=queryset, filename="thu.xlsx")
    assert chunk_sizes == [exporters.CHUNK_SIZE]
    assert modes == [True]
    ws = _open(response, read_only=True).active
    rows = ws.iter_rows(min_row=5, values_only=True)
    first = next(rows)
    assert first[0] == datetime(1950, 1, 1)
    assert first[2] == "Nghỉ thêm hoặc hoán đổi"
    assert 1 + sum(1 for _ in rows) == 10_000


class _Row:
    """A row that can be watched with a weak reference (hashed by identity)."""

    def __init__(self, **values: object) -> None:
        self.__dict__.update(values)


def test_rows_are_not_held_in_memory():
    live = weakref.WeakSet()
    most = 0

    def rows():
        nonlocal most
        for i in range(10_000):
            most = max(most, len(live))
            row = _Row(**vars(_row(i)))
            live.add(row)
            yield row

    buffer = BytesIO()
    assert build_workbook(Sheet("Thử", COLUMNS, rows()), buffer) == [10_000]
    # Rows are let go as soon as they are written (the width sample keeps values only).
    assert most <= exporters.SAMPLE_ROWS + 1
    ws = load_workbook(BytesIO(buffer.getvalue()), read_only=True).active
    assert sum(1 for _ in ws.iter_rows(min_row=5)) == 10_000


# --- Exporter classes and their registry ------------------------------------------------------


class _DaysExporter(exporters.Exporter):
    identifier = "tests.days"
    verbose_name = "Ngày"
    columns = [exporters.Column("Ngày", "day", exporters.DATE)]

    def __init__(self, *, days):
        self.days = days

    def sheets(self):
        return exporters.Sheet("Các ngày", self.columns, [{"day": d} for d in self.days])

    def filename(self):
        return "Các ngày.xlsx"


def test_an_exporter_answers_with_its_workbook():
    response = _DaysExporter(days=[date(2026, 12, 7)]).response()
    assert unquote(response["Content-Disposition"]).endswith("Các ngày.xlsx")
    sheet = _open(response).active
    assert sheet["A4"].value == "Ngày"
    assert sheet["A5"].value.date() == date(2026, 12, 7)


def test_register_keeps_one_class_per_identifier(monkeypatch):
    monkeypatch.setattr(exporters, "EXPORTERS", {})
    assert exporters.register(_DaysExporter) is _DaysExporter
    assert exporters.register(_DaysExporter) is _DaysExporter  # the same class again: fine
    assert exporters.EXPORTERS == {"tests.days": _DaysExporter}

    class Other(_DaysExporter):
        pass

    with pytest.raises(ValueError, match="Two exporters are named 'tests.days'"):
        exporters.register(Other)

    class Nameless(exporters.Exporter):
        pass

    with pytest.raises(ValueError, match="Nameless has no identifier"):
        exporters.register(Nameless)


def test_every_registered_exporter_is_named_after_its_app_and_has_columns():
    """The apps' exporters register when their modules load (the URLconf imports the views
    that use them)."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (loads every view module)
    assert exporters.EXPORTERS, "no exporter registered"
    for identifier, exporter in exporters.EXPORTERS.items():
        app = identifier.split(".")[0]
        assert exporter.__module__.split(".")[0] == app, identifier
        assert exporter.verbose_name, identifier
