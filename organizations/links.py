"""What the apps above organizations lend it, registered from their AppConfig.ready().

organizations sits below accounts and members in the app order (a RoleAssignment points
at an Organization, a Member and a CommitteeSeat too), so it imports neither. Two small
seams let its queries, services and pages use what those apps own:

- The *reach* of a user over the tree: `accounts.scope` (the single source of who reads
  and writes what), registered by AccountsConfig.ready(). The functions below forward
  to it; without it nobody reaches anything.
- The *member figures* of the organization page: the active members of each branch and
  the committee seats, registered by MembersConfig.ready() (members.links).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, TypeAlias

from django.db.models import Q, QuerySet

if TYPE_CHECKING:
    # django-stubs' placeholders for the project's user model (AUTH_USER_MODEL), which its
    # mypy plugin resolves: organizations does not import accounts.
    from django.contrib.auth.models import _AnyUser, _User

    from .models import Organization

    User: TypeAlias = _User
    # Whoever is asking: a request's user (signed in or not), or nobody (a script).
    AnyUser: TypeAlias = _AnyUser | None


class Reach(Protocol):
    """accounts.scope, as organizations uses it."""

    def is_system_admin(self, user: AnyUser) -> bool: ...

    def org_read_filter(self, user: AnyUser, prefix: str = "") -> Q: ...

    def org_write_filter(self, user: AnyUser, prefix: str = "") -> Q: ...

    def top_organizations(self, user: AnyUser) -> list[Organization]: ...

    def can_write_org(self, user: AnyUser, org: Organization) -> bool: ...

    def can_manage_subtree(self, user: AnyUser, org: Organization) -> bool: ...


class MemberFigures(Protocol):
    """What the organization page shows of members (members.links)."""

    def active_member_counts(self, org: Organization) -> dict[str, int]:
        """Active members of `org` itself and of each direct subordinate's subtree, by
        path (one SQL aggregate)."""
        ...

    def seats(self) -> QuerySet[Any]:
        """Committee seats with their members, in the order a committee is listed (the
        queryset of the `seats` prefetch of a committee)."""
        ...


class _NoReach:
    def is_system_admin(self, user: AnyUser) -> bool:
        return False

    def org_read_filter(self, user: AnyUser, prefix: str = "") -> Q:
        return Q(pk__in=[])

    def org_write_filter(self, user: AnyUser, prefix: str = "") -> Q:
        return Q(pk__in=[])

    def top_organizations(self, user: AnyUser) -> list[Organization]:
        return []

    def can_write_org(self, user: AnyUser, org: Organization) -> bool:
        return False

    def can_manage_subtree(self, user: AnyUser, org: Organization) -> bool:
        return False


_reach: Reach = _NoReach()
_member_figures: MemberFigures | None = None


def register_reach(reach: Reach) -> None:
    global _reach
    _reach = reach


def register_member_figures(figures: MemberFigures) -> None:
    global _member_figures
    _member_figures = figures


def member_figures() -> MemberFigures | None:
    return _member_figures


# --- The reach, as the rest of organizations calls it -------------------------------------


def is_system_admin(user: AnyUser) -> bool:
    return _reach.is_system_admin(user)


def org_read_filter(user: AnyUser, prefix: str = "") -> Q:
    return _reach.org_read_filter(user, prefix)


def org_write_filter(user: AnyUser, prefix: str = "") -> Q:
    return _reach.org_write_filter(user, prefix)


def top_organizations(user: AnyUser) -> list[Organization]:
    return _reach.top_organizations(user)


def can_write_org(user: AnyUser, org: Organization) -> bool:
    return _reach.can_write_org(user, org)


def can_manage_subtree(user: AnyUser, org: Organization) -> bool:
    return _reach.can_manage_subtree(user, org)
