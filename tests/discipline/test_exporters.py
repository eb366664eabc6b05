"""discipline.exporters: the INS-02 statistics of a subtree over a period as XLSX, built
directly (tests/discipline/test_views.py checks the download's scope, test_queries.py the
figures in depth)."""

from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from core.exporters import EXPORTERS
from discipline.enums import Activity, Area, InspectionKind
from discipline.exporters import InspectionStatsExporter
from discipline.services import inspections
from tests.discipline.conftest import add_member, seat
from tests.reviews.support import discipline_of

pytestmark = pytest.mark.django_db

LABELS = [
    "Tổ chức đảng được kiểm tra khi có dấu hiệu vi phạm",
    "Đảng viên được kiểm tra khi có dấu hiệu vi phạm",
    "Cuộc kiểm tra tài chính đảng",
    "Tổ chức đảng cấp dưới được kiểm tra tài chính",
    "Tổng số cuộc kiểm tra",
    "Số cuộc giám sát",
    "Tổ chức đảng được giám sát",
    "Đảng viên được giám sát",
    "Cấp ủy viên được phân công theo dõi địa bàn, lĩnh vực",
    "Tổ chức đảng có cấp ủy viên theo dõi",
    "Tổ chức đảng bị kỷ luật",
    "Đảng viên bị kỷ luật",
]


def _open(response):
    """Read the download, then close its spooled file as the server does once it is sent."""
    try:
        return load_workbook(BytesIO(b"".join(response.streaming_content)))
    finally:
        response.file_to_stream.close()


@pytest.fixture
def year_2024(tree, officer, person):
    """What the commune did in 2024: cell_a and one of its members inspected on signs of
    violation, cell_b's finances inspected, the grassroots committee supervised (five
    members covered), a committee member following cell_a, the member reprimanded; and an
    inspection of January 2025, outside the period."""
    commune = tree["commune"]
    common = {"organization": commune, "activity": Activity.INSPECTION, "by": officer}
    inspections.create_inspection(
        kind=InspectionKind.SIGNS_OF_VIOLATION,
        starts_on=date(2024, 4, 1),
        subject_organization=tree["cell_a"],
        areas=[Area.DEMOCRATIC_CENTRALISM],
        **common,
    )
    inspections.create_inspection(
        kind=InspectionKind.SIGNS_OF_VIOLATION,
        starts_on=date(2024, 5, 1),
        subject_member=person,
        **common,
    )
    inspections.create_inspection(
        kind=InspectionKind.REGULAR,
        starts_on=date(2024, 6, 1),
        subject_organization=tree["cell_b"],
        areas=[Area.FINANCES],
        **common,
    )
    inspections.create_inspection(
        organization=commune,
        activity=Activity.SUPERVISION,
        kind=InspectionKind.THEMATIC,
        starts_on=date(2024, 7, 1),
        subject_organization=tree["grassroots"],
        members_covered=5,
        areas=[Area.WORKING_RULES],
        by=officer,
    )
    inspections.create_inspection(
        kind=InspectionKind.SIGNS_OF_VIOLATION,
        starts_on=date(2025, 1, 2),
        subject_organization=tree["cell_b"],
        **common,
    )
    leader = add_member(commune, "Cấp Ủy Viên")
    seat(leader, commune)
    inspections.assign_follow(
        organization=commune,
        member=leader,
        followed=tree["cell_a"],
        starts_on=date(2024, 1, 1),
        areas=[Area.ADMISSION],
        by=officer,
    )
    discipline_of(tree, person, officer, on=date(2024, 6, 1))
    return tree


def test_registered_under_its_identifier():
    assert EXPORTERS["discipline.inspection_stats"] is InspectionStatsExporter
    assert [str(c.header) for c in InspectionStatsExporter.columns] == ["Chỉ tiêu", "Số lượng"]


def test_statistics_workbook(year_2024):
    exporter = InspectionStatsExporter(
        organization=year_2024["commune"], date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)
    )
    response = exporter.response()
    assert response["Content-Disposition"] == (
        'attachment; filename="thong-ke-kiem-tra-giam-sat.xlsx"; '
        "filename*=UTF-8''Th%E1%BB%91ng%20k%C3%AA%20ki%E1%BB%83m%20tra%20gi%C3%A1m%20s%C3%A1t"
        ".xlsx"
    )
    workbook = _open(response)
    assert workbook.sheetnames == ["Kiểm tra, giám sát"]
    ws = workbook.active
    assert ws["A1"].value == "Kiểm tra, giám sát từ 01/01/2024 đến 31/12/2024"
    assert ws["A2"].value == "Đơn vị: Đảng bộ xã Tân Lập"
    assert ws["A3"].value == "Ngày lập: 07/12/2026"
    assert [c.value for c in ws[5]] == ["Chỉ tiêu", "Số lượng"]
    counts = [1, 1, 1, 1, 3, 1, 1, 5, 1, 1, 0, 1]
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=6)] == [
        [label, n] for label, n in zip(LABELS, counts, strict=True)
    ]


def test_another_period(year_2024):
    """January 2025: the one inspection on signs of violation; the follow-up (no end)
    still runs; nothing else."""
    ws = _open(
        InspectionStatsExporter(
            organization=year_2024["commune"],
            date_from=date(2025, 1, 1),
            date_to=date(2025, 1, 31),
        ).response()
    ).active
    assert ws["A1"].value == "Kiểm tra, giám sát từ 01/01/2025 đến 31/01/2025"
    counts = [row[1] for row in ws.iter_rows(min_row=6, values_only=True)]
    assert counts == [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0]


def test_cases_are_counted_where_they_are_conducted(year_2024):
    """cell_b was inspected but conducted nothing: its own statistics are zeros."""
    ws = _open(
        InspectionStatsExporter(
            organization=year_2024["cell_b"],
            date_from=date(2024, 1, 1),
            date_to=date(2024, 12, 31),
        ).response()
    ).active
    assert ws["A2"].value == "Đơn vị: Chi bộ thôn Khau Khoang"
    assert [row[1] for row in ws.iter_rows(min_row=6, values_only=True)] == [0] * 12
