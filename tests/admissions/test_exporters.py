"""admissions.exporters: the due dashboard, the incomplete dossiers and the ADM-11 results
as XLSX, each built directly (the view tests in tests/admissions/views check that the
pages offer the downloads and scope them)."""

from datetime import date, datetime
from io import BytesIO

import pytest
from openpyxl import load_workbook

from admissions.enums import CandidateSource, Stage
from admissions.exporters import DueExporter, IncompleteExporter, ResultsExporter
from admissions.queries.targets import results_by_child, results_for
from admissions.services.candidates import add_candidate
from admissions.services.cases import record_document
from admissions.services.targets import set_target
from core.exporters import EXPORTERS
from members.enums import Sex

pytestmark = pytest.mark.django_db

DUE_HEADERS = [
    "Họ và tên",
    "Tổ chức",
    "Việc tiếp theo",
    "Quy định",
    "Ai thực hiện",
    "Hạn cuối",
    "Căn cứ thời hạn",
    "Còn lại (ngày làm việc)",
    "Quá hạn",
]
INCOMPLETE_HEADERS = ["Người vào Đảng", "Chi bộ", "Bước hiện tại", "Còn thiếu, hết hiệu lực"]
RESULT_HEADERS = [
    "Năm",
    "Chỉ tiêu",
    "Cảm tình đảng",
    "Học lớp nhận thức",
    "Kết nạp",
    "Chuyển chính thức",
    "Đạt chỉ tiêu",
    "Vượt (+) / chưa đạt (−) kế hoạch",
    "Học lớp / cảm tình đảng",
    "Kết nạp / học lớp",
    "Chuyển chính thức / kết nạp",
]
TERM_HEADERS = [
    "Nhiệm kỳ",
    "Chỉ tiêu",
    "Kết nạp",
    "Đạt chỉ tiêu",
    "Vượt (+) / chưa đạt (−) kế hoạch",
]
BREAKDOWN_HEADERS = [
    "Tổ chức trực thuộc",
    "Chỉ tiêu",
    "Kết nạp",
    "Đạt chỉ tiêu",
    "Vượt (+) / chưa đạt (−) kế hoạch",
]


def _open(response):
    """Read the download, then close its spooled file as the server does once it is sent."""
    try:
        return load_workbook(BytesIO(b"".join(response.streaming_content)))
    finally:
        response.file_to_stream.close()


def _body(ws, min_row):
    return [[c.value for c in row] for row in ws.iter_rows(min_row=min_row)]


def _disposition(response):
    return response["Content-Disposition"].split(";")[1].strip()


def test_registered_under_their_identifiers():
    assert EXPORTERS["admissions.due"] is DueExporter
    assert EXPORTERS["admissions.incomplete"] is IncompleteExporter
    assert EXPORTERS["admissions.results"] is ResultsExporter


def test_declared_headers():
    assert [str(c.header) for c in DueExporter.columns] == DUE_HEADERS
    assert [str(c.header) for c in IncompleteExporter.columns] == INCOMPLETE_HEADERS
    assert [str(c.header) for c in ResultsExporter.columns] == RESULT_HEADERS


# --- admissions.due --------------------------------------------------------------------


def _person(officer, cell, name, on):
    return add_candidate(
        by=officer,
        cell=cell,
        on=on,
        full_name=name,
        sex=Sex.MALE,
        date_of_birth=date(1995, 1, 1),
        source=CandidateSource.RESIDENCE,
    )


@pytest.fixture
def people(tree, officer):
    """On the list since 02/01/2024 (cell_a) and since 01/02/2024 (cell_b), no review yet:
    the cell's monthly review is due by the end of the month they were listed in (ADM-05)."""
    _person(officer, tree["cell_a"], "Hoàng Văn Sớm", date(2024, 1, 2))
    _person(officer, tree["cell_b"], "Lý Thị Muộn", date(2024, 2, 1))


def test_due_workbook(officer, tree, people):
    exporter = DueExporter(
        user=officer, organization=tree["grassroots"], today=date(2024, 2, 1), horizon_days=None
    )
    response = exporter.response()
    assert _disposition(response) == 'filename="phat-trien-dang-vien-den-han.xlsx"'
    ws = _open(response).active
    assert ws["A1"].value == "Phát triển đảng viên: việc đến hạn và quá hạn"
    assert ws["A2"].value == "Đơn vị: Đảng bộ Trường THPT Tân Lập"
    assert ws["A3"].value == "Ngày lập: 01/02/2024"  # the day the deadlines are counted on
    assert [c.value for c in ws[5]] == DUE_HEADERS
    next_step = "Cảm tình đảng, phân công đảng viên giúp đỡ"
    note = "Nhận xét hằng tháng của chi bộ (ADM-05)"
    assert _body(ws, 6) == [
        # Overdue first: due 31/01, one working day late on 01/02.
        [
            "Hoàng Văn Sớm",
            "Chi bộ thôn Nà Phát",
            next_step,
            "ADM-05",
            "Chi bộ",
            datetime(2024, 1, 31),
            note,
            -1,
            "Quá hạn",
        ],
        # Due 29/02: 02/02, 05–07/02, then the Tết break 08–14/02, 15–16, 19–23, 26–29/02.
        [
            "Lý Thị Muộn",
            "Chi bộ thôn Khau Khoang",
            next_step,
            "ADM-05",
            "Chi bộ",
            datetime(2024, 2, 29),
            note,
            15,
            None,
        ],
    ]


def test_due_within_a_horizon_and_without_an_organization(officer, people):
    """14 days ahead leaves out what is due on 29/02; overdue rows always stay."""
    exporter = DueExporter(user=officer, organization=None, today=date(2024, 2, 1), horizon_days=14)
    ws = _open(exporter.response()).active
    assert ws["A2"].value == "Ngày lập: 01/02/2024"
    assert [c.value for c in ws[4]] == DUE_HEADERS
    assert [row[0] for row in ws.iter_rows(min_row=5, values_only=True)] == ["Hoàng Văn Sớm"]


# --- admissions.incomplete -------------------------------------------------------------


def test_incomplete_workbook(officer, tree, case, walk):
    walk(case, Stage.HISTORY)
    for kind in ("application", "history"):
        document = case.documents.get(kind=kind)
        record_document(document, by=officer, received_on=None, note="Bản gốc bị thất lạc")
    response = IncompleteExporter(user=officer, organization=tree["cell_a"]).response()
    assert _disposition(response) == 'filename="ho-so-chua-day-du.xlsx"'
    ws = _open(response).active
    assert ws["A1"].value == "Hồ sơ kết nạp chưa đầy đủ"
    assert ws["A2"].value == "Đơn vị: Chi bộ thôn Nà Phát"
    assert ws["A3"].value == "Ngày lập: 07/12/2026"
    assert [c.value for c in ws[5]] == INCOMPLETE_HEADERS
    assert _body(ws, 6) == [
        [
            "Lường Thị Hoa",
            "Chi bộ thôn Nà Phát",
            "Lý lịch người xin vào Đảng (2-KNĐ)",
            "Đơn xin vào Đảng (1-KNĐ); Lý lịch người xin vào Đảng (2-KNĐ)",
        ]
    ]
    # Another cell's dossiers are not listed.
    other = _open(IncompleteExporter(user=officer, organization=tree["cell_b"]).response())
    assert other.active.max_row == 5


# --- admissions.results ----------------------------------------------------------------


@pytest.fixture
def results(officer, tree, case, walk, grassroots_committee):
    """Lường Thị Hoa: sympathizer 15/01/2024, course 01/03/2024, admitted 03/03/2025 in
    cell_a. Targets of the grassroots committee: 2 in 2025, 4 over its term; cell_a: 1 in
    2025, cell_b none."""
    walk(case, Stage.CEREMONY)
    grassroots = tree["grassroots"]
    set_target(by=officer, organization=grassroots, year=2025, target=2)
    set_target(by=officer, organization=grassroots, term=grassroots_committee.term, target=4)
    set_target(by=officer, organization=tree["cell_a"], year=2025, target=1)
    return results_for(grassroots, [2024, 2025]), results_by_child(grassroots, 2025)


def test_results_workbook(results):
    years, breakdown = results
    response = ResultsExporter(results=years, breakdown=breakdown).response()
    assert _disposition(response) == 'filename="ket-qua-phat-trien-dang-vien.xlsx"'
    workbook = _open(response)
    assert workbook.sheetnames == [
        "Kết quả phát triển đảng viên th",
        "Chỉ tiêu nhiệm kỳ",
        "Theo tổ chức trực thuộc",
    ]
    by_year, term, by_child = workbook.worksheets
    org_line = "Đơn vị: Đảng bộ Trường THPT Tân Lập"

    assert by_year["A1"].value == "Kết quả phát triển đảng viên theo năm"
    assert by_year["A2"].value == org_line
    assert [c.value for c in by_year[5]] == RESULT_HEADERS
    assert _body(by_year, 6) == [
        # 2024: no target; one sympathizer, one trained (1/1), nobody admitted yet (0/1).
        [2024, None, 1, 1, 0, 0, None, None, 1, 0, None],
        # 2025: admitted 1 of a target of 2 (50%, 50% below plan).
        [2025, 2, 0, 0, 1, 0, 0.5, -0.5, None, None, 0],
    ]

    assert term["A1"].value == "Chỉ tiêu nhiệm kỳ"
    assert term["A2"].value == org_line
    assert [c.value for c in term[5]] == TERM_HEADERS
    assert _body(term, 6) == [["Nhiệm kỳ", 4, 1, 0.25, -0.75]]

    assert by_child["A1"].value == "Theo tổ chức trực thuộc năm 2025"
    assert by_child["A2"].value == org_line
    assert [c.value for c in by_child[5]] == BREAKDOWN_HEADERS
    assert _body(by_child, 6) == [
        ["Chi bộ thôn Nà Phát", 1, 1, 1, 0],
        ["Chi bộ thôn Khau Khoang", None, 0, None, None],
    ]


def test_results_without_a_breakdown(results):
    years, _breakdown = results
    workbook = _open(ResultsExporter(results=years).response())
    assert workbook.sheetnames == ["Kết quả phát triển đảng viên th", "Chỉ tiêu nhiệm kỳ"]
