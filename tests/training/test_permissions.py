"""training/permissions.py: the four permissions of the training records, asked by name by
the views (training/views/), the templates and training.services."""

import pytest
from django.contrib.auth.models import AnonymousUser

from training.enums import CourseKind

pytestmark = pytest.mark.django_db


def test_courses_are_managed_by_the_organizers_writers(
    tree, course_factory, officer, secretary, other_secretary, inspector, outsider, admin_user
):
    """Asked on the course's organizer."""
    commune_course = course_factory(CourseKind.NEW_MEMBER)
    cell_course = course_factory(CourseKind.NEW_MEMBER, organizer=tree["cell_a"])
    for user in (officer, admin_user):
        assert user.has_perm("training.manage_courses", commune_course.organizer)
        assert user.has_perm("training.manage_courses", cell_course.organizer)
    assert secretary.has_perm("training.manage_courses", cell_course.organizer)
    assert not secretary.has_perm("training.manage_courses", commune_course.organizer)
    for user in (other_secretary, inspector, outsider):
        assert not user.has_perm("training.manage_courses", cell_course.organizer)
    assert not officer.has_perm("training.manage_courses")


def test_directives_are_added_by_whoever_writes_somewhere(
    tree, officer, secretary, outsider, admin_user, inspector, member_user
):
    """The list of directives is shared: any writer, wherever in the tree."""
    for user in (officer, secretary, outsider, admin_user):
        assert user.has_perm("training.add_directive")
    for user in (inspector, member_user, AnonymousUser()):
        assert not user.has_perm("training.add_directive")


def test_a_study_conference_is_recorded_by_the_holders_writers(
    tree, officer, secretary, other_secretary, inspector, outsider
):
    cell_a = tree["cell_a"]
    for user in (officer, secretary):
        assert user.has_perm("training.record_study", cell_a)
    for user in (other_secretary, inspector, outsider):
        assert not user.has_perm("training.record_study", cell_a)
    assert officer.has_perm("training.record_study", tree["commune"])
    assert not secretary.has_perm("training.record_study", tree["grassroots"])
    assert not officer.has_perm("training.record_study")


def test_the_directive_page_offers_the_form_to_a_writer_in_the_subtree(
    tree, officer, secretary, other_secretary, inspector, outsider
):
    """record_study_in_subtree: the user writes some organization under (or at) the page's;
    the cell's secretary, on the commune's page, records for the cell."""
    for org in ("province", "commune", "grassroots", "cell_a"):
        assert secretary.has_perm("training.record_study_in_subtree", tree[org])
    assert not secretary.has_perm("training.record_study_in_subtree", tree["cell_b"])
    assert other_secretary.has_perm("training.record_study_in_subtree", tree["cell_b"])
    assert not secretary.has_perm("training.record_study_in_subtree", tree["other_commune"])
    assert officer.has_perm("training.record_study_in_subtree", tree["province"])
    assert not officer.has_perm("training.record_study_in_subtree", tree["other_cell"])
    assert outsider.has_perm("training.record_study_in_subtree", tree["province"])
    assert not outsider.has_perm("training.record_study_in_subtree", tree["commune"])
    assert not inspector.has_perm("training.record_study_in_subtree", tree["commune"])
    assert not officer.has_perm("training.record_study_in_subtree")


def test_a_system_administrator_adds_directives_before_any_organization_exists(db):
    """An `admin` assignment without an organization (not a superuser: Django grants those
    every permission without asking the rules)."""
    from accounts.enums import Role
    from tests.factories import RoleAssignmentFactory, UserFactory

    admin = UserFactory(username="quantri")
    RoleAssignmentFactory(user=admin, role=Role.ADMIN, organization=None)
    assert not admin.is_superuser
    assert admin.has_perm("training.add_directive")
