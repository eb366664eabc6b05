"""django-rules permissions built on accounts.scope."""

import pytest

from accounts.enums import Role
from tests.factories import RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_manage_users_is_for_system_admins_only(admin_user, officer, secretary, member_user):
    assert admin_user.has_perm("accounts.manage_users")
    for user in (officer, secretary, member_user):
        assert not user.has_perm("accounts.manage_users")


def test_admin_of_an_organization_is_not_a_system_admin(tree):
    user = UserFactory()
    RoleAssignmentFactory(user=user, role=Role.ADMIN, organization=tree["commune"])
    assert not user.has_perm("accounts.manage_users")


def test_anonymous_has_no_permission(tree):
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    assert not anonymous.has_perm("organizations.view_organization", tree["cell_a"])
    assert not anonymous.has_perm("accounts.manage_users")
