"""Writes of the training records: theory level only upward (STA-01), refusals, audit
trail, study conferences and their totals ("115 hội nghị với trên 21 nghìn lượt")."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from members.enums import TheoryLevel
from training import services
from training.enums import CourseKind, DirectiveKind, Result, StudyLevel
from training.queries import (
    course_totals,
    study_totals,
    study_totals_by_directive,
    study_totals_by_level,
)

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


@pytest.fixture
def sessions(tree, officer, admin_user, directive):
    """Conferences on 05-CT/TW and 04-NQ/TW in and out of the commune's subtree."""
    nq4 = services.create_directive(
        code="04-NQ/TW",
        title="Về tăng cường xây dựng, chỉnh đốn Đảng",
        issued_on=date(2016, 10, 30),
        issuer="Ban Chấp hành Trung ương",
        by=officer,
    )
    rows = [
        # (directive, organization, held_on, members, others)
        (directive, "commune", date(2024, 2, 1), 120, 30),
        (directive, "grassroots", date(2024, 2, 10), 40, 5),
        (directive, "cell_a", date(2024, 2, 15), 12, 0),
        (directive, "cell_b", date(2023, 12, 20), 9, 2),
        (directive, "other_cell", date(2024, 2, 15), 50, 50),  # other commune
        (nq4, "commune", date(2024, 3, 1), 100, 0),
        (nq4, "cell_a", date(2025, 1, 5), 11, 1),
    ]
    for doc, org, held_on, members, others in rows:
        services.record_study_session(
            directive=doc,
            organization=tree[org],
            held_on=held_on,
            members_count=members,
            others_count=others,
            by=admin_user,
        )
    return directive, nq4


def test_study_totals_per_subtree_and_directive(tree, sessions):
    ct05, nq4 = sessions
    commune = tree["commune"]
    total = study_totals(commune)
    assert (total.conferences, total.members, total.others) == (6, 292, 38)
    assert total.attendances == 330
    only_05 = study_totals(commune, directive=ct05)
    assert (only_05.conferences, only_05.attendances) == (4, 218)  # 150 + 45 + 12 + 11
    year_2024 = study_totals(commune, start=date(2024, 1, 1), end=date(2024, 12, 31))
    assert (year_2024.conferences, year_2024.attendances) == (4, 307)
    cell = study_totals(tree["cell_a"])
    assert (cell.conferences, cell.attendances) == (2, 24)
    nothing = study_totals(tree["cell_b"], directive=nq4)
    assert (nothing.conferences, nothing.attendances) == (0, 0)
    province = study_totals(tree["province"])
    assert (province.conferences, province.attendances) == (7, 430)


def test_study_totals_by_directive_and_level(tree, sessions):
    ct05, nq4 = sessions
    rows = study_totals_by_directive(tree["commune"])
    assert [(r.code, r.conferences, r.members, r.others, r.attendances) for r in rows] == [
        ("04-NQ/TW", 2, 111, 1, 112),
        ("05-CT/TW", 4, 181, 37, 218),
    ]
    levels = study_totals_by_level(tree["commune"], directive=ct05)
    assert [(lv.level, lv.conferences, lv.attendances) for lv in levels] == [
        (StudyLevel.COMMUNE, 1, 150),
        (StudyLevel.GRASSROOTS, 1, 45),
        (StudyLevel.CELL, 2, 23),
    ]


def test_study_totals_constant_queries(tree, sessions, django_assert_num_queries):
    with django_assert_num_queries(1):
        study_totals(tree["province"])
    with django_assert_num_queries(1):
        study_totals_by_directive(tree["province"])
    with django_assert_num_queries(1):
        study_totals_by_level(tree["province"])


def test_course_totals(tree, officer, course_factory, cell_member):
    awareness = course_factory(CourseKind.PARTY_AWARENESS)
    for name in ("Vi Văn Tùng", "Lộc Thị Mai", "Hà Văn Sơn"):
        services.enroll_person(
            awareness, full_name=name, date_of_birth=date(2000, 1, 1), by=officer
        )
    first = awareness.enrollments.order_by("id").first()
    services.record_result(first, result=Result.COMPLETED, by=officer)
    new_member = course_factory(CourseKind.NEW_MEMBER)
    services.enroll_member(new_member, member=cell_member, by=officer)
    course_factory(CourseKind.NEW_MEMBER, starts_on=date(2023, 5, 1), ends_on=date(2023, 5, 5))
    rows = {
        r.kind: r
        for r in course_totals(tree["commune"], start=date(2024, 1, 1), end=date(2024, 12, 31))
    }
    assert len(rows) == len(CourseKind.choices)
    a = rows[CourseKind.PARTY_AWARENESS]
    assert (a.courses, a.enrolled, a.completed, a.certificates, a.members, a.non_members) == (
        1,
        3,
        1,
        1,
        0,
        3,
    )
    n = rows[CourseKind.NEW_MEMBER]
    assert (n.courses, n.enrolled, n.completed, n.members) == (1, 1, 0, 1)
    assert rows[CourseKind.COMMITTEE_WORK].courses == 0
    assert course_totals(tree["other_commune"])[0].courses == 0
