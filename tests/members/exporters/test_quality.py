"""members.exporters.quality: the register's data quality report, four sheets, built
directly (tests/members/queries/test_quality.py checks the lists and the download's scope)."""

from datetime import date, datetime
from io import BytesIO

import pytest
from openpyxl import load_workbook

from core.exporters import EXPORTERS
from members.enums import EventKind
from members.exporters.quality import QualityExporter
from members.models import Member
from members.services.events import record_event
from organizations.models import Organization
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

SHEETS = [
    "Chưa có số CCCD",
    "Có thể trùng lặp",
    "Ngày tháng bất hợp lý",
    "Chi bộ dưới 3 ĐV chính thức",
]
MEMBER_HEADERS = ["Họ và tên", "Ngày sinh", "Sinh hoạt tại", "Trạng thái"]


def _open(response):
    """Read the download, then close its spooled file as the server does once it is sent."""
    try:
        return load_workbook(BytesIO(b"".join(response.streaming_content)))
    finally:
        response.file_to_stream.close()


def _full(name, org, citizen_id, **fields):
    member = MemberFactory(
        full_name=name, organization=org, status="", citizen_id=citizen_id, **fields
    )
    record_event(member, EventKind.ADMITTED, date(2010, 1, 1), by=None, organization=org)
    record_event(member, EventKind.FULL_MEMBERSHIP, date(2011, 1, 1), by=None)
    return member


@pytest.fixture
def data(tree):
    """cell_a: three full members (two of them likely the same person as one of cell_b),
    one without a citizen ID, one admitted at 17 and made full after nine months;
    cell_b (code 38.001.001.002): one full member; other_cell: a member without an ID."""
    cell_a, cell_b = tree["cell_a"], tree["cell_b"]
    Organization.objects.filter(pk=cell_b.pk).update(code="38.001.001.002")
    born = date(1975, 7, 1)
    _full("Nguyễn Văn Đức", cell_a, "020075000001", date_of_birth=born)
    _full("Lê Văn Hai", cell_a, "020075000003")
    _full("Lê Văn Ba", cell_a, "020075000004")
    _full("Nguyen Van Duc", cell_b, "020075000002", date_of_birth=born)
    MemberFactory(full_name="Hà Văn Thiếu", organization=cell_a, citizen_id=None)
    young = MemberFactory(full_name="Trẻ Quá", organization=cell_a, citizen_id="020090000005")
    Member.objects.filter(pk=young.pk).update(
        date_of_birth=date(1990, 3, 5),
        admitted_on=date(2008, 3, 4),
        full_member_on=date(2008, 12, 1),
    )
    MemberFactory(full_name="Vi Văn Xa", organization=tree["other_cell"], citizen_id=None)
    return tree


def _table(ws, header_row):
    return [[c.value for c in row] for row in ws.iter_rows(min_row=header_row + 1)]


def test_registered_under_its_identifier():
    assert EXPORTERS["members.quality"] is QualityExporter


def test_four_sheets_of_one_subtree(officer, data):
    response = QualityExporter(user=officer, organization=data["grassroots"]).response()
    assert response["Content-Disposition"] == (
        'attachment; filename="chat-luong-du-lieu-dang-vien.xlsx"; '
        "filename*=UTF-8''Ch%E1%BA%A5t%20l%C6%B0%E1%BB%A3ng%20d%E1%BB%AF%20li%E1%BB%87u"
        "%20%C4%91%E1%BA%A3ng%20vi%C3%AAn.xlsx"
    )
    workbook = _open(response)
    assert workbook.sheetnames == SHEETS
    missing, duplicates, impossible, cells = workbook.worksheets
    org_line = "Đơn vị: Đảng bộ Trường THPT Tân Lập"

    # 1. Active members without a citizen ID: header on row 5.
    assert missing["A1"].value == "Chưa có số CCCD"
    assert missing["A2"].value == org_line
    assert [c.value for c in missing[5]] == MEMBER_HEADERS
    assert MEMBER_HEADERS == [str(c.header) for c in QualityExporter.columns]
    assert _table(missing, 5) == [
        ["Hà Văn Thiếu", datetime(1980, 5, 17), "Chi bộ thôn Nà Phát", "Chính thức"]
    ]

    # 2. Likely duplicates, with the note under the date: header on row 6.
    assert duplicates["A1"].value == "Có thể trùng lặp"
    assert duplicates["A2"].value == org_line
    assert duplicates["A4"].value == "Cùng họ tên (không dấu) và ngày sinh."
    assert [c.value for c in duplicates[6]] == [*MEMBER_HEADERS, "Số CCCD"]
    assert sorted(_table(duplicates, 6)) == [
        [
            "Nguyen Van Duc",
            datetime(1975, 7, 1),
            "Chi bộ thôn Khau Khoang",
            "Chính thức",
            "020075000002",
        ],
        [
            "Nguyễn Văn Đức",
            datetime(1975, 7, 1),
            "Chi bộ thôn Nà Phát",
            "Chính thức",
            "020075000001",
        ],
    ]

    # 3. Impossible dates, every reason of a member in one cell.
    assert impossible["A1"].value == "Ngày tháng bất hợp lý"
    assert [c.value for c in impossible[5]] == [
        *MEMBER_HEADERS,
        "Ngày vào Đảng",
        "Ngày chính thức",
        "Vấn đề",
    ]
    assert _table(impossible, 5) == [
        [
            "Trẻ Quá",
            datetime(1990, 3, 5),
            "Chi bộ thôn Nà Phát",
            "Chính thức",
            datetime(2008, 3, 4),
            datetime(2008, 12, 1),
            "Vào Đảng khi chưa đủ 18 tuổi (ADM-01); "
            "Chính thức chưa đủ 12 tháng sau khi vào Đảng (PRB-01)",
        ]
    ]

    # 4. Cells under three full members (ORG-02): cell_a has three, cell_b one.
    assert cells["A1"].value == "Chi bộ dưới 3 đảng viên chính thức"
    assert cells["A2"].value == org_line
    assert cells["A4"].value == "ORG-02: chi bộ cần ít nhất 3 đảng viên chính thức."
    assert [c.value for c in cells[6]] == ["Chi bộ", "Mã", "Số đảng viên chính thức"]
    assert _table(cells, 6) == [["Chi bộ thôn Khau Khoang", "38.001.001.002", 1]]


def test_without_an_organization_everything_the_user_reads(officer, data):
    """No "Đơn vị" line: the date follows the title, the header moves up a row."""
    missing, _duplicates, _impossible, cells = _open(
        QualityExporter(user=officer, organization=None).response()
    ).worksheets
    assert missing["A2"].value == "Ngày lập: 07/12/2026"
    assert [c.value for c in missing[4]] == MEMBER_HEADERS
    # The officer reads the commune only: other_cell's member is not listed.
    assert [row[0] for row in _table(missing, 4)] == ["Hà Văn Thiếu"]
    assert [c.value for c in cells[5]] == ["Chi bộ", "Mã", "Số đảng viên chính thức"]
    assert [row[0] for row in _table(cells, 5)] == ["Chi bộ thôn Khau Khoang"]


def test_the_organization_narrows_every_sheet(officer, data):
    missing, duplicates, impossible, cells = _open(
        QualityExporter(user=officer, organization=data["cell_b"]).response()
    ).worksheets
    assert missing["A2"].value == "Đơn vị: Chi bộ thôn Khau Khoang"
    assert _table(missing, 5) == []
    # Alone in its cell, the twin is no longer a duplicate.
    assert _table(duplicates, 6) == []
    assert _table(impossible, 5) == []
    assert _table(cells, 6) == [["Chi bộ thôn Khau Khoang", "38.001.001.002", 1]]
