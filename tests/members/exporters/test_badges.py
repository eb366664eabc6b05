"""members.exporters.badges: the BDG-01 due list of a presentation day, built directly (the
view test tests/members/views/test_badges.py checks the download's scope and one value)."""

from datetime import date, datetime
from io import BytesIO

import pytest
from openpyxl import load_workbook

from core.exporters import EXPORTERS
from members.enums import EventKind, MemberStatus
from members.exporters.badges import BadgeDueExporter
from members.models import Badge, Member
from members.services.events import record_event

pytestmark = pytest.mark.django_db

ON = date(2026, 2, 3)  # a presentation day (BDG-01); the previous one is 07/11/2025


def _open(response):
    """Read the download, then close its spooled file as the server does once it is sent."""
    try:
        return load_workbook(BytesIO(b"".join(response.streaming_content)))
    finally:
        response.file_to_stream.close()


def _admit(org, by, name, on, **fields):
    member = Member.objects.create(
        full_name=name,
        date_of_birth=date(1950, 1, 1),
        sex="male",
        status=MemberStatus.STRUCK_OFF,
        organization=org,
        **fields,
    )
    record_event(member, EventKind.ADMITTED, on, by=by, organization=org)
    member.refresh_from_db()
    return member


@pytest.fixture
def due(tree, officer):
    """cell_a: 30 years on the day itself, and one seriously ill four months short of it;
    cell_b: 30 years since 2020, never given; one with the badge already; one elsewhere."""
    return {
        "on_time": _admit(
            tree["cell_a"], officer, "Hoàng Văn Thụ", date(1996, 2, 3), card_number="38.000111"
        ),
        "ill": _admit(tree["cell_a"], officer, "Nông Thị Ốm", date(1996, 6, 1), seriously_ill=True),
        "overdue": _admit(tree["cell_b"], officer, "Lý Văn Muộn", date(1990, 1, 1)),
        "given": _given(tree, officer),
        "elsewhere": _admit(tree["other_cell"], officer, "Vi Văn Xa", date(1996, 2, 3)),
    }


def _given(tree, officer):
    member = _admit(tree["cell_b"], officer, "Đã Có Huy Hiệu", date(1995, 5, 5))
    Badge.objects.create(member=member, years=30, presented_on=date(2025, 5, 19))
    return member


def test_registered_under_its_identifier():
    assert EXPORTERS["members.badges_due"] is BadgeDueExporter


def test_due_list_workbook(tree, officer, due):
    exporter = BadgeDueExporter(user=officer, organization=tree["commune"], on=ON)
    response = exporter.response()
    assert (
        "filename*=UTF-8''Huy%20hi%E1%BB%87u%20%C4%90%E1%BA%A3ng%2003-02-2026.xlsx"
        in (response["Content-Disposition"])
    )
    assert 'filename="huy-hieu-dang-03-02-2026.xlsx"' in response["Content-Disposition"]
    workbook = _open(response)
    assert len(workbook.worksheets) == 1
    ws = workbook.active
    title = "Danh sách đảng viên đề nghị trao huy hiệu Đảng đợt 03/02/2026"
    assert ws["A1"].value == title
    assert ws.title == title[:31]
    assert ws["A2"].value == "Đơn vị: Đảng bộ xã Tân Lập"
    assert ws["A3"].value == "Ngày lập: 07/12/2026"
    assert [c.value for c in ws[5]] == [str(c.header) for c in BadgeDueExporter.columns]

    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=6)]
    # Due lists first (level 30: cell_a before cell_b), then the early lists.
    assert rows == [
        [
            30,
            "Hoàng Văn Thụ",
            datetime(1950, 1, 1),
            "Chi bộ thôn Nà Phát",
            datetime(1996, 2, 3),
            datetime(1996, 2, 3),
            datetime(2026, 2, 3),
            30,
            "Không",
            "Không",
            "38.000111",
        ],
        [
            30,
            "Lý Văn Muộn",
            datetime(1950, 1, 1),
            "Chi bộ thôn Khau Khoang",
            datetime(1990, 1, 1),
            datetime(1990, 1, 1),
            datetime(2020, 1, 1),
            36,
            "Có",
            "Không",
            None,
        ],
        [
            30,
            "Nông Thị Ốm",
            datetime(1950, 1, 1),
            "Chi bộ thôn Nà Phát",
            datetime(1996, 6, 1),
            datetime(1996, 6, 1),
            datetime(2026, 6, 1),
            29,
            "Không",
            "Có",
            None,
        ],
    ]
    assert ws.auto_filter.ref == "A5:K8"


def test_one_cell_lists_its_own_members_only(tree, officer, due):
    ws = _open(BadgeDueExporter(user=officer, organization=tree["cell_b"], on=ON).response()).active
    assert ws["A2"].value == "Đơn vị: Chi bộ thôn Khau Khoang"
    assert [row[1] for row in ws.iter_rows(min_row=6, values_only=True)] == ["Lý Văn Muộn"]


def test_the_user_scope_applies(tree, secretary, due):
    """The cell's secretary asking for the commune gets their own cell's members only."""
    ws = _open(
        BadgeDueExporter(user=secretary, organization=tree["commune"], on=ON).response()
    ).active
    names = [row[1] for row in ws.iter_rows(min_row=6, values_only=True)]
    assert names == ["Hoàng Văn Thụ", "Nông Thị Ốm"]


def test_nobody_due_leaves_the_header_only(tree, officer):
    ws = _open(
        BadgeDueExporter(user=officer, organization=tree["commune"], on=ON).response()
    ).active
    assert [c.value for c in ws[5]] == [str(c.header) for c in BadgeDueExporter.columns]
    assert ws.max_row == 5
