"""training.exporters: the courses of a subtree, the learners of a course, the directives
studied and the study conferences of one directive as XLSX, each built directly (the view
tests in tests/training/views check the downloads' scope and a few cells)."""

from datetime import date, datetime
from io import BytesIO

import pytest
from openpyxl import load_workbook

from core.exporters import EXPORTERS
from training import services
from training.enums import CourseKind, Result
from training.exporters import (
    CourseExporter,
    DirectiveExporter,
    EnrollmentExporter,
    StudySessionExporter,
)

from .conftest import add_member

pytestmark = pytest.mark.django_db

COURSE_HEADERS = [
    "Tên lớp",
    "Loại lớp",
    "Đơn vị tổ chức",
    "Từ ngày",
    "Đến ngày",
    "Địa điểm",
    "Số học viên",
    "Hoàn thành",
]
ENROLLMENT_HEADERS = [
    "Họ và tên",
    "Ngày sinh",
    "Đảng viên sinh hoạt tại",
    "Kết quả",
    "Số giấy chứng nhận",
    "Ngày cấp",
    "Ghi chú",
]
DIRECTIVE_HEADERS = [
    "Số, ký hiệu",
    "Loại văn bản",
    "Trích yếu",
    "Ngày ban hành",
    "Cơ quan ban hành",
    "Số hội nghị",
    "Lượt đảng viên",
    "Lượt người khác",
    "Tổng số lượt",
]
SESSION_HEADERS = [
    "Ngày tổ chức",
    "Đơn vị tổ chức",
    "Cấp",
    "Lượt đảng viên",
    "Lượt người khác",
    "Tổng số lượt",
    "Ghi chú",
]
TITLE_05 = "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"


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
    assert EXPORTERS["training.courses"] is CourseExporter
    assert EXPORTERS["training.enrollments"] is EnrollmentExporter
    assert EXPORTERS["training.directives"] is DirectiveExporter
    assert EXPORTERS["training.study_sessions"] is StudySessionExporter


def test_declared_headers():
    assert [str(c.header) for c in CourseExporter.columns] == COURSE_HEADERS
    assert [str(c.header) for c in EnrollmentExporter.columns] == ENROLLMENT_HEADERS
    assert [str(c.header) for c in DirectiveExporter.columns] == DIRECTIVE_HEADERS
    assert [str(c.header) for c in StudySessionExporter.columns] == SESSION_HEADERS


# --- courses and learners --------------------------------------------------------------


@pytest.fixture
def courses(tree, officer, course_factory, cell_member):
    """The commune's elementary theory course of March 2024: Hoàng Thị Lan completed it,
    Nông Văn Trượt failed, a non-member still studies; cell_a's one-day update of May
    2025 without learners."""
    theory = course_factory(
        CourseKind.ELEMENTARY_THEORY,
        title="Sơ cấp LLCT khóa 3",
        place="Hội trường xã",
    )
    lan = services.enroll_member(theory, member=cell_member, by=officer)
    services.record_result(
        lan,
        result=Result.COMPLETED,
        certificate_number="SC-15/2024",
        certificate_on=date(2024, 3, 8),
        by=officer,
    )
    failed = add_member(tree["cell_b"], "Nông Văn Trượt", date_of_birth=date(1985, 2, 1))
    services.record_result(
        services.enroll_member(theory, member=failed, by=officer),
        result=Result.FAILED,
        by=officer,
    )
    services.enroll_person(
        theory,
        full_name="Nguyễn Văn Ngoài",
        date_of_birth=date(1999, 9, 9),
        notes="Cán bộ hợp đồng",
        by=officer,
    )
    update = course_factory(
        CourseKind.KNOWLEDGE_UPDATE,
        organizer=tree["cell_a"],
        title="Cập nhật kiến thức 2025",
        starts_on=date(2025, 5, 2),
        ends_on=date(2025, 5, 2),
    )
    return {"theory": theory, "update": update}


def test_courses_workbook(tree, courses):
    response = CourseExporter(organization=tree["commune"]).response()
    assert _disposition(response) == 'filename="lop-boi-duong.xlsx"'
    ws = _open(response).active
    assert ws["A1"].value == "Danh sách lớp bồi dưỡng"
    assert ws["A2"].value == "Đơn vị: Đảng bộ xã Tân Lập"
    assert ws["A3"].value == "Ngày lập: 07/12/2026"
    assert [c.value for c in ws[5]] == COURSE_HEADERS
    # The newest first.
    assert _body(ws, 6) == [
        [
            "Cập nhật kiến thức 2025",
            "Cập nhật kiến thức",
            "Chi bộ thôn Nà Phát",
            datetime(2025, 5, 2),
            datetime(2025, 5, 2),
            None,
            0,
            0,
        ],
        [
            "Sơ cấp LLCT khóa 3",
            "Sơ cấp lý luận chính trị",
            "Đảng bộ xã Tân Lập",
            datetime(2024, 3, 4),
            datetime(2024, 3, 8),
            "Hội trường xã",
            3,
            1,
        ],
    ]


def test_courses_of_a_kind_a_year_a_subtree(tree, courses):
    def titles(**kwargs):
        ws = _open(CourseExporter(**kwargs).response()).active
        return [row[0] for row in ws.iter_rows(min_row=6, values_only=True)]

    commune = tree["commune"]
    assert titles(organization=commune, kind=CourseKind.ELEMENTARY_THEORY) == ["Sơ cấp LLCT khóa 3"]
    assert titles(organization=commune, year=2025) == ["Cập nhật kiến thức 2025"]
    assert titles(organization=tree["cell_a"]) == ["Cập nhật kiến thức 2025"]


def test_learners_workbook(courses):
    response = EnrollmentExporter(course=courses["theory"]).response()
    assert response["Content-Disposition"] == (
        'attachment; filename="hoc-vien-so-cap-llct-khoa-3.xlsx"; '
        "filename*=UTF-8''H%E1%BB%8Dc%20vi%C3%AAn%20S%C6%A1%20c%E1%BA%A5p%20LLCT%20kh%C3%B3a"
        "%203.xlsx"
    )
    workbook = _open(response)
    assert workbook.sheetnames == ["Học viên"]
    ws = workbook.active
    assert ws["A1"].value == "Danh sách học viên lớp Sơ cấp LLCT khóa 3"
    assert ws["A2"].value == "Đơn vị: Đảng bộ xã Tân Lập"  # the organizer
    assert [c.value for c in ws[5]] == ENROLLMENT_HEADERS
    # Members by name, then the learner who is not a member (last on every database).
    by_name = {row[0]: row for row in _body(ws, 6)}
    assert by_name == {
        "Hoàng Thị Lan": [
            "Hoàng Thị Lan",
            datetime(1980, 5, 17),
            "Chi bộ thôn Nà Phát",
            "Hoàn thành",
            "SC-15/2024",
            datetime(2024, 3, 8),
            None,
        ],
        "Nông Văn Trượt": [
            "Nông Văn Trượt",
            datetime(1985, 2, 1),
            "Chi bộ thôn Khau Khoang",
            "Không đạt",
            None,
            None,
            None,
        ],
        "Nguyễn Văn Ngoài": [
            "Nguyễn Văn Ngoài",
            datetime(1999, 9, 9),
            None,
            "Đang học",
            None,
            None,
            "Cán bộ hợp đồng",
        ],
    }
    assert list(by_name) == ["Hoàng Thị Lan", "Nông Văn Trượt", "Nguyễn Văn Ngoài"]


# --- directives and study conferences --------------------------------------------------


@pytest.fixture
def studied(tree, officer, outsider, directive):
    """05-CT/TW studied by cell_a (02/2024, 12 members and 3 others) and the grassroots
    committee (03/2025, 20 members), and in another commune; 57-NQ/TW not studied yet."""
    record = services.record_study_session
    record(
        directive=directive,
        organization=tree["cell_a"],
        held_on=date(2024, 2, 15),
        members_count=12,
        others_count=3,
        by=officer,
    )
    record(
        directive=directive,
        organization=tree["grassroots"],
        held_on=date(2025, 3, 10),
        members_count=20,
        notes="Kết hợp sinh hoạt chi bộ",
        by=officer,
    )
    record(
        directive=directive,
        organization=tree["other_cell"],
        held_on=date(2024, 4, 1),
        members_count=40,
        by=outsider,
    )
    services.create_directive(
        code="57-NQ/TW",
        title="Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo",
        issued_on=date(2024, 12, 22),
        issuer="Bộ Chính trị",
        by=officer,
    )
    return directive


def test_directives_workbook(tree, studied):
    response = DirectiveExporter(organization=tree["commune"]).response()
    assert _disposition(response) == 'filename="hoc-tap-nghi-quyet.xlsx"'
    ws = _open(response).active
    assert ws["A1"].value == "Học tập, quán triệt chỉ thị, nghị quyết"
    assert ws["A2"].value == "Đơn vị: Đảng bộ xã Tân Lập"
    assert [c.value for c in ws[5]] == DIRECTIVE_HEADERS
    assert _body(ws, 6) == [
        [
            "57-NQ/TW",
            "Nghị quyết",
            "Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo",
            datetime(2024, 12, 22),
            "Bộ Chính trị",
            0,
            0,
            0,
            0,
        ],
        # Two conferences in the commune (the other commune's is not counted).
        ["05-CT/TW", "Chỉ thị", TITLE_05, datetime(2016, 5, 15), "Bộ Chính trị", 2, 32, 3, 35],
    ]


def test_directives_of_one_year(tree, studied):
    ws = _open(DirectiveExporter(organization=tree["commune"], year=2024).response()).active
    assert ws["A1"].value == "Học tập, quán triệt chỉ thị, nghị quyết năm 2024"
    assert _body(ws, 6)[1][-4:] == [1, 12, 3, 15]


def test_study_sessions_workbook(tree, studied):
    response = StudySessionExporter(organization=tree["commune"], directive=studied).response()
    assert response["Content-Disposition"] == (
        'attachment; filename="hoi-nghi-05-ct-tw.xlsx"; '
        "filename*=UTF-8''H%E1%BB%99i%20ngh%E1%BB%8B%2005-CT-TW.xlsx"
    )
    workbook = _open(response)
    assert workbook.sheetnames == ["05-CT-TW"]
    ws = workbook.active
    assert ws["A1"].value == "Hội nghị học tập, quán triệt Chỉ thị 05-CT/TW"
    assert ws["A2"].value == "Đơn vị: Đảng bộ xã Tân Lập"
    assert [c.value for c in ws[5]] == SESSION_HEADERS
    assert _body(ws, 6) == [
        [
            datetime(2025, 3, 10),
            "Đảng bộ Trường THPT Tân Lập",
            "Cấp cơ sở",
            20,
            0,
            20,
            "Kết hợp sinh hoạt chi bộ",
        ],
        [datetime(2024, 2, 15), "Chi bộ thôn Nà Phát", "Chi bộ", 12, 3, 15, None],
    ]
