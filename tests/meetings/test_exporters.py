"""meetings.exporters: the compliance statistics (MTG-01..03) of a subtree as XLSX, built
directly (tests/meetings/views/test_statistics.py checks the download of a year through
the view and its scope)."""

from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from accounts.scope import org_read_filter_or_all
from core.exporters import EXPORTERS
from meetings.enums import AttendanceStatus, MeetingKind, MeetingState
from meetings.exporters import MeetingStatisticsExporter, cell_columns, summary_columns
from meetings.models import Attendance, Meeting
from meetings.queries.statistics.base import Period
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

# The first half of 2025: two quarters, so two thematic columns.
PERIOD = Period.months((2025, 1), (2025, 6))
SUMMARY_HEADERS = [
    "Loại hình chi bộ",
    "Số chi bộ",
    "Đủ 12 kỳ/năm (mọi tháng)",
    "Tỷ lệ Đủ 12 kỳ/năm (mọi tháng)",
    "9–11 kỳ/năm",
    "Tỷ lệ 9–11 kỳ/năm",
    "Dưới 9 kỳ/năm",
    "Tỷ lệ Dưới 9 kỳ/năm",
    "Chuyên đề Quý 1/2025",
    "Chuyên đề Quý 2/2025",
    "Chi bộ có quý không sinh hoạt chuyên đề",
    "Tỷ lệ dự sinh hoạt bình quân",
    "Buổi sinh hoạt có trên 85% dự",
    "Tỷ lệ buổi trên 85%",
    "Chi bộ đạt trên 85%",
    "Tỷ lệ chi bộ đạt trên 85%",
    "Lượt vắng không lý do",
]
CELL_HEADERS = [
    "Chi bộ",
    "Loại hình",
    "Số kỳ sinh hoạt định kỳ",
    "Số tháng phải sinh hoạt",
    "Nhóm",
    "Chuyên đề Quý 1/2025",
    "Chuyên đề Quý 2/2025",
    "Tỷ lệ dự sinh hoạt",
]
TITLE_PERIOD = "Từ tháng 01/2025 đến tháng 06/2025"


def _open(response):
    """Read the download, then close its spooled file as the server does once it is sent."""
    try:
        return load_workbook(BytesIO(b"".join(response.streaming_content)))
    finally:
        response.file_to_stream.close()


def _held(org, on, kind=MeetingKind.PERIODIC):
    return Meeting.objects.create(
        organization=org, kind=kind, planned_on=on, state=MeetingState.HELD, held_on=on
    )


def _attend(meeting, members, absent=()):
    Attendance.objects.bulk_create(
        Attendance(
            meeting=meeting,
            member=m,
            status=AttendanceStatus.UNEXCUSED if m in absent else AttendanceStatus.PRESENT,
        )
        for m in members
    )


@pytest.fixture
def data(tree):
    """cell_a: a periodic meeting every month (January 3 of 4 present, February 4 of 4,
    no roll call after) and a thematic one in February; cell_b: January to May only."""
    cell_a, cell_b = tree["cell_a"], tree["cell_b"]
    people = [MemberFactory(organization=cell_a) for _ in range(4)]
    for month in range(1, 7):
        meeting = _held(cell_a, date(2025, month, 5))
        if month == 1:
            _attend(meeting, people, absent=people[:1])
        elif month == 2:
            _attend(meeting, people)
    _held(cell_a, date(2025, 2, 20), MeetingKind.THEMATIC)
    for month in range(1, 6):
        _held(cell_b, date(2025, month, 5))
    return tree


def test_registered_under_its_identifier():
    assert EXPORTERS["meetings.statistics"] is MeetingStatisticsExporter


def test_columns_follow_the_quarters_of_the_period(tree):
    exporter = MeetingStatisticsExporter(organization=tree["commune"], period=PERIOD, within=None)
    assert [str(c.header) for c in exporter.columns] == SUMMARY_HEADERS
    assert [str(c.header) for c in summary_columns(PERIOD.quarters)] == SUMMARY_HEADERS
    assert [str(c.header) for c in cell_columns(PERIOD.quarters)] == CELL_HEADERS
    year = summary_columns(Period.year(2025).quarters)
    assert [str(c.header) for c in year].count("Chuyên đề Quý 4/2025") == 1


def test_statistics_workbook(data):
    exporter = MeetingStatisticsExporter(organization=data["commune"], period=PERIOD, within=None)
    response = exporter.response()
    assert response["Content-Disposition"] == (
        'attachment; filename="thong-ke-sinh-hoat-chi-bo.xlsx"; '
        "filename*=UTF-8''Thong%20ke%20sinh%20hoat%20chi%20bo.xlsx"
    )
    workbook = _open(response)
    assert workbook.sheetnames == ["Tổng hợp", "Chi bộ"]
    summary, cells = workbook.worksheets

    assert summary["A1"].value == f"Sinh hoạt chi bộ: {TITLE_PERIOD}"
    assert summary["A2"].value == "Đơn vị: Đảng bộ xã Tân Lập"
    assert summary["A3"].value == "Ngày lập: 07/12/2026"
    assert summary["A4"].value.startswith("Tỷ lệ dự sinh hoạt: số có mặt trên số phải dự")
    assert summary["A5"].value.startswith("Đạt chỉ tiêu: trên 85%")
    assert [c.value for c in summary[7]] == SUMMARY_HEADERS
    # Both cells are rural villages: cell_a met every month (full), cell_b 5 of 6 (mid:
    # 5 × 4 ≥ 6 × 3); one thematic meeting in Q1, none in Q2 (both cells have a gap);
    # attendance 7 of 8; one meeting of two above 85% (January is 75%); cell_a above
    # 85% over the period (7/8), cell_b not measured; one unexcused absence.
    figures = [2, 1, 0.5, 1, 0.5, 0, 0, 1, 0, 2, 0.875, 1, 0.5, 1, 1, 1]
    assert [[c.value for c in row] for row in summary.iter_rows(min_row=8)] == [
        ["Thôn, bản, ấp", *figures],
        ["Tổng cộng", *figures],
    ]

    assert cells["A1"].value == f"Danh sách chi bộ: {TITLE_PERIOD}"
    assert cells["A2"].value == "Đơn vị: Đảng bộ xã Tân Lập"
    assert [c.value for c in cells[5]] == CELL_HEADERS
    assert [[c.value for c in row] for row in cells.iter_rows(min_row=6)] == [
        ["Chi bộ thôn Nà Phát", "Thôn, bản, ấp", 6, 6, "Đủ 12 kỳ/năm (mọi tháng)", 1, 0, 0.875],
        ["Chi bộ thôn Khau Khoang", "Thôn, bản, ấp", 5, 6, "9–11 kỳ/năm", 0, 0, None],
    ]


def test_the_reader_scope_narrows_both_sheets(data, secretary):
    """cell_a's secretary, asking for the commune, sees cell_a only."""
    exporter = MeetingStatisticsExporter(
        organization=data["commune"], period=PERIOD, within=org_read_filter_or_all(secretary)
    )
    summary, cells = _open(exporter.response()).worksheets
    total = next(row for row in summary.iter_rows(min_row=8, values_only=True))
    assert total[:4] == ("Thôn, bản, ấp", 1, 1, 1)
    assert [row[0] for row in cells.iter_rows(min_row=6, values_only=True)] == [
        "Chi bộ thôn Nà Phát"
    ]
