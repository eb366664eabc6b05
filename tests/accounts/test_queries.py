"""accounts.queries: only a system administrator reads users and assignments; the user search
ignores diacritics and case."""

import pytest
from django.http import Http404

from accounts import queries
from accounts.enums import Role
from accounts.models import RoleAssignment, User
from tests.factories import RoleAssignmentFactory, UserFactory


@pytest.fixture
def personas(officer, secretary, inspector, member_user, outsider):
    return [officer, secretary, inspector, member_user, outsider]


def test_admin_reads_every_user_and_assignment(admin_user, personas):
    assert set(queries.users_for(admin_user)) == set(User.objects.all())
    assert set(queries.assignments_for(admin_user)) == set(RoleAssignment.objects.all())
    other = personas[0]
    assert queries.get_user_for(admin_user, other.pk) == other
    assignment = other.assignments.get()
    found = queries.get_assignment_for(admin_user, assignment.pk)
    assert found == assignment and found.organization == assignment.organization


def test_no_one_else_reads_any(admin_user, personas):
    for user in [*personas, None]:
        assert not queries.users_for(user).exists()
        assert not queries.assignments_for(user).exists()
        assert not queries.user_list_for(user).exists()
        with pytest.raises(Http404):
            queries.get_user_for(user, admin_user.pk)
        with pytest.raises(Http404):
            queries.get_assignment_for(user, admin_user.assignments.get().pk)


def test_an_organizations_admin_reads_no_user(tree, admin_user):
    user = UserFactory()
    RoleAssignmentFactory(user=user, role=Role.ADMIN, organization=tree["commune"])
    assert not queries.users_for(user).exists()


def test_search_ignores_diacritics_and_case_and_needs_every_word(admin_user):
    duc = UserFactory(username="ducnv", full_name="Nguyễn Văn Đức")
    hoa = UserFactory(username="hoalt", full_name="Lê Thị Hòa")
    assert list(queries.user_list_for(admin_user, "duc")) == [duc]
    assert list(queries.user_list_for(admin_user, "LE hoa")) == [hoa]
    assert list(queries.user_list_for(admin_user, "hoalt")) == [hoa]  # the username too
    assert list(queries.user_list_for(admin_user, "duc hoa")) == []
    assert list(queries.user_list_for(admin_user, "   ")) == list(queries.user_list_for(admin_user))


def test_the_list_is_ordered_by_username(admin_user):
    UserFactory(username="zeta")
    UserFactory(username="alpha")
    names = [u.username for u in queries.user_list_for(admin_user)]
    assert names == sorted(names) and names[0] == "admin"
