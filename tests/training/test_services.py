"""training.services: theory level only upward (STA-01), refusals (training.permissions
asked by every write), audit trail, study conferences."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from members.enums import TheoryLevel
from training import services
from training.enums import CourseKind, DirectiveKind, Result

from .conftest import add_member


def _complete(course, member, officer):
    enrollment = services.enroll_member(course, member=member, by=officer)
    return services.record_result(enrollment, result=Result.COMPLETED, by=officer)


@pytest.mark.parametrize(
    ("before", "kind", "after"),
    [
        ("", CourseKind.ELEMENTARY_THEORY, TheoryLevel.ELEMENTARY),
        (TheoryLevel.NONE, CourseKind.INTERMEDIATE_THEORY, TheoryLevel.INTERMEDIATE),
        (TheoryLevel.ELEMENTARY, CourseKind.INTERMEDIATE_THEORY, TheoryLevel.INTERMEDIATE),
        # Only upward: a lower or equal course never lowers the level.
        (TheoryLevel.INTERMEDIATE, CourseKind.ELEMENTARY_THEORY, TheoryLevel.INTERMEDIATE),
        (TheoryLevel.INTERMEDIATE, CourseKind.INTERMEDIATE_THEORY, TheoryLevel.INTERMEDIATE),
        (TheoryLevel.ADVANCED, CourseKind.INTERMEDIATE_THEORY, TheoryLevel.ADVANCED),
        (TheoryLevel.BACHELOR, CourseKind.ELEMENTARY_THEORY, TheoryLevel.BACHELOR),
        # Other courses leave the level alone.
        (TheoryLevel.NONE, CourseKind.NEW_MEMBER, TheoryLevel.NONE),
        ("", CourseKind.COMMITTEE_WORK, ""),
    ],
)
def test_theory_level_raised_only_upward(tree, officer, course_factory, before, kind, after):
    member = add_member(tree["cell_a"], "Lý Văn Phong", theory_level=before)
    _complete(course_factory(kind), member, officer)
    member.refresh_from_db()
    assert member.theory_level == after


def test_theory_level_change_is_in_the_member_history(tree, officer, course_factory):
    member = add_member(tree["cell_a"], "Lý Văn Phong", theory_level=TheoryLevel.ELEMENTARY)
    course = course_factory(CourseKind.INTERMEDIATE_THEORY, title="Trung cấp LLCT K12")
    _complete(course, member, officer)
    record = member.history.order_by("-history_id").first()
    assert record.theory_level == TheoryLevel.INTERMEDIATE
    assert record.history_user == officer
    assert "Trung cấp LLCT K12" in record.history_change_reason
    enrollment = course.enrollments.get()
    assert enrollment.history.order_by("-history_id").first().history_user == officer


def test_failed_or_absent_does_not_raise_the_level(tree, officer, course_factory):
    member = add_member(tree["cell_a"], "Lý Văn Phong", theory_level="")
    enrollment = services.enroll_member(
        course_factory(CourseKind.ELEMENTARY_THEORY), member=member, by=officer
    )
    for result in (Result.FAILED, Result.ABSENT):
        services.record_result(enrollment, result=result, by=officer)
        member.refresh_from_db()
        assert member.theory_level == ""


def test_result_refusals(tree, officer, course_factory, cell_member):
    course = course_factory(CourseKind.NEW_MEMBER)
    enrollment = services.enroll_member(course, member=cell_member, by=officer)
    with pytest.raises(
        ValidationError, match="Ngày cấp giấy chứng nhận trước ngày khai giảng lớp"
    ) as error:
        services.record_result(
            enrollment, result=Result.COMPLETED, certificate_on=date(2024, 3, 1), by=officer
        )
    assert "certificate_on" in error.value.message_dict
    with pytest.raises(ValidationError, match="Ngày cấp giấy chứng nhận ở tương lai"):
        services.record_result(
            enrollment, result=Result.COMPLETED, certificate_on=date(2099, 1, 1), by=officer
        )
    with pytest.raises(
        ValidationError, match="Chỉ cấp giấy chứng nhận cho học viên hoàn thành lớp"
    ) as error:
        services.record_result(
            enrollment, result=Result.FAILED, certificate_number="1/CN", by=officer
        )
    assert "certificate_number" in error.value.message_dict
    enrollment.refresh_from_db()
    assert enrollment.result == Result.ENROLLED


def test_enrollment_refusals(tree, officer, course_factory, cell_member, inspector, secretary):
    awareness = course_factory(CourseKind.PARTY_AWARENESS)
    new_member = course_factory(CourseKind.NEW_MEMBER)
    with pytest.raises(
        ValidationError,
        match="Lớp bồi dưỡng nhận thức về Đảng dành cho quần chúng, không phải đảng viên",
    ):  # ADM-04: awareness courses are for non-members
        services.enroll_member(awareness, member=cell_member, by=officer)
    with pytest.raises(ValidationError, match="Lớp đảng viên mới chỉ dành cho đảng viên"):
        services.enroll_person(
            new_member, full_name="Vi Văn Tùng", date_of_birth=date(2000, 1, 1), by=officer
        )
    with pytest.raises(ValidationError, match="Số CCCD gồm 12 chữ số"):
        services.enroll_person(
            awareness,
            full_name="Vi Văn Tùng",
            date_of_birth=date(2000, 1, 1),
            citizen_id="123",
            by=officer,
        )
    services.enroll_member(new_member, member=cell_member, by=officer)
    with pytest.raises(
        ValidationError, match="Hoàng Thị Lan đã có tên trong lớp"
    ):  # once per course
        services.enroll_member(new_member, member=cell_member, by=officer)
    # raises-without-match: raised without a message
    with pytest.raises(PermissionDenied):  # readers do not write
        services.enroll_person(
            awareness, full_name="Vi Văn Tùng", date_of_birth=date(2000, 1, 1), by=inspector
        )
    # raises-without-match: raised without a message
    with pytest.raises(PermissionDenied):  # a cell secretary does not write the commune
        services.create_course(
            organizer=tree["commune"],
            kind=CourseKind.NEW_MEMBER,
            title="x",
            starts_on=date(2024, 1, 1),
            ends_on=date(2024, 1, 2),
            by=secretary,
        )
    other = add_member(tree["other_cell"], "Đàm Văn Quý")
    # raises-without-match: raised without a message
    with pytest.raises(PermissionDenied):  # a member outside the officer's reach
        services.enroll_member(new_member, member=other, by=officer)


def test_course_dates_in_order(tree, officer):
    with pytest.raises(ValidationError, match="Ngày kết thúc trước ngày bắt đầu"):
        services.create_course(
            organizer=tree["commune"],
            kind=CourseKind.NEW_MEMBER,
            title="Lớp",
            starts_on=date(2024, 3, 8),
            ends_on=date(2024, 3, 4),
            by=officer,
        )


def test_directive_kind_from_its_symbol(officer, directive):
    assert directive.kind == DirectiveKind.DIRECTIVE
    assert services.directive_kind_of("04-NQ/TW") == DirectiveKind.RESOLUTION
    assert services.directive_kind_of("21-KL/TW") == DirectiveKind.CONCLUSION
    assert services.directive_kind_of("366-QĐ/TW") == DirectiveKind.REGULATION
    assert services.directive_kind_of("Văn bản") == DirectiveKind.OTHER
    with pytest.raises(
        ValidationError, match="Văn bản 05-ct/tw đã có trong danh sách"
    ):  # already listed
        services.create_directive(
            code="05-ct/tw", title="x", issued_on=date(2016, 5, 15), issuer="BCT", by=officer
        )


def test_directive_needs_a_writer(inspector):
    with pytest.raises(PermissionDenied):  # raises-without-match: raised without a message
        services.create_directive(
            code="28-CT/TW", title="x", issued_on=date(2008, 9, 1), issuer="BCT", by=inspector
        )


def test_study_session_refusals(tree, officer, directive, secretary):
    with pytest.raises(
        ValidationError, match="Ngày tổ chức trước ngày ban hành văn bản"
    ):  # before the directive was issued
        services.record_study_session(
            directive=directive,
            organization=tree["commune"],
            held_on=date(2016, 5, 1),
            members_count=10,
            by=officer,
        )
    with pytest.raises(ValidationError, match="Hội nghị phải có người tham dự"):  # nobody attended
        services.record_study_session(
            directive=directive,
            organization=tree["commune"],
            held_on=date(2016, 6, 1),
            members_count=0,
            by=officer,
        )
    with pytest.raises(PermissionDenied):  # raises-without-match: raised without a message
        services.record_study_session(
            directive=directive,
            organization=tree["cell_b"],
            held_on=date(2016, 6, 1),
            members_count=5,
            by=secretary,
        )
