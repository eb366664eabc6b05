"""training.queries: ADM-04 and PRB-04 certificates typed once on the course, read by the
dossiers; a member's courses; the study and course totals of a subtree."""

from dataclasses import dataclass
from datetime import date

import pytest

from training import services
from training.enums import CourseKind, Result, StudyLevel
from training.queries import (
    awareness_certificate,
    awareness_expires_on,
    candidate_ref_of,
    course_totals,
    new_member_certificate,
    study_totals,
    study_totals_by_directive,
    study_totals_by_level,
    training_of,
)


@dataclass
class Person:
    """Stands for an admissions Candidate (full_name, date_of_birth, citizen_id)."""

    full_name: str
    date_of_birth: date
    citizen_id: str = ""


@pytest.fixture
def awareness(course_factory):
    return course_factory(
        CourseKind.PARTY_AWARENESS, starts_on=date(2021, 3, 8), ends_on=date(2021, 3, 12)
    )


def _certify(course, officer, *, name="Vi Văn Tùng", born=date(2000, 4, 2), on, **extra):
    enrollment = services.enroll_person(
        course, full_name=name, date_of_birth=born, by=officer, **extra
    )
    return services.record_result(
        enrollment,
        result=Result.COMPLETED,
        certificate_number="12/CN",
        certificate_on=on,
        by=officer,
    )


def test_adm04_certificate_valid_for_exactly_60_months(awareness, officer):
    _certify(awareness, officer, on=date(2021, 3, 15))
    person = Person("vi van tung", date(2000, 4, 2))  # name folded: case and marks ignored
    assert awareness_expires_on(date(2021, 3, 15)) == date(2026, 3, 15)
    certificate = awareness_certificate(person, on=date(2026, 3, 15))  # ADM-04: last valid day
    assert certificate is not None
    assert certificate.number == "12/CN"
    assert certificate.issued_on == date(2021, 3, 15)
    assert certificate.expires_on == date(2026, 3, 15)
    assert certificate.course == awareness
    # ADM-04: one day more and the certificate has expired: the course must be retaken.
    assert awareness_certificate(person, on=date(2026, 3, 16)) is None


def test_adm04_month_end_certificate(course_factory, officer):
    course = course_factory(
        CourseKind.PARTY_AWARENESS, starts_on=date(2020, 8, 24), ends_on=date(2020, 8, 31)
    )
    _certify(course, officer, on=date(2020, 8, 31))
    person = Person("Vi Văn Tùng", date(2000, 4, 2))
    assert awareness_certificate(person, on=date(2025, 8, 31)).expires_on == date(2025, 8, 31)
    assert awareness_certificate(person, on=date(2025, 9, 1)) is None


def test_adm04_not_before_the_certificate_date_and_latest_wins(awareness, course_factory, officer):
    _certify(awareness, officer, on=date(2021, 3, 15))
    retaken = course_factory(
        CourseKind.PARTY_AWARENESS, starts_on=date(2024, 6, 3), ends_on=date(2024, 6, 7)
    )
    _certify(retaken, officer, on=date(2024, 6, 7))
    person = Person("Vi Văn Tùng", date(2000, 4, 2))
    assert awareness_certificate(person, on=date(2021, 3, 14)) is None
    assert awareness_certificate(person, on=date(2023, 1, 1)).issued_on == date(2021, 3, 15)
    latest = awareness_certificate(person, on=date(2026, 6, 1))
    assert latest.issued_on == date(2024, 6, 7)
    assert latest.expires_on == date(2029, 6, 7)


def test_adm04_other_people_and_failed_results_do_not_count(awareness, officer):
    _certify(awareness, officer, on=date(2021, 3, 15))
    failed = services.enroll_person(
        awareness, full_name="Lộc Thị Mai", date_of_birth=date(2001, 1, 1), by=officer
    )
    services.record_result(failed, result=Result.FAILED, by=officer)
    on = date(2022, 1, 1)
    assert awareness_certificate(Person("Vi Văn Tùng", date(2000, 4, 3)), on=on) is None
    assert awareness_certificate(Person("Vi Văn Tung", date(2000, 4, 2)), on=on) is not None
    assert awareness_certificate(Person("Lộc Thị Mai", date(2001, 1, 1)), on=on) is None


def test_adm04_found_by_citizen_id_or_candidate_reference(awareness, officer, tree):
    _certify(
        awareness,
        officer,
        name="Nông Văn Hải",
        born=date(1999, 9, 9),
        on=date(2021, 3, 12),
        citizen_id="020099001234",
    )
    # Another spelling of the name, same citizen ID.
    person = Person("Nông Văn Hai", date(1999, 9, 10), citizen_id="020099001234")
    assert awareness_certificate(person, on=date(2022, 1, 1)) is not None
    # A linked record of another app (the admissions Candidate) by its reference.
    from admissions.services.candidates import add_candidate

    candidate = add_candidate(
        by=officer,
        cell=tree["cell_a"],
        on=date(2021, 1, 4),
        full_name="Tên khác hẳn",
        sex="male",
        date_of_birth=date(1990, 1, 1),
        source="residence",
    )
    ref = candidate_ref_of(candidate)
    assert ref == f"admissions.candidate:{candidate.pk}"
    enrollment = services.enroll_person(awareness, candidate_ref=ref, by=officer)
    # Name and birth date are taken from the candidate: nothing typed twice.
    assert (enrollment.person_name, enrollment.person_birth_date) == (
        "Tên khác hẳn",
        date(1990, 1, 1),
    )
    services.record_result(enrollment, result=Result.COMPLETED, by=officer)
    candidate.full_name, candidate.date_of_birth = "Đã đổi tên", date(1980, 1, 1)
    certificate = awareness_certificate(candidate, on=date(2022, 1, 1))
    assert certificate.enrollment == enrollment
    assert certificate.issued_on == date(2021, 3, 12)  # defaults to the course's last day


def test_prb04_new_member_certificate(course_factory, officer, cell_member):
    course = course_factory(CourseKind.NEW_MEMBER)
    assert new_member_certificate(cell_member) is None
    enrollment = services.enroll_member(course, member=cell_member, by=officer)
    assert new_member_certificate(cell_member) is None  # enrolled, no result yet
    services.record_result(
        enrollment,
        result=Result.COMPLETED,
        certificate_number="45-GCN",
        certificate_on=date(2024, 3, 9),
        by=officer,
    )
    certificate = new_member_certificate(cell_member)
    assert certificate.number == "45-GCN"
    assert certificate.issued_on == date(2024, 3, 9)
    assert certificate.expires_on is None  # PRB-04: no expiry
    assert new_member_certificate(cell_member, on=date(2024, 3, 8)) is None


def test_certificate_lookups_are_one_query(
    awareness, officer, cell_member, django_assert_num_queries
):
    _certify(awareness, officer, on=date(2021, 3, 15))
    with django_assert_num_queries(1):
        awareness_certificate(Person("Vi Văn Tùng", date(2000, 4, 2)), on=date(2022, 1, 1))
    with django_assert_num_queries(1):
        new_member_certificate(cell_member)


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


def test_training_of_member(officer, objects):
    member = objects["enrollment"].member
    assert [e.course.title for e in training_of(member)] == ["Sơ cấp LLCT khóa 3"]
