"""members.exporters.reconciliation: the MEM-03 quarter as XLSX, built directly from
`reconcile` (tests/members/views/test_reconciliation.py checks the download's scope)."""

from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from core.exporters import EXPORTERS
from members.enums import EventKind, MembershipKind, MemberStatus
from members.exporters.reconciliation import ReconciliationExporter
from members.models import Member, Membership
from members.queries.reconciliation import reconcile
from members.services.events import record_event

pytestmark = pytest.mark.django_db

HEADERS = [
    "Tổ chức",
    "Đầu quý",
    "Kết nạp",
    "Chuyển đến",
    "Chuyển đi",
    "Xóa tên",
    "Khai trừ",
    "Xin ra khỏi Đảng",
    "Từ trần",
    "Cuối quý",
    "Trong đó dự bị",
    "Trong đó chính thức",
    "Kiểm tra (đầu + vào − ra = cuối)",
]


def _open(response):
    """Read the download, then close its spooled file as the server does once it is sent."""
    try:
        return load_workbook(BytesIO(b"".join(response.streaming_content)))
    finally:
        response.file_to_stream.close()


def _admit(org, by, name, on):
    member = Member.objects.create(
        full_name=name,
        date_of_birth=date(1970, 1, 1),
        sex="male",
        status=MemberStatus.STRUCK_OFF,
        organization=org,
    )
    record_event(member, EventKind.ADMITTED, on, by=by, organization=org)
    return member


@pytest.fixture
def data(tree, officer):
    """Quarter 2 of 2026 in the grassroots committee: Một (full member of cell_a since
    2021) moves to cell_b in May; Hai is admitted to cell_b in April."""
    one = _admit(tree["cell_a"], officer, "Một", date(2020, 1, 1))
    record_event(one, EventKind.FULL_MEMBERSHIP, date(2021, 1, 1), by=officer)
    record_event(one, EventKind.TRANSFER_OUT, date(2026, 5, 10), by=officer)
    record_event(
        one, EventKind.TRANSFER_IN, date(2026, 5, 11), by=officer, organization=tree["cell_b"]
    )
    two = _admit(tree["cell_b"], officer, "Hai", date(2026, 4, 1))
    return {**tree, "two": two}


def _result(data):
    org = data["grassroots"]
    return reconcile(org, 2026, 2, [data["cell_a"], data["cell_b"]])


def test_registered_under_its_identifier():
    assert EXPORTERS["members.reconciliation"] is ReconciliationExporter


def test_balanced_quarter(data):
    exporter = ReconciliationExporter(organization=data["grassroots"], result=_result(data))
    response = exporter.response()
    assert response["Content-Disposition"] == (
        'attachment; filename="doi-chieu-dang-vien-q2-2026.xlsx"; '
        "filename*=UTF-8''%C4%90%E1%BB%91i%20chi%E1%BA%BFu%20%C4%91%E1%BA%A3ng%20vi%C3%AAn"
        "%20Q2-2026.xlsx"
    )
    ws = _open(response).active
    assert ws["A1"].value == "Đối chiếu số lượng đảng viên quý 2 năm 2026"
    assert ws["A2"].value == "Đơn vị: Đảng bộ Trường THPT Tân Lập"
    assert ws["A3"].value == "Ngày lập: 07/12/2026"
    assert ws["A4"].value == "Từ 01/04/2026 đến 30/06/2026"
    assert [c.value for c in ws[6]] == HEADERS
    assert HEADERS == [str(c.header) for c in ReconciliationExporter.columns]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=7)]
    zero = [0] * 11
    assert rows == [
        ["Sinh hoạt trực tiếp tại Đảng bộ Trường THPT Tân Lập", *zero, "Khớp"],
        ["Chi bộ thôn Nà Phát", 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, "Khớp"],
        ["Chi bộ thôn Khau Khoang", 0, 1, 1, 0, 0, 0, 0, 0, 2, 1, 1, "Khớp"],
        ["Cộng Đảng bộ Trường THPT Tân Lập", 1, 1, 1, 1, 0, 0, 0, 0, 2, 1, 1, "Khớp"],
    ]


def test_unbalanced_quarter_shows_the_difference_and_the_level_mismatch(data):
    """A home membership in cell_a typed in without an event, overlapping Hai's in cell_b:
    cell_a ends one too many, and the subtree counts Hai once where the rows count twice."""
    Membership.objects.create(
        member=data["two"],
        organization=data["cell_a"],
        kind=MembershipKind.HOME,
        starts_on=date(2026, 4, 15),
    )
    ws = _open(
        ReconciliationExporter(organization=data["grassroots"], result=_result(data)).response()
    ).active
    assert ws["A4"].value == "Từ 01/04/2026 đến 30/06/2026"
    assert ws["A5"].value == (
        "Không khớp giữa cấp trên và cấp dưới: toàn đảng bộ đầu quý 1, cuối quý 2."
    )
    assert [c.value for c in ws[7]] == HEADERS
    by_label = {row[0]: row for row in ws.iter_rows(min_row=8, values_only=True)}
    assert by_label["Chi bộ thôn Nà Phát"][1:] == (1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, "Lệch +1")
    assert by_label["Chi bộ thôn Khau Khoang"][-1] == "Khớp"
    assert by_label["Cộng Đảng bộ Trường THPT Tân Lập"][9:] == (3, 2, 1, "Lệch +1")
