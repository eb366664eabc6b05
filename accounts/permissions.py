"""Object-level permissions (django-rules), built on accounts.scope.

accounts.scope stays the single source of who reaches what; this module only names
those checks as permissions so that views and templates can ask
`user.has_perm("members.change_member", member)`. Imported by AccountsConfig.ready().

Objects: organizations.* take an Organization (add_organization: the future superior);
members.view/change take a Member; members.add_member takes the Organization the new
member will belong to, or nothing for "may add members somewhere".
"""

import rules

from organizations.models import Organization
from organizations.queries import writable_organizations_for

from . import scope


@rules.predicate
def is_system_admin(user) -> bool:
    return scope.is_system_admin(user)


@rules.predicate
def can_read_organization(user, organization) -> bool:
    if organization is None or not user.is_authenticated:
        return False
    if scope.is_system_admin(user):
        return True
    return Organization.objects.filter(scope.org_read_filter(user), pk=organization.pk).exists()


@rules.predicate
def can_write_organization(user, organization) -> bool:
    return organization is not None and scope.can_write_org(user, organization)


@rules.predicate
def can_manage_organization(user, organization) -> bool:
    return organization is not None and scope.can_manage_subtree(user, organization)


@rules.predicate
def is_own_member(user, member) -> bool:
    return member is not None and user.is_authenticated and member.user_id == user.pk


@rules.predicate
def can_read_member_organization(user, member) -> bool:
    return member is not None and can_read_organization(user, member.organization)


@rules.predicate
def can_write_member_organization(user, member) -> bool:
    return member is not None and scope.can_write_org(user, member.organization)


@rules.predicate
def can_add_member(user, organization=None) -> bool:
    if organization is not None:
        return scope.can_write_org(user, organization)
    if scope.is_system_admin(user):
        return True
    return writable_organizations_for(user).exists()


rules.add_perm("accounts.manage_users", is_system_admin)
# core.views_holidays asks for it: the public-holiday calendar is edited by system admins.
rules.add_perm("core.manage_holidays", is_system_admin)
rules.add_perm("organizations.view_organization", can_read_organization)
rules.add_perm("organizations.change_organization", can_write_organization)
rules.add_perm("organizations.add_organization", can_manage_organization)
rules.add_perm("organizations.delete_organization", can_manage_organization)
rules.add_perm("members.view_member", is_own_member | can_read_member_organization)
rules.add_perm("members.change_member", can_write_member_organization)
rules.add_perm("members.add_member", can_add_member)
