"""admissions/permissions.py: the seven permissions of the admission work, asked by name by
the views (admissions/views/), the services and the templates."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.enums import Role
from admissions.models import FullMembershipCase
from admissions.services.full_membership import open_full_case
from tests.admissions.conftest import probationary
from tests.factories import RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def secretary_of(organization):
    user = UserFactory()
    RoleAssignmentFactory(user=user, role=Role.SECRETARY, organization=organization)
    return user


def test_the_admission_pages_are_for_any_seat_but_the_member_role(
    tree, officer, secretary, inspector, outsider, admin_user, member_user
):
    for user in (officer, secretary, inspector, outsider, admin_user):
        assert user.has_perm("admissions.view_admissions")
    assert not member_user.has_perm("admissions.view_admissions")
    assert not AnonymousUser().has_perm("admissions.view_admissions")
    assert not UserFactory().has_perm("admissions.view_admissions")
    retired = UserFactory()
    RoleAssignmentFactory(
        user=retired, role=Role.SECRETARY, organization=tree["cell_a"], ends_on=date(2026, 6, 30)
    )
    assert not retired.has_perm("admissions.view_admissions")


def test_adding_a_candidate_is_writing_the_cell(
    tree, officer, secretary, other_secretary, inspector, outsider, admin_user
):
    cell_a = tree["cell_a"]
    for user in (officer, secretary, admin_user):
        assert user.has_perm("admissions.add_candidate", cell_a)
    for user in (other_secretary, inspector, outsider):
        assert not user.has_perm("admissions.add_candidate", cell_a)
    assert other_secretary.has_perm("admissions.add_candidate", tree["cell_b"])
    assert not officer.has_perm("admissions.add_candidate")


def test_changing_a_candidate_is_writing_their_cell(
    candidate, officer, secretary, other_secretary, inspector, outsider, member_user
):
    for user in (officer, secretary):
        assert user.has_perm("admissions.change_candidate", candidate)
    for user in (other_secretary, inspector, outsider, member_user):
        assert not user.has_perm("admissions.change_candidate", candidate)
    assert not officer.has_perm("admissions.change_candidate")


def test_an_admission_case_belongs_to_its_cell(
    case, officer, secretary, other_secretary, inspector, outsider
):
    for user in (officer, secretary):
        assert user.has_perm("admissions.change_case", case)
    for user in (other_secretary, inspector, outsider):
        assert not user.has_perm("admissions.change_case", case)
    assert not officer.has_perm("admissions.change_case")


def test_a_full_membership_case_belongs_to_the_members_organization(
    tree, officer, secretary, other_secretary, inspector
):
    """Not a cell of its own: the probationary member's organization, read through
    the member (a move of the member moves the case)."""
    member = probationary(tree["cell_b"])
    full_case = open_full_case(member, by=officer)
    assert officer.has_perm("admissions.change_case", full_case)
    assert other_secretary.has_perm("admissions.change_case", full_case)
    assert not secretary.has_perm("admissions.change_case", full_case)
    assert not inspector.has_perm("admissions.change_case", full_case)
    member.organization = tree["cell_a"]
    member.save()
    full_case = FullMembershipCase.objects.get(pk=full_case.pk)
    assert secretary.has_perm("admissions.change_case", full_case)
    assert not other_secretary.has_perm("admissions.change_case", full_case)


def test_steps_are_recorded_by_the_body_that_takes_them(
    tree, officer, secretary, inspector, outsider, admin_user
):
    """ADM-06: the cell's steps are asked on the cell, its committee's resolution and the
    decision on the grassroots organization, which a secretary of a chi bộ trực thuộc
    does not write; the secretary of a chi bộ cơ sở is its own grassroots organization."""
    cell_a, grassroots = tree["cell_a"], tree["grassroots"]
    assert secretary.has_perm("admissions.record_step", cell_a)
    assert not secretary.has_perm("admissions.record_step", grassroots)
    for user in (officer, admin_user):
        assert user.has_perm("admissions.record_step", cell_a)
        assert user.has_perm("admissions.record_step", grassroots)
    for user in (inspector, outsider):
        assert not user.has_perm("admissions.record_step", cell_a)
        assert not user.has_perm("admissions.record_step", grassroots)
    grassroots_cell_secretary = secretary_of(tree["other_cell"])
    assert grassroots_cell_secretary.has_perm("admissions.record_step", tree["other_cell"])
    assert not officer.has_perm("admissions.record_step")


def test_opening_a_full_case_is_writing_the_members_organization(
    tree, officer, secretary, other_secretary, inspector, outsider, member_user
):
    member = probationary(tree["cell_a"])
    for user in (officer, secretary):
        assert user.has_perm("admissions.open_full_case", member)
    for user in (other_secretary, inspector, outsider, member_user):
        assert not user.has_perm("admissions.open_full_case", member)
    assert not officer.has_perm("admissions.open_full_case")


def test_targets_are_set_by_the_organizations_writers(
    tree, officer, secretary, inspector, outsider, admin_user
):
    """ADM-11."""
    commune, cell_a = tree["commune"], tree["cell_a"]
    for user in (officer, admin_user):
        assert user.has_perm("admissions.manage_targets", commune)
    assert secretary.has_perm("admissions.manage_targets", cell_a)
    assert not secretary.has_perm("admissions.manage_targets", commune)
    for user in (inspector, outsider):
        assert not user.has_perm("admissions.manage_targets", commune)
    assert not officer.has_perm("admissions.manage_targets")
