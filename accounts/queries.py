"""Scoped reads of accounts: only system administrators see users and assignments."""

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from core.text import fold

from .models import RoleAssignment, User
from .scope import is_system_admin

if TYPE_CHECKING:
    from .scope import AnyUser


def users_for(user: "AnyUser") -> QuerySet[User]:
    """Users the given user may manage: all of them for a system administrator, else none."""
    if not is_system_admin(user):
        return User.objects.none()
    return User.objects.all()


def get_user_for(by: "AnyUser", pk: int) -> User:
    return get_object_or_404(users_for(by), pk=pk)


def search_users(qs: QuerySet[User], text: str) -> QuerySet[User]:
    """Diacritic-insensitive search over username and full name ("duc" finds "Đức")."""
    for word in fold(text).split():
        qs = qs.filter(search_name__contains=word)
    return qs


def user_list_for(by: "AnyUser", text: str = "") -> QuerySet[User]:
    """The administrator's user list: searched, with assignments prefetched (constant queries)."""
    qs = search_users(users_for(by), text)
    return qs.prefetch_related("assignments__organization").order_by("username")


def assignments_for(user: "AnyUser") -> QuerySet[RoleAssignment]:
    if not is_system_admin(user):
        return RoleAssignment.objects.none()
    return RoleAssignment.objects.all()


def get_assignment_for(by: "AnyUser", pk: int) -> RoleAssignment:
    return get_object_or_404(assignments_for(by).select_related("user", "organization"), pk=pk)
