"""Exports of the register: the filtered list (XLSX) and the 7-HSĐV register (XLSX, DOCX),
opened with openpyxl and python-docx; scoped exactly like the list (MEM-01)."""

from datetime import date
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document
from docx.enum.section import WD_ORIENT
from openpyxl import load_workbook

from members.enums import EventKind
from members.exporters.register import REGISTER_COLUMNS
from members.models import Badge, Ethnicity
from members.services.events import record_event
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

EXPORT_LIST = reverse("members:export_list")
REGISTER_XLSX = reverse("members:register_xlsx")
REGISTER_DOCX = reverse("members:register_docx")
EXPORTS = [EXPORT_LIST, REGISTER_XLSX, REGISTER_DOCX]


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def _rows(response) -> list[tuple]:
    workbook = load_workbook(BytesIO(_body(response)))
    sheet = workbook.worksheets[0]
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def _table(rows: list[tuple], first_header: str) -> tuple[tuple, list[tuple]]:
    start = next(i for i, row in enumerate(rows) if row and row[0] == first_header)
    return rows[start], rows[start + 1 :]


def _docx_table(response):
    document = Document(BytesIO(_body(response)))
    table = document.tables[-1]
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    return document, cells[0], cells[1:]


@pytest.fixture
def full_member(tree, officer):
    member = MemberFactory(
        full_name="Nguyễn Văn Đức",
        birth_name="Nguyễn Văn Đực",
        organization=tree["cell_a"],
        status="",
        date_of_birth=date(1960, 5, 17),
        ethnicity=Ethnicity.objects.get(name="Tày"),
        home_town="Xã Tân Lập, Lạng Sơn",
        card_number="38.001234",
        citizen_id="020060123456",
        education="upper_secondary",
        theory_level="intermediate",
    )
    record_event(
        member, EventKind.ADMITTED, date(1990, 2, 3), by=officer, organization=tree["cell_a"]
    )
    record_event(member, EventKind.FULL_MEMBERSHIP, date(1991, 2, 3), by=officer)
    record_event(
        member,
        EventKind.TRANSFER_OUT,
        date(2000, 1, 1),
        by=officer,
        counterpart="Chi bộ phố Cũ",
    )
    record_event(
        member,
        EventKind.TRANSFER_IN,
        date(2000, 1, 20),
        by=officer,
        organization=tree["cell_a"],
        counterpart="Chi bộ phố Cũ",
    )
    Badge.objects.create(member=member, years=30, presented_on=date(2020, 2, 3))
    member.refresh_from_db()
    return member


# --- Scope -----------------------------------------------------------------------------

# (persona, export of the whole reach, export filtered to cell_a)
SCOPE = [
    ("admin_user", 200, 200),
    ("officer", 200, 200),
    ("inspector", 200, 200),
    ("secretary", 200, 200),
    ("other_secretary", 200, 404),
    ("member_user", 200, 404),
    ("outsider", 200, 404),
]


@pytest.mark.parametrize("name, whole, cell_a", SCOPE)
def test_exports_are_scoped_like_the_list(
    name, whole, cell_a, persona, client, login, tree, member_a, member_other
):
    login(persona(name))
    for url in EXPORTS:
        assert client.get(url).status_code == whole, url
        response = client.get(url, {"organization": tree["cell_a"].pk})
        assert response.status_code == cell_a, url


def test_outsider_export_never_contains_another_subtree(client, login, outsider, member_a):
    login(outsider)
    for url in (EXPORT_LIST, REGISTER_XLSX):
        rows = _rows(client.get(url))
        assert not any("Lê Văn Đức" in str(cell) for row in rows for cell in row)
    _document, _header, body = _docx_table(client.get(REGISTER_DOCX))
    assert body == []


def test_member_exports_their_own_record_only(client, login, member_user, member_a):
    login(member_user)
    header, body = _table(_rows(client.get(EXPORT_LIST)), "Họ và tên")
    assert [row[0] for row in body] == ["Nguyễn Văn An"]


# --- The filtered list -----------------------------------------------------------------


def test_list_export_follows_the_filters(client, login, officer, tree, full_member, member_b):
    login(officer)
    response = client.get(EXPORT_LIST, {"q": "nguyen van duc"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    rows = _rows(response)
    assert rows[0][0] == "Danh sách đảng viên"
    header, body = _table(rows, "Họ và tên")
    assert header[:4] == ("Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc")
    assert len(body) == 1
    row = dict(zip(header, body[0], strict=True))
    assert row["Họ và tên"] == "Nguyễn Văn Đức"
    assert row["Ngày sinh"].date() == date(1960, 5, 17)
    assert row["Dân tộc"] == "Tày"
    assert row["Trạng thái"] == "Chính thức"
    assert row["Sinh hoạt tại"] == tree["cell_a"].name
    assert row["Số CCCD"] == "020060123456"
    assert row["Ngày vào Đảng"].date() == date(1990, 2, 3)
    assert isinstance(row["Tuổi đảng"], int) and row["Tuổi đảng"] >= 35


# --- The 7-HSĐV register ---------------------------------------------------------------

REGISTER_HEADERS = [str(c.header) for c in REGISTER_COLUMNS]


def test_register_columns_are_in_the_order_of_the_book():
    assert REGISTER_HEADERS[:5] == [
        "STT",
        "Họ và tên đang dùng",
        "Họ và tên khai sinh",
        "Ngày sinh",
        "Giới tính",
    ]
    order = [
        "Dân tộc",
        "Tôn giáo",
        "Quê quán",
        "Giáo dục phổ thông",
        "Lý luận chính trị",
        "Chuyên môn, nghiệp vụ",
        "Ngoại ngữ",
        "Nghề nghiệp",
        "Ngày vào Đảng",
        "Ngày chính thức",
        "Số thẻ đảng viên",
        "Số lý lịch",
        "Huy hiệu Đảng",
        "LLVT, nghỉ hưu",
        "Chuyển đi (ngày, nơi đến)",
        "Chuyển đến (ngày, nơi đi)",
        "Ngày từ trần",
        "Ra khỏi Đảng (ngày, hình thức)",
    ]
    positions = [REGISTER_HEADERS.index(h) for h in order]
    assert positions == sorted(positions)
    assert REGISTER_HEADERS[-1] == "Ghi chú"


def test_register_xlsx(client, login, officer, tree, full_member, member_b):
    login(officer)
    response = client.get(REGISTER_XLSX, {"organization": tree["cell_a"].pk})
    assert response.status_code == 200
    rows = _rows(response)
    assert rows[0][0] == "Sổ danh sách đảng viên"
    assert any(row and row[0] == f"Đơn vị: {tree['cell_a'].name}" for row in rows)
    header, body = _table(rows, "STT")
    assert list(header) == REGISTER_HEADERS
    assert len(body) == 1
    row = dict(zip(header, body[0], strict=True))
    assert row["STT"] == 1
    assert row["Họ và tên đang dùng"] == "Nguyễn Văn Đức"
    assert row["Họ và tên khai sinh"] == "Nguyễn Văn Đực"
    assert row["Giáo dục phổ thông"] == "Trung học phổ thông"
    assert row["Lý luận chính trị"] == "Trung cấp"
    assert row["Ngày chính thức"].date() == date(1991, 2, 3)
    assert row["Số thẻ đảng viên"] == "38.001234"
    assert row["Huy hiệu Đảng"] == "30 năm (2020)"
    assert row["Chuyển đi (ngày, nơi đến)"] == "01/01/2000, Chi bộ phố Cũ"
    assert row["Chuyển đến (ngày, nơi đi)"] == "20/01/2000, Chi bộ phố Cũ"
    assert row["Ngày từ trần"] is None


def test_register_shows_leaving_and_death(client, login, officer, tree, full_member):
    record_event(full_member, EventKind.DECEASED, date(2024, 8, 9), by=officer)
    login(officer)
    header, body = _table(_rows(client.get(REGISTER_XLSX)), "STT")
    row = dict(zip(header, body[0], strict=True))
    assert row["Ngày từ trần"].date() == date(2024, 8, 9)


def test_register_docx(client, login, officer, tree, full_member, member_b):
    login(officer)
    response = client.get(REGISTER_DOCX, {"q": "duc"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    assert ".docx" in response["Content-Disposition"]
    document, header, body = _docx_table(response)
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    assert abs(section.page_width.cm - 29.7) < 0.1
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert header == REGISTER_HEADERS
    assert len(body) == 1
    row = dict(zip(header, body[0], strict=True))
    assert row["STT"] == "1"
    assert row["Họ và tên đang dùng"] == "Nguyễn Văn Đức"
    assert row["Ngày sinh"] == "17/05/1960"
    assert row["Ngày vào Đảng"] == "03/02/1990"
    assert row["Huy hiệu Đảng"] == "30 năm (2020)"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "SỔ DANH SÁCH ĐẢNG VIÊN" in text
    fonts = {run.font.name for p in document.paragraphs for run in p.runs}
    assert fonts <= {"Times New Roman", None}


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200
        _body(response)
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", EXPORTS)
def test_export_queries_do_not_grow(client, login, officer, tree, full_member, url):
    login(officer)
    one = _count(client, url)
    for i in range(30):
        member = MemberFactory(full_name=f"Lê Văn {i}", organization=tree["cell_b"])
        Badge.objects.create(member=member, years=30, presented_on=date(2020, 2, 3))
    assert _count(client, url) == one
