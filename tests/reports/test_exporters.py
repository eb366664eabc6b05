"""reports.exporters: the STA-01 tables of a subtree on a day as XLSX, one sheet per table
with its total row, built directly (tests/reports/views/test_membership.py checks the
download's scope and the sex table of the larger `dataset`)."""

from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from core.exporters import EXPORTERS
from members.enums import MemberStatus, Sex
from reports.exporters import MembershipExporter
from reports.queries.membership import TABLES

from .conftest import member

pytestmark = pytest.mark.django_db

ON = date(2025, 6, 30)
HEADERS = ["Chỉ tiêu", "Số lượng", "Tỷ lệ"]
TITLES = [str(title) for _key, title, _function in TABLES]
KEYS = [key for key, _title, _function in TABLES]


def _open(response):
    """Read the download, then close its spooled file as the server does once it is sent."""
    try:
        return load_workbook(BytesIO(b"".join(response.streaming_content)))
    finally:
        response.file_to_stream.close()


def _sheet(workbook, key):
    return workbook.worksheets[KEYS.index(key)]


def _body(ws):
    return [[c.value for c in row] for row in ws.iter_rows(min_row=6)]


@pytest.fixture
def three(tree):
    """cell_a on 30/06/2025: two full members (a man, a woman) and a probationary woman
    admitted in 2025; a man who joins in July is not counted yet."""
    cell_a = tree["cell_a"]
    member(cell_a, "Nguyễn Văn Một", sex=Sex.MALE, full_member_on=date(2011, 1, 1))
    member(cell_a, "Trần Thị Hai", sex=Sex.FEMALE, full_member_on=date(2012, 1, 1))
    member(
        cell_a,
        "Lê Thị Ba",
        sex=Sex.FEMALE,
        status=MemberStatus.PROBATIONARY,
        admitted_on=date(2025, 1, 5),
        starts_on=date(2025, 1, 5),
    )
    member(tree["cell_b"], "Đinh Văn Muộn", starts_on=date(2025, 7, 1))
    return tree


def test_registered_under_its_identifier():
    assert EXPORTERS["reports.membership"] is MembershipExporter
    assert [str(c.header) for c in MembershipExporter.columns] == HEADERS


def test_one_sheet_per_table(three):
    response = MembershipExporter(organization=three["grassroots"], on=ON).response()
    assert response["Content-Disposition"] == (
        'attachment; filename="thong-ke-dang-vien-30-06-2025.xlsx"; '
        "filename*=UTF-8''Th%E1%BB%91ng%20k%C3%AA%20%C4%91%E1%BA%A3ng%20vi%C3%AAn"
        "%2030-06-2025.xlsx"
    )
    workbook = _open(response)
    # The tabs are the tables' titles, cut to Excel's 31 characters.
    assert workbook.sheetnames == [title[:31] for title in TITLES]
    assert len(workbook.worksheets) == 12
    for ws, title in zip(workbook.worksheets, TITLES, strict=True):
        assert ws["A1"].value == f"{title} (đến ngày 30/06/2025)"
        assert ws["A2"].value == "Đơn vị: Đảng bộ Trường THPT Tân Lập"
        assert ws["A3"].value == "Ngày lập: 07/12/2026"
        assert [c.value for c in ws[5]] == HEADERS
        assert _body(ws)[-1][0] == "Tổng số"

    status = _sheet(workbook, "status")
    assert _body(status) == [
        ["Dự bị", 1, pytest.approx(1 / 3)],
        ["Chính thức", 2, pytest.approx(2 / 3)],
        ["Tổng số", 3, 1],
    ]
    sex = _sheet(workbook, "sex")
    assert _body(sex) == [
        ["Nam", 1, pytest.approx(1 / 3)],
        ["Nữ", 2, pytest.approx(2 / 3)],
        ["Tổng số", 3, 1],
    ]
    # Below the grassroots committee: its two cells, both "chi bộ trực thuộc".
    kinds = _sheet(workbook, "org_kind")
    assert _body(kinds) == [["Chi bộ trực thuộc", 2, 1], ["Tổng số", 2, 1]]
    assert status["B6"].number_format == "#,##0"
    assert status["C6"].number_format == "0.00%"


def test_a_subtree_without_members_has_no_shares(three):
    """cell_b on 30/06/2025: nobody yet; no share is invented (empty cells), and a cell
    has no organization below it (the total row alone)."""
    workbook = _open(MembershipExporter(organization=three["cell_b"], on=ON).response())
    status = _sheet(workbook, "status")
    assert status["A2"].value == "Đơn vị: Chi bộ thôn Khau Khoang"
    assert _body(status) == [["Dự bị", 0, None], ["Chính thức", 0, None], ["Tổng số", 0, None]]
    assert _body(_sheet(workbook, "org_kind")) == [["Tổng số", 0, None]]


def test_the_day_counts(three):
    """On 01/07/2025 Đinh Văn Muộn has joined cell_b."""
    on = date(2025, 7, 1)
    workbook = _open(MembershipExporter(organization=three["cell_b"], on=on).response())
    status = _sheet(workbook, "status")
    assert status["A1"].value == "Đảng viên chính thức, dự bị (đến ngày 01/07/2025)"
    assert _body(status) == [["Dự bị", 0, 0], ["Chính thức", 1, 1], ["Tổng số", 1, 1]]
