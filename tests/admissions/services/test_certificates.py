"""ADM-04 and PRB-04: the certificate typed once on the training course feeds the admission
case's COURSE step and the full-membership dossier (admissions.services.certificates)."""

from datetime import date

import pytest
from django.urls import reverse

from admissions.enums import DocKind, Stage
from admissions.forms.stages import AdvanceForm
from admissions.models import AdmissionCase
from admissions.services.cases import record_document
from admissions.services.certificates import open_full_case_with_certificate
from admissions.services.stages import StepRefused, advance
from training import services as training
from training.enums import CourseKind, Result
from training.models import Enrollment
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


@pytest.fixture
def sympathizer_case(case, walk):
    return walk(case, Stage.SYMPATHIZER)


def test_end_to_end_enrol_complete_and_course_step_on_the_page(
    login, officer, tree, candidate, sympathizer_case
):
    """Enrol the candidate from the course page (picked in the list, nothing typed),
    complete the course with its certificate, take the COURSE step with nothing typed."""
    course = awareness_course(officer, tree)
    client = login(officer)
    page = client.get(course.get_absolute_url()).content.decode()
    assert candidate.full_name in page  # offered in the candidate list
    response = client.post(
        reverse("training:enroll", args=[course.pk]),
        {"who": "person", "p-candidate_ref": candidate_ref_of(candidate)},
    )
    assert response.status_code == 302
    enrollment = Enrollment.objects.get(course=course)
    assert enrollment.candidate_ref == candidate_ref_of(candidate)
    assert enrollment.person_name == candidate.full_name
    assert enrollment.person_birth_date == candidate.date_of_birth
    assert "linked-candidate" in client.get(course.get_absolute_url()).content.decode()
    training.record_result(
        enrollment,
        result=Result.COMPLETED,
        certificate_number="35/CN-NTVĐ",
        certificate_on=date(2024, 2, 23),
        by=officer,
    )
    case_url = reverse("admissions:case", args=[sympathizer_case.pk])
    body = client.get(case_url).content.decode()
    assert 'data-source="available"' in body and "35/CN-NTVĐ" in body
    # The step form is pre-filled from the certificate.
    form = AdvanceForm(case=sympathizer_case, stage=Stage.COURSE)
    assert form.fields["certificate_on"].initial == date(2024, 2, 23)
    assert form.fields["certificate_number"].initial == "35/CN-NTVĐ"
    assert not form.fields["certificate_on"].required
    response = client.post(
        reverse("admissions:case_advance", args=[sympathizer_case.pk]),
        {"stage": Stage.COURSE, "on": "01/03/2024"},
    )
    assert response.status_code == 302
    case = AdmissionCase.objects.get(pk=sympathizer_case.pk)
    assert case.stage == Stage.COURSE
    assert (case.certificate_on, case.certificate_number) == (date(2024, 2, 23), "35/CN-NTVĐ")
    assert case.certificate_enrollment == enrollment
    doc = case.documents.get(kind=DocKind.CERTIFICATE)
    assert doc.received_on == date(2024, 2, 23) and doc.expires_on == date(2029, 2, 23)
    assert doc.enrollment == enrollment
    # One audited save of the case carries the step's facts and the link.
    assert case.history.first().certificate_enrollment_id == enrollment.pk
    body = client.get(case_url).content.decode()
    assert 'data-source="training"' in body and course.title in body


@pytest.mark.parametrize(
    "step_on, accepted",
    [
        (date(2026, 3, 14), True),  # ADM-04: the day before the last valid day
        (date(2026, 3, 15), True),  # the last valid day: certificate date + 60 months
        (date(2026, 3, 16), False),  # the day after: expired, the course must be retaken
    ],
)
def test_adm04_training_certificate_60_months_at_the_boundaries(
    officer, tree, candidate, sympathizer_case, step_on, accepted
):
    course = awareness_course(officer, tree, starts_on=date(2021, 3, 8), ends_on=date(2021, 3, 12))
    enrollment = certify(course, candidate, officer, on=date(2021, 3, 15))
    if accepted:
        advance(sympathizer_case, Stage.COURSE, by=officer, on=step_on)
        case = AdmissionCase.objects.get(pk=sympathizer_case.pk)
        assert case.stage == Stage.COURSE
        assert case.certificate_on == date(2021, 3, 15)
        assert case.certificate_enrollment == enrollment
    else:
        with pytest.raises(
            StepRefused, match=r"Giấy chứng nhận học lớp nhận thức về Đảng hết hiệu lực.*\(ADM-04\)"
        ) as error:
            advance(sympathizer_case, Stage.COURSE, by=officer, on=step_on)
        assert {f.rule_id for f in error.value.findings} == {"ADM-04"}
        assert "15/03/2026" in " ".join(error.value.messages)
        case = AdmissionCase.objects.get(pk=sympathizer_case.pk)
        assert case.stage == Stage.SYMPATHIZER  # nothing half-saved
        assert case.certificate_on is None and case.certificate_enrollment is None


def test_outside_certificate_typed_when_none_in_the_system(login, officer, sympathizer_case):
    form = AdvanceForm(case=sympathizer_case, stage=Stage.COURSE)
    assert form.fields["certificate_on"].required  # nothing to take: the date is typed
    client = login(officer)
    url = reverse("admissions:case_advance", args=[sympathizer_case.pk])
    response = client.post(url, {"stage": Stage.COURSE, "on": "01/03/2024"})
    assert response.status_code == 200
    assert "Chưa có giấy chứng nhận trong hệ thống" in response.content.decode()
    with pytest.raises(
        StepRefused,
        match=r"Chưa có giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng.*\(ADM-04\)",
    ) as error:  # the service says the same without a form
        advance(sympathizer_case, Stage.COURSE, by=officer, on=date(2024, 3, 1))
    assert error.value.findings[0].rule_id == "ADM-04"
    response = client.post(
        url,
        {
            "stage": Stage.COURSE,
            "on": "01/03/2024",
            "certificate_on": "20/02/2024",
            "certificate_number": "07/GCN-TTCT",
        },
    )
    assert response.status_code == 302
    case = AdmissionCase.objects.get(pk=sympathizer_case.pk)
    assert (case.certificate_on, case.certificate_number) == (date(2024, 2, 20), "07/GCN-TTCT")
    assert case.certificate_enrollment is None
    body = client.get(reverse("admissions:case", args=[case.pk])).content.decode()
    assert 'data-source="typed"' in body


def test_course_step_of_another_stage_goes_through_advance(officer, case):
    with pytest.raises(
        StepRefused, match=r"Không được bỏ qua hoặc quay lại bước.*\(ADM-05\)"
    ) as error:
        advance(case, Stage.COURSE, by=officer, on=date(2024, 3, 1))
    assert error.value.findings[0].rule_id == "ADM-05"  # not the next stage


# --- PRB-04 ----------------------------------------------------------------------------------


@pytest.fixture
def new_member(case, walk):
    walk(case, Stage.MEMBER_FILE)
    case.refresh_from_db()
    return case.member


def new_member_course(officer, tree):
    return training.create_course(
        organizer=tree["commune"],
        kind=CourseKind.NEW_MEMBER,
        title="Lớp đảng viên mới 2025",
        starts_on=date(2025, 5, 12),
        ends_on=date(2025, 5, 16),
        by=officer,
    )


def item(fcase):
    return fcase.documents.get(kind=DocKind.NEW_MEMBER_COURSE)


def test_prb04_item_marked_when_the_course_is_completed_and_unmarked_if_withdrawn(
    login, officer, tree, new_member
):
    fcase = open_full_case_with_certificate(new_member, by=officer)
    assert item(fcase).received_on is None
    enrollment = training.enroll_member(
        new_member_course(officer, tree), member=new_member, by=officer
    )
    assert item(fcase).received_on is None  # enrolled, not completed
    training.record_result(
        enrollment,
        result=Result.COMPLETED,
        certificate_number="88/GCN",
        certificate_on=date(2025, 5, 16),
        by=officer,
    )
    doc = item(fcase)
    assert doc.received_on == date(2025, 5, 16)
    assert doc.enrollment == enrollment
    assert "88/GCN" in doc.note
    assert doc.history.first().history_user == officer
    body = login(officer).get(fcase.get_absolute_url()).content.decode()
    assert 'data-testid="from-training"' in body and "88/GCN" in body
    # The result corrected to "failed": the certificate is gone, so is the mark.
    training.record_result(enrollment, result=Result.FAILED, by=officer)
    doc = item(fcase)
    assert doc.received_on is None and doc.enrollment is None


def test_prb04_item_marked_when_the_case_opens_after_the_certificate(
    officer, tree, new_member, login
):
    enrollment = training.enroll_member(
        new_member_course(officer, tree), member=new_member, by=officer
    )
    training.record_result(enrollment, result=Result.COMPLETED, by=officer)
    # Through the page: the view opens the case with the certificate.
    response = login(officer).post(reverse("admissions:full_open", args=[new_member.pk]))
    fcase = new_member.full_cases.get()
    assert response.status_code == 302
    doc = item(fcase)
    assert doc.received_on == date(2025, 5, 16)  # the course's last day
    assert doc.enrollment == enrollment


def test_prb04_item_marked_by_hand_is_left_alone(officer, tree, new_member):
    fcase = open_full_case_with_certificate(new_member, by=officer)
    record_document(item(fcase), by=officer, received_on=date(2025, 6, 2), note="bản sao")
    enrollment = training.enroll_member(
        new_member_course(officer, tree), member=new_member, by=officer
    )
    training.record_result(enrollment, result=Result.COMPLETED, by=officer)
    doc = item(fcase)
    assert doc.received_on == date(2025, 6, 2) and doc.enrollment is None


def test_prb04_hand_date_replaces_the_training_mark(officer, tree, new_member):
    fcase = open_full_case_with_certificate(new_member, by=officer)
    enrollment = training.enroll_member(
        new_member_course(officer, tree), member=new_member, by=officer
    )
    training.record_result(enrollment, result=Result.COMPLETED, by=officer)
    assert item(fcase).enrollment == enrollment
    record_document(item(fcase), by=officer, received_on=date(2025, 6, 2))
    doc = item(fcase)
    assert doc.received_on == date(2025, 6, 2) and doc.enrollment is None


def test_case_page_warns_when_the_training_certificate_has_expired(
    login, officer, tree, candidate, sympathizer_case
):
    course = awareness_course(officer, tree, starts_on=date(2019, 3, 4), ends_on=date(2019, 3, 8))
    certify(course, candidate, officer, on=date(2019, 3, 8))  # expired on 08/03/2024
    body = login(officer).get(reverse("admissions:case", args=[sympathizer_case.pk]))
    body = body.content.decode()
    assert 'data-source="available"' in body
    assert 'data-testid="certificate-expired"' in body and "08/03/2024" in body


def test_candidate_page_lists_the_training_certificates(login, officer, tree, candidate, outsider):
    url = reverse("admissions:candidate", args=[candidate.pk])
    assert (
        "Chưa có giấy chứng nhận trong hồ sơ đào tạo." in login(officer).get(url).content.decode()
    )
    certify(awareness_course(officer, tree), candidate, officer, on=date(2024, 2, 23))
    body = login(officer).get(url).content.decode()
    assert "35/CN-NTVĐ" in body and "23/02/2029" in body
    assert login(outsider).get(url).status_code == 404
