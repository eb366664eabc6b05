"""What part of the party tree a user may read and write.

Every scoped query (`<things>_for(user)` in each app's queries.py) builds on these
filters, so a record outside the user's part of the tree is a 404 on every page,
export and API. The user's active assignments are read once per request and cached
on the user object.
"""

from typing import TYPE_CHECKING, TypeAlias

from django.db.models import Q
from django.utils import timezone

from organizations.enums import OrgKind

from .enums import SUBTREE_READ_ROLES, SUBTREE_WRITE_ROLES, Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from organizations.models import Organization

    from .models import RoleAssignment, User

    # A request's user, signed in or not.
    RequestUser: TypeAlias = User | AnonymousUser
    # Whoever is asking: a request's user, or nobody (a script).
    AnyUser: TypeAlias = User | AnonymousUser | None

_CACHE_ATTR = "_chibo_assignments"
NOTHING = Q(pk__in=[])
# Everything, as a Q that survives being OR-ed with another (an empty Q() would vanish).
EVERYTHING = ~Q(pk__in=[])


def active_assignments(user: "AnyUser") -> "list[RoleAssignment]":
    """The user's assignments in force today, with their organizations (one query)."""
    if user is None or not user.is_authenticated:
        return []
    cached: list[RoleAssignment] | None = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        today = timezone.localdate()
        cached = list(
            user.assignments.select_related("organization")
            .filter(starts_on__lte=today)
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        )
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget_assignments(user: "AnyUser") -> None:
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def active_roles(user: "AnyUser") -> set[str]:
    roles = {a.role for a in active_assignments(user)}
    if getattr(user, "is_superuser", False):
        roles.add(Role.ADMIN)
    return roles


def is_system_admin(user: "AnyUser") -> bool:
    """A superuser, or an administrator assigned to the whole system."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return any(a.role == Role.ADMIN and a.organization_id is None for a in active_assignments(user))


def _subtree(prefix: str, path: str) -> Q:
    return Q(**{f"{prefix}path__startswith": path})


def _own_cell(prefix: str, org: "Organization") -> Q:
    """A secretary's reach: the cell itself and its party groups."""
    return Q(**{f"{prefix}pk": org.pk}) | (
        _subtree(prefix, org.path) & Q(**{f"{prefix}kind": OrgKind.PARTY_GROUP})
    )


def org_read_filter(user: "AnyUser", prefix: str = "") -> Q:
    """Q over Organization (or a model reaching it through `prefix`) the user may read."""
    if is_system_admin(user):
        return EVERYTHING
    q = NOTHING
    for a in active_assignments(user):
        if a.organization is None:
            continue
        if a.role in SUBTREE_READ_ROLES:
            q |= _subtree(prefix, a.organization.path)
        elif a.role == Role.SECRETARY:
            q |= _own_cell(prefix, a.organization)
    return q


def org_read_filter_or_all(user: "AnyUser", prefix: str = "") -> Q | None:
    """org_read_filter, or None for a system administrator (no filter at all: lets a
    statistics query skip the scope join)."""
    return None if is_system_admin(user) else org_read_filter(user, prefix)


def org_write_filter(user: "AnyUser", prefix: str = "") -> Q:
    """Q over Organization the user may change (officers: subtree; secretaries: own cell)."""
    if is_system_admin(user):
        return EVERYTHING
    q = NOTHING
    for a in active_assignments(user):
        if a.organization is None:
            continue
        if a.role in SUBTREE_WRITE_ROLES:
            q |= _subtree(prefix, a.organization.path)
        elif a.role == Role.SECRETARY:
            q |= _own_cell(prefix, a.organization)
    return q


def can_write_org(user: "AnyUser", org: "Organization") -> bool:
    """In-memory check matching org_write_filter, for one organization already loaded."""
    if is_system_admin(user):
        return True
    for a in active_assignments(user):
        if a.organization is None:
            continue
        if a.role in SUBTREE_WRITE_ROLES and org.path.startswith(a.organization.path):
            return True
        if a.role == Role.SECRETARY and (
            org.pk == a.organization.pk
            or (org.path.startswith(a.organization.path) and org.kind == "party_group")
        ):
            return True
    return False


def can_manage_subtree(user: "AnyUser", org: "Organization") -> bool:
    """Officers and administrators may create, move and edit nodes under `org`."""
    if is_system_admin(user):
        return True
    return any(
        a.organization is not None
        and a.role in SUBTREE_WRITE_ROLES
        and org.path.startswith(a.organization.path)
        for a in active_assignments(user)
    )


def top_organizations(user: "AnyUser") -> "list[Organization]":
    """The roots of the user's reach, for the tree browser."""
    return [
        a.organization
        for a in active_assignments(user)
        if a.organization is not None and a.role != Role.MEMBER
    ]
