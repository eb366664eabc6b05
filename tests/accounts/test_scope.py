"""accounts.scope: a user's reach of the party tree, as Q filters and in-memory checks.

Officers and inspectors read their organization's whole subtree (officers also write it), a
secretary reaches the own cell and its party groups, a system administrator everything, and
an assignment not in force today grants nothing.
"""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts import scope
from accounts.enums import Role
from organizations.enums import OrgKind
from organizations.models import Organization
from tests.factories import OrganizationFactory, RoleAssignmentFactory, UserFactory


@pytest.fixture
def group_a(tree):
    """A party group (tổ đảng) of cell_a."""
    group = OrganizationFactory(superior=tree["cell_a"], kind=OrgKind.PARTY_GROUP, name="Tổ 1")
    group.refresh_from_db()
    return group


def _names(q):
    return set(Organization.objects.filter(q).values_list("name", flat=True))


def _keys(tree, *keys):
    return {tree[key].name for key in keys}


def test_officer_reads_and_writes_the_subtree(tree, officer, group_a):
    subtree = _keys(tree, "commune", "grassroots", "cell_a", "cell_b") | {group_a.name}
    assert _names(scope.org_read_filter(officer)) == subtree
    assert _names(scope.org_write_filter(officer)) == subtree
    assert scope.can_write_org(officer, tree["cell_b"])
    assert not scope.can_write_org(officer, tree["province"])
    assert not scope.can_write_org(officer, tree["other_cell"])
    assert scope.can_manage_subtree(officer, tree["grassroots"])
    assert not scope.can_manage_subtree(officer, tree["other_commune"])


def test_inspector_reads_the_subtree_but_writes_nothing(tree, inspector):
    assert _names(scope.org_read_filter(inspector)) == _keys(
        tree, "commune", "grassroots", "cell_a", "cell_b"
    )
    assert _names(scope.org_write_filter(inspector)) == set()
    assert not scope.can_write_org(inspector, tree["cell_a"])
    assert not scope.can_manage_subtree(inspector, tree["cell_a"])


def test_secretary_reaches_the_own_cell_and_its_party_groups(tree, secretary, group_a):
    other_group = OrganizationFactory(superior=tree["cell_b"], kind=OrgKind.PARTY_GROUP)
    own = {tree["cell_a"].name, group_a.name}
    assert _names(scope.org_read_filter(secretary)) == own
    assert _names(scope.org_write_filter(secretary)) == own
    assert scope.can_write_org(secretary, tree["cell_a"])
    assert scope.can_write_org(secretary, group_a)
    assert not scope.can_write_org(secretary, tree["cell_b"])
    assert not scope.can_write_org(secretary, other_group)
    assert not scope.can_manage_subtree(secretary, tree["cell_a"])


def test_member_and_anonymous_reach_nothing(tree, member_user):
    for user in (member_user, AnonymousUser(), None):
        assert _names(scope.org_read_filter(user)) == set()
        assert _names(scope.org_write_filter(user)) == set()
        assert not scope.can_write_org(user, tree["cell_a"])
        assert not scope.is_system_admin(user)
    assert scope.active_assignments(AnonymousUser()) == []
    assert scope.active_assignments(None) == []
    assert scope.top_organizations(member_user) == []  # a member browses no tree


def test_system_admin_reaches_everything_without_a_filter(tree, admin_user):
    everything = set(Organization.objects.values_list("name", flat=True))
    assert _names(scope.org_read_filter(admin_user)) == everything
    assert _names(scope.org_write_filter(admin_user)) == everything
    assert scope.org_read_filter_or_all(admin_user) is None
    assert scope.can_write_org(admin_user, tree["other_cell"])
    assert scope.can_manage_subtree(admin_user, tree["province"])
    assert Role.ADMIN in scope.active_roles(admin_user)


def test_an_organizations_admin_is_not_a_system_admin(tree):
    user = UserFactory()
    RoleAssignmentFactory(user=user, role=Role.ADMIN, organization=tree["commune"])
    assert not scope.is_system_admin(user)
    # Its role still reaches the subtree of that organization only.
    assert scope.can_write_org(user, tree["cell_a"])
    assert not scope.can_write_org(user, tree["other_cell"])
    assert scope.org_read_filter_or_all(user) is not None


def test_a_superuser_is_a_system_admin_without_an_assignment(db):
    user = UserFactory(is_superuser=True)
    assert scope.is_system_admin(user)
    assert scope.active_roles(user) == {Role.ADMIN}


def test_only_assignments_in_force_today_count(tree):
    today = timezone.localdate()
    user = UserFactory()
    RoleAssignmentFactory(
        user=user, role=Role.OFFICER, organization=tree["commune"], ends_on=today - timedelta(1)
    )
    RoleAssignmentFactory(
        user=user, role=Role.OFFICER, organization=tree["province"], starts_on=today + timedelta(1)
    )
    RoleAssignmentFactory(
        user=user, role=Role.SECRETARY, organization=tree["cell_b"], ends_on=today
    )
    assert [a.organization for a in scope.active_assignments(user)] == [tree["cell_b"]]
    assert scope.active_roles(user) == {Role.SECRETARY}
    assert _names(scope.org_read_filter(user)) == {tree["cell_b"].name}


def test_assignments_are_read_once_until_forgotten(tree, officer):
    officer = type(officer).objects.get(pk=officer.pk)
    with CaptureQueriesContext(connection) as first:
        scope.active_assignments(officer)
        scope.org_read_filter(officer)
        scope.can_write_org(officer, tree["cell_a"])
    assert len(first) == 1
    RoleAssignmentFactory(user=officer, role=Role.OFFICER, organization=tree["other_commune"])
    assert not scope.can_write_org(officer, tree["other_cell"])  # still the cached reach
    scope.forget_assignments(officer)
    assert scope.can_write_org(officer, tree["other_cell"])
    scope.forget_assignments(officer)
    scope.forget_assignments(officer)  # nothing cached: no error


def test_a_prefix_filters_a_model_reaching_the_organization(tree, secretary):
    from members.models import Member
    from tests.factories import MemberFactory

    inside = MemberFactory(organization=tree["cell_a"])
    MemberFactory(organization=tree["cell_b"])
    members = Member.objects.filter(scope.org_read_filter(secretary, "organization__"))
    assert list(members) == [inside]


def test_top_organizations_are_the_roots_of_the_reach(tree, officer, secretary):
    assert scope.top_organizations(officer) == [tree["commune"]]
    assert scope.top_organizations(secretary) == [tree["cell_a"]]
    user = UserFactory()
    RoleAssignmentFactory(user=user, role=Role.INSPECTOR, organization=tree["commune"])
    RoleAssignmentFactory(
        user=user, role=Role.OFFICER, organization=tree["other_commune"], starts_on=date(2021, 1, 1)
    )
    assert set(scope.top_organizations(user)) == {tree["commune"], tree["other_commune"]}
