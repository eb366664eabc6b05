"""admissions.queries.certificates: the ADM-04 certificate a COURSE step takes from training,
or the typed outside one, and where the case page says it came from."""

from datetime import date

import pytest

from admissions.enums import Stage
from admissions.queries.certificates import certificate_source, resolve_course_certificate
from admissions.services.stages import advance
from training import services as training
from training.enums import CourseKind, Result
from training.queries import candidate_ref_of

pytestmark = pytest.mark.django_db


def awareness_course(officer, tree, *, starts_on=date(2024, 2, 19), ends_on=date(2024, 2, 23)):
    return training.create_course(
        organizer=tree["commune"],
        kind=CourseKind.PARTY_AWARENESS,
        title="Lớp nhận thức về Đảng khóa 1",
        starts_on=starts_on,
        ends_on=ends_on,
        by=officer,
    )


def certify(course, candidate, officer, *, on, number="35/CN-NTVĐ"):
    enrollment = training.enroll_person(
        course, candidate_ref=candidate_ref_of(candidate), by=officer
    )
    return training.record_result(
        enrollment,
        result=Result.COMPLETED,
        certificate_number=number,
        certificate_on=on,
        by=officer,
    )


def test_typed_certificate_matching_training_is_linked_other_is_outside(
    officer, tree, candidate, case, walk
):
    course = awareness_course(officer, tree)
    enrollment = certify(course, candidate, officer, on=date(2024, 2, 23))
    resolve = resolve_course_certificate
    walk(case, Stage.SYMPATHIZER)
    on = date(2024, 3, 1)
    assert resolve(case, on=on, certificate_on=date(2024, 2, 23)) == (
        date(2024, 2, 23),
        "35/CN-NTVĐ",
        enrollment,
    )
    assert resolve(case, on=on, certificate_on=date(2024, 2, 22))[2] is None
    assert (
        resolve(case, on=on, certificate_on=date(2024, 2, 23), certificate_number="9/X")[2] is None
    )
    # A certificate issued after the step's date is not taken.
    assert resolve(case, on=date(2024, 2, 22), certificate_on=date(2024, 2, 22))[2] is None


def test_no_certificate_in_training_resolves_to_none_or_the_typed_one(case, walk):
    walk(case, Stage.SYMPATHIZER)
    on = date(2024, 3, 1)
    assert resolve_course_certificate(case, on=on, certificate_on=None) is None
    assert resolve_course_certificate(
        case, on=on, certificate_on=date(2024, 2, 20), certificate_number=" 07/GCN "
    ) == (date(2024, 2, 20), "07/GCN", None)


def test_source_before_the_step_is_what_training_holds(officer, tree, candidate, case, walk):
    walk(case, Stage.SYMPATHIZER)
    nothing = certificate_source(officer, case, date(2024, 3, 1))
    assert not nothing.recorded and nothing.available is None and not nothing.available_expired
    course = awareness_course(officer, tree)
    certify(course, candidate, officer, on=date(2024, 2, 23))
    before = certificate_source(officer, case, date(2024, 3, 1))
    assert before.available is not None and before.available.issued_on == date(2024, 2, 23)
    assert not before.available_expired
    # ADM-04: 60 months on, the certificate has expired and the course must be retaken.
    later = certificate_source(officer, case, date(2029, 2, 24))
    assert later.available is not None and later.available_expired


def test_source_after_the_step_names_the_course_for_whoever_may_read_it(
    officer, outsider, tree, candidate, case, walk
):
    walk(case, Stage.SYMPATHIZER)
    course = awareness_course(officer, tree)
    certify(course, candidate, officer, on=date(2024, 2, 23))
    advance(case, Stage.COURSE, by=officer, on=date(2024, 3, 1))
    case.refresh_from_db()
    source = certificate_source(officer, case, date(2024, 3, 1))
    assert source.recorded and source.from_training
    assert (source.certificate_on, source.number) == (date(2024, 2, 23), "35/CN-NTVĐ")
    assert source.expires_on == date(2029, 2, 23)
    assert source.course_title == course.title and source.organizer == tree["commune"].name
    assert source.course_url == course.get_absolute_url() and not source.changed_since
    assert certificate_source(outsider, case, date(2024, 3, 1)).course_url == ""


def test_source_of_a_typed_certificate(officer, case, walk):
    walk(case, Stage.SYMPATHIZER)
    advance(
        case,
        Stage.COURSE,
        by=officer,
        on=date(2024, 3, 1),
        certificate_on=date(2024, 2, 20),
        certificate_number="07/GCN-TTCT",
    )
    case.refresh_from_db()
    source = certificate_source(officer, case, date(2024, 3, 1))
    assert source.recorded and not source.from_training
    assert (source.certificate_on, source.number) == (date(2024, 2, 20), "07/GCN-TTCT")
    assert source.course_title == "" and source.course_url == ""
