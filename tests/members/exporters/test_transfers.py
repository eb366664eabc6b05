"""members.exporters.transfers: the transfers due and overdue (TRF-01..02) as XLSX, built
directly from `deadlines_for` (tests/members/queries/test_deadlines.py checks the deadlines
and the download's scope)."""

from datetime import date, datetime
from io import BytesIO

import pytest
from openpyxl import load_workbook

from core.exporters import EXPORTERS
from members.enums import MembershipKind, TransferKind, TransferReason, TransferState
from members.exporters.transfers import DeadlineExporter
from members.models import Membership, Transfer
from members.queries.deadlines import deadlines_for
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 4, 8)  # a Wednesday
HEADERS = [
    "Họ và tên",
    "Hình thức",
    "Nơi đi",
    "Nơi đến",
    "Việc phải làm",
    "Quy định",
    "Hạn cuối",
    "Số ngày làm việc còn lại",
    "Quá hạn",
]


def _open(response):
    """Read the download, then close its spooled file as the server does once it is sent."""
    try:
        return load_workbook(BytesIO(b"".join(response.streaming_content)))
    finally:
        response.file_to_stream.close()


def _member(org, name):
    member = MemberFactory(full_name=name, organization=org)
    Membership.objects.create(
        member=member, organization=org, kind=MembershipKind.HOME, starts_on=date(2010, 1, 1)
    )
    return member


def _transfer(member, **fields):
    values = {
        "kind": TransferKind.OFFICIAL,
        "reason": TransferReason.JOB_MOVE,
        "state": TransferState.PENDING,
        "trigger_on": date(2026, 1, 9),
        "from_organization": member.organization,
    }
    values.update(fields)
    return Transfer.objects.create(member=member, **values)


@pytest.fixture
def transfers(tree):
    """Three deadlines on TODAY: a temporary stay ended 31/03 (TRF-01, overdue), a report
    due 30 days after a letter of 02/03, i.e. 01/04 (TRF-02, overdue), a letter due 60
    working days after 09/01 across Tết, i.e. 10/04 (TRF-01, two working days left)."""
    _transfer(
        _member(tree["cell_a"], "Lê Văn Tạm"),
        kind=TransferKind.TEMPORARY,
        state=TransferState.SENT,
        to_outside="Công ty Điện lực Hà Nội",
        letter_on=date(2026, 1, 5),
        until=date(2026, 3, 31),
    )
    _transfer(
        _member(tree["cell_b"], "Hà Thị Báo"),
        state=TransferState.SENT,
        to_organization=tree["cell_a"],
        letter_on=date(2026, 3, 2),
    )
    _transfer(_member(tree["cell_a"], "Nông Văn Thư"), to_organization=tree["other_cell"])
    return tree


def test_registered_under_its_identifier():
    assert EXPORTERS["members.transfer_deadlines"] is DeadlineExporter


def test_deadlines_workbook(officer, transfers):
    rows = deadlines_for(officer, organization=transfers["commune"], today=TODAY)
    exporter = DeadlineExporter(rows=rows, organization=transfers["commune"], today=TODAY)
    response = exporter.response()
    assert response["Content-Disposition"] == (
        'attachment; filename="chuyen-sinh-hoat-den-han.xlsx"; '
        "filename*=UTF-8''Chuy%E1%BB%83n%20sinh%20ho%E1%BA%A1t%20%C4%91%E1%BA%BFn%20h%E1%BA%A1n"
        ".xlsx"
    )
    ws = _open(response).active
    assert ws["A1"].value == "Chuyển sinh hoạt đảng đến hạn và quá hạn"
    assert ws["A2"].value == "Đơn vị: Đảng bộ xã Tân Lập"
    assert ws["A3"].value == "Ngày lập: 08/04/2026"  # the day the deadlines are counted on
    assert [c.value for c in ws[5]] == HEADERS
    assert HEADERS == [str(c.header) for c in DeadlineExporter.columns]
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=6)] == [
        [
            "Lê Văn Tạm",
            "Tạm thời",
            "Chi bộ thôn Nà Phát",
            "Công ty Điện lực Hà Nội",
            "Hết hạn sinh hoạt tạm thời, chưa trở về",
            "TRF-01",
            datetime(2026, 3, 31),
            -6,  # 01, 02, 03, 06, 07, 08/04
            "Có",
        ],
        [
            "Hà Thị Báo",
            "Chính thức",
            "Chi bộ thôn Khau Khoang",
            "Chi bộ thôn Nà Phát",
            "Đảng viên báo cáo nơi đến (30 ngày)",
            "TRF-02",
            datetime(2026, 4, 1),
            -5,
            "Có",
        ],
        [
            "Nông Văn Thư",
            "Chính thức",
            "Chi bộ thôn Nà Phát",
            "Chi bộ khối phố Đức Hạnh",
            "Cấp giấy giới thiệu (60 ngày làm việc)",
            "TRF-01",
            datetime(2026, 4, 10),
            2,
            "Không",
        ],
    ]


def test_no_organization_and_no_rows():
    ws = _open(DeadlineExporter(rows=[], organization=None, today=TODAY).response()).active
    assert ws["A1"].value == "Chuyển sinh hoạt đảng đến hạn và quá hạn"
    assert ws["A2"].value == "Ngày lập: 08/04/2026"
    assert [c.value for c in ws[4]] == HEADERS
    assert ws.max_row == 4
