"""reviews.exporters: the REV-06 results of a subtree and year as XLSX, built directly
(tests/reviews/test_views.py checks the download's scope; tests/reviews/queries the
figures)."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from core.exporters import EXPORTERS
from reviews.enums import Level
from reviews.exporters import ResultsExporter
from reviews.models import MemberReview, OrganizationReview
from tests.reviews.conftest import add_member

pytestmark = pytest.mark.django_db

YEAR = 2024  # REV-03, Quy định 124-QĐ/TW
HEADERS = ["Nhóm", "Mức xếp loại", "Viết tắt", "Số lượng", "Tỷ lệ", "Tổng số được đánh giá"]
LEVELS = [
    ("Hoàn thành xuất sắc nhiệm vụ", "HTXS"),
    ("Hoàn thành tốt nhiệm vụ", "HTT"),
    ("Hoàn thành nhiệm vụ", "HT"),
    ("Không hoàn thành nhiệm vụ", "KHT"),
]


def _open(response):
    """Read the download, then close its spooled file as the server does once it is sent."""
    try:
        return load_workbook(BytesIO(b"".join(response.streaming_content)))
    finally:
        response.file_to_stream.close()


def _rows(group, counts):
    """The rows of one table: the share is the fraction n / total, a number the sheet shows
    as a percentage (2 of 3 → 0.6667, "66.67%")."""
    total = sum(counts)
    return [
        [group, label, abbreviation, n, pytest.approx(n / total, abs=5e-5), total]
        for (label, abbreviation), n in zip(LEVELS, counts, strict=True)
    ]


@pytest.fixture
def decided(tree, round_for):
    """Decided in 2024: the grassroots committee HTT; cell_a HTXS, cell_b HTT; cell_a's
    three members HTT, HTT, HT. A self-assessment only (no decision) does not count."""
    rnd = round_for(YEAR)
    common = {"round": rnd, "year": YEAR, "rule_set": "REV-03"}
    for org, level in (
        (tree["grassroots"], Level.GOOD),
        (tree["cell_a"], Level.EXCELLENT),
        (tree["cell_b"], Level.GOOD),
    ):
        OrganizationReview.objects.create(organization=org, decision_level=level, **common)
    for name, level in (("Lê Văn Cường", Level.GOOD), ("Phạm Thị Dung", Level.GOOD)):
        member = add_member(tree["cell_a"], name)
        MemberReview.objects.create(
            member=member, organization=tree["cell_a"], decision_level=level, **common
        )
    member = add_member(tree["cell_a"], "Hoàng Văn Đức")
    MemberReview.objects.create(
        member=member, organization=tree["cell_a"], decision_level=Level.COMPLETED, **common
    )
    member = add_member(tree["cell_b"], "Hà Thị Mai")
    MemberReview.objects.create(
        member=member, organization=tree["cell_b"], self_level=Level.EXCELLENT, **common
    )
    return tree


def test_registered_under_its_identifier():
    assert EXPORTERS["reviews.results"] is ResultsExporter
    assert [str(c.header) for c in ResultsExporter.columns] == HEADERS


def test_results_workbook(decided):
    response = ResultsExporter(organization=decided["commune"], year=YEAR).response()
    assert response["Content-Disposition"] == (
        'attachment; filename="ket-qua-danh-gia-xep-loai-2024.xlsx"; '
        "filename*=UTF-8''K%E1%BA%BFt%20qu%E1%BA%A3%20%C4%91%C3%A1nh%20gi%C3%A1%20x%E1%BA%BFp"
        "%20lo%E1%BA%A1i%202024.xlsx"
    )
    workbook = _open(response)
    assert workbook.sheetnames == [
        "Tổng hợp",
        "Chi bộ theo loại hình",
        "Đảng viên theo loại hình",
        "Theo tổ chức trực thuộc",
    ]
    summary, cells, members, drill = workbook.worksheets
    org_line = "Đơn vị: Đảng bộ xã Tân Lập"

    # The summary: the two sentences the report prints and the rule set, under the date.
    assert summary["A1"].value == "Kết quả đánh giá, xếp loại năm 2024"
    assert summary["A2"].value == org_line
    assert summary["A3"].value == "Ngày lập: 07/12/2026"
    assert summary["A4"].value == "1 tổ chức cơ sở đảng được đánh giá: 1 HTT = 100,0%"
    assert summary["A5"].value == "3 đảng viên được đánh giá: 2 HTT = 66,7%, 1 HT = 33,3%"
    assert summary["A6"].value == "REV-03: Quy định 124-QĐ/TW (2023)"
    assert [c.value for c in summary[8]] == HEADERS
    # The shares are numbers (the fractions the page's "66,7%" comes from), shown as
    # percentages.
    assert [[c.value for c in row] for row in summary.iter_rows(min_row=9)] == [
        *_rows("Tổ chức cơ sở đảng", [0, 1, 0, 0]),
        *_rows("Đảng viên", [0, 2, 1, 0]),
    ]
    share = summary["E14"]
    assert share.value == pytest.approx(0.6667, abs=5e-5)
    assert (
        share.data_type == "n" and share.number_format == "0.0%"
    )  # as the results page prints it (66,7%)

    for ws, title in (
        (cells, "Chi bộ theo loại hình"),
        (members, "Đảng viên theo loại hình"),
        (drill, "Theo tổ chức trực thuộc"),
    ):
        assert ws["A1"].value == title
        assert ws["A2"].value == org_line
        assert [c.value for c in ws[5]] == HEADERS
    # Both cells are rural villages: one HTXS, one HTT.
    assert [[c.value for c in row] for row in cells.iter_rows(min_row=6)] == _rows(
        "Thôn, bản, ấp", [1, 1, 0, 0]
    )
    assert [[c.value for c in row] for row in members.iter_rows(min_row=6)] == _rows(
        "Thôn, bản, ấp", [0, 2, 1, 0]
    )
    # The commune's one child: its grassroots organizations, then its members.
    assert [[c.value for c in row] for row in drill.iter_rows(min_row=6)] == [
        *_rows("Đảng bộ Trường THPT Tân Lập", [0, 1, 0, 0]),
        *_rows("Đảng bộ Trường THPT Tân Lập", [0, 2, 1, 0]),
    ]


def test_a_year_without_decisions_prints_no_share(tree):
    summary, cells, members, drill = _open(
        ResultsExporter(organization=tree["grassroots"], year=YEAR).response()
    ).worksheets
    assert summary["A2"].value == "Đơn vị: Đảng bộ Trường THPT Tân Lập"
    assert summary["A4"].value == "Chưa có tổ chức cơ sở đảng nào được quyết định xếp loại."
    assert summary["A5"].value == "Chưa có đảng viên nào được quyết định xếp loại."
    body = [[c.value for c in row] for row in summary.iter_rows(min_row=9)]
    assert [row[3:] for row in body] == [[0, None, 0]] * 8
    assert cells.max_row == members.max_row == 5
    # cell_a and cell_b are listed under the grassroots committee, with nothing decided.
    assert [row[0] for row in drill.iter_rows(min_row=6, values_only=True)] == [
        "Chi bộ thôn Nà Phát"
    ] * 4 + ["Chi bộ thôn Khau Khoang"] * 4 + ["Chi bộ thôn Nà Phát"] * 4 + [
        "Chi bộ thôn Khau Khoang"
    ] * 4
