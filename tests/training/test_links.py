"""ADM-04: a learner linked to an admissions candidate, picked within the user's subtree
(training.links, filled in by admissions.links)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from admissions.services.candidates import add_candidate
from training import links, services
from training.enums import CourseKind
from training.models import Enrollment
from training.queries import candidate_ref_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def candidate(tree, officer):
    return add_candidate(
        by=officer,
        cell=tree["cell_a"],
        on=date(2024, 1, 2),
        full_name="Lường Thị Hoa",
        sex="female",
        date_of_birth=date(2000, 3, 15),
        citizen_id="020300001234",
        source="youth_union",
    )


@pytest.fixture
def awareness(course_factory):
    return course_factory(CourseKind.PARTY_AWARENESS)


def test_directory_is_scoped(candidate, officer, secretary, other_secretary, outsider, tree):
    ref = candidate_ref_of(candidate)
    directory = links.directory()
    assert [p.ref for p in directory.linkable_for(officer)] == [ref]
    # The course page narrows the list to the organizer's subtree.
    assert [p.ref for p in directory.linkable_for(officer, within=tree["commune"])] == [ref]
    assert directory.linkable_for(officer, within=tree["cell_b"]) == []
    assert [p.ref for p in directory.linkable_for(secretary)] == [ref]
    for user in (other_secretary, outsider):
        assert directory.linkable_for(user) == []
        assert directory.get_for(user, ref) is None
        assert directory.describe(user, [ref]) == {}
    assert directory.get_for(officer, ref).full_name == "Lường Thị Hoa"
    assert directory.get_for(officer, "admissions.candidate:nope") is None
    assert directory.get_for(officer, "organizations.organization:1") is None


def test_enrol_linked_candidate_copies_the_person(awareness, candidate, officer):
    enrollment = services.enroll_person(
        awareness, candidate_ref=candidate_ref_of(candidate), notes="ghi chú", by=officer
    )
    assert enrollment.person_name == "Lường Thị Hoa"
    assert enrollment.person_birth_date == date(2000, 3, 15)
    assert enrollment.person_citizen_id == "020300001234"
    with pytest.raises(
        ValidationError, match="Lường Thị Hoa đã có tên trong lớp"
    ) as error:  # once per course
        services.enroll_person(awareness, candidate_ref=candidate_ref_of(candidate), by=officer)
    assert "candidate_ref" in error.value.message_dict


def test_candidate_of_another_subtree_cannot_be_linked(
    course_factory, candidate, officer, outsider, tree
):
    """The outsider organizes a course in their own commune: cell_a's candidate is neither
    offered nor accepted (the form and the service both refuse; nothing is saved)."""
    course = services.create_course(
        organizer=tree["other_commune"],
        kind=CourseKind.PARTY_AWARENESS,
        title="Lớp của phường",
        starts_on=date(2024, 3, 4),
        ends_on=date(2024, 3, 8),
        by=outsider,
    )
    ref = candidate_ref_of(candidate)
    with pytest.raises(
        ValidationError, match="Không tìm thấy quần chúng này trong phạm vi quản lý"
    ) as error:
        services.enroll_person(course, candidate_ref=ref, by=outsider)
    assert error.value.message_dict["candidate_ref"] == [
        "Không tìm thấy quần chúng này trong phạm vi quản lý."
    ]
    assert not Enrollment.objects.exists()


def test_enrol_form_offers_only_readable_candidates(
    login, course_factory, candidate, officer, outsider, tree
):
    course = course_factory(CourseKind.PARTY_AWARENESS)
    body = login(officer).get(course.get_absolute_url()).content.decode()
    assert candidate_ref_of(candidate) in body
    other = services.create_course(
        organizer=tree["other_commune"],
        kind=CourseKind.PARTY_AWARENESS,
        title="Lớp của phường",
        starts_on=date(2024, 3, 4),
        ends_on=date(2024, 3, 8),
        by=outsider,
    )
    client = login(outsider)
    assert candidate_ref_of(candidate) not in client.get(other.get_absolute_url()).content.decode()
    response = client.post(
        reverse("training:enroll", args=[other.pk]),
        {"who": "person", "p-candidate_ref": candidate_ref_of(candidate)},
    )
    assert response.status_code == 400
    assert "Quần chúng này không có trong danh sách" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_enrol_form_needs_a_name_or_a_candidate(login, awareness, officer):
    client = login(officer)
    response = client.post(reverse("training:enroll", args=[awareness.pk]), {"who": "person"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Cần ghi họ và tên, hoặc chọn quần chúng trong danh sách." in body
    assert not Enrollment.objects.exists()
    response = client.post(
        reverse("training:enroll", args=[awareness.pk]),
        {"who": "person", "p-full_name": "Vi Văn Tùng", "p-date_of_birth": "02/04/2000"},
    )
    assert response.status_code == 302
    assert Enrollment.objects.get().candidate_ref == ""  # an unlinked learner still works
