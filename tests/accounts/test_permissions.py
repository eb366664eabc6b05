"""django-rules permissions built on accounts.scope."""

import pytest

from accounts.enums import Role
from tests.factories import MemberFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_manage_users_is_for_system_admins_only(admin_user, officer, secretary, member_user):
    assert admin_user.has_perm("accounts.manage_users")
    for user in (officer, secretary, member_user):
        assert not user.has_perm("accounts.manage_users")


def test_admin_of_an_organization_is_not_a_system_admin(tree):
    user = UserFactory()
    RoleAssignmentFactory(user=user, role=Role.ADMIN, organization=tree["commune"])
    assert not user.has_perm("accounts.manage_users")


def test_member_permissions(tree, officer, secretary, other_secretary, inspector, member_user):
    own = member_user.member
    other = MemberFactory(organization=tree["cell_a"])
    assert member_user.has_perm("members.view_member", own)
    assert not member_user.has_perm("members.view_member", other)
    assert not member_user.has_perm("members.change_member", own)
    assert not member_user.has_perm("members.add_member")
    for user in (officer, secretary):
        assert user.has_perm("members.view_member", other)
        assert user.has_perm("members.change_member", other)
        assert user.has_perm("members.add_member")
        assert user.has_perm("members.add_member", tree["cell_a"])
    assert inspector.has_perm("members.view_member", other)
    assert not inspector.has_perm("members.change_member", other)
    assert not inspector.has_perm("members.add_member")
    assert not other_secretary.has_perm("members.view_member", other)
    assert not other_secretary.has_perm("members.add_member", tree["cell_a"])


def test_anonymous_has_no_permission(tree):
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    assert not anonymous.has_perm("members.view_member", MemberFactory(organization=tree["cell_a"]))
    assert not anonymous.has_perm("organizations.view_organization", tree["cell_a"])
    assert not anonymous.has_perm("accounts.manage_users")
