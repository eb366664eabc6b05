"""ADM-04 and PRB-04: certificates typed once on the course, read by the dossiers."""

from dataclasses import dataclass
from datetime import date

import pytest

from training import services
from training.enums import CourseKind, Result
from training.queries import (
    awareness_certificate,
    awareness_expires_on,
    candidate_ref_of,
    new_member_certificate,
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
    from admissions.services import add_candidate

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
