"""The member register's permissions (django-rules), built on accounts.scope.

Declared once here; views (`permission = ...`, `user.has_perm(name, obj)`), templates and
services (`if not by.has_perm(name, obj): raise PermissionDenied(...)`) ask these names.
Imported by MembersConfig.ready().

Objects:
- members.view_member, members.change_member: a Member (changing it covers its profile,
  status events, exemptions, periods of non-participation and the opening of a transfer);
- members.add_member: the Organization the member will belong to, or nothing for "may add
  members somewhere" (also: taking in a member coming back from outside the system);
- members.view_register: nothing; the lists of the register's work (transfers, deadlines,
  exemptions, the export in the import layout) are for those who reach some organization:
  a member (own record only) is refused, and the pages answer 404;
- members.import_members: nothing; the import pages are for those who write some part of
  the tree (a 404 for anyone else);
- members.send_transfer, members.cancel_transfer (the sending side),
  members.receive_transfer (the receiving side), members.return_transfer (either side):
  a Transfer;
- members.record_badges: the Organization whose due list is shown (BDG-01);
  members.record_badge: a Member.
"""

from typing import Any

import rules

from accounts.enums import Role
from accounts.scope import active_roles, can_write_org, is_system_admin, org_read_filter
from organizations.models import Organization
from organizations.queries import writable_organizations_for


@rules.predicate
def is_own_member(user: Any, member: Any) -> bool:
    return member is not None and user.is_authenticated and member.user_id == user.pk


@rules.predicate
def reads_member_organization(user: Any, member: Any) -> bool:
    if member is None or not user.is_authenticated:
        return False
    if is_system_admin(user):
        return True
    return Organization.objects.filter(org_read_filter(user), pk=member.organization_id).exists()


@rules.predicate
def writes_member_organization(user: Any, member: Any) -> bool:
    return member is not None and can_write_org(user, member.organization)


@rules.predicate
def writes_organization(user: Any, organization: Any) -> bool:
    return organization is not None and can_write_org(user, organization)


@rules.predicate
def writes_some_organization(user: Any) -> bool:
    if is_system_admin(user):
        return True
    return writable_organizations_for(user).exists()


@rules.predicate
def may_add_member(user: Any, organization: Any = None) -> bool:
    if organization is not None:
        return can_write_org(user, organization)
    return bool(writes_some_organization(user))


@rules.predicate
def reaches_some_organization(user: Any) -> bool:
    """Holds a seat other than the member role (a superuser counts as an administrator)."""
    return bool(active_roles(user) - {Role.MEMBER})


@rules.predicate
def writes_sending_side(user: Any, transfer: Any) -> bool:
    return (
        transfer is not None
        and transfer.from_organization is not None
        and can_write_org(user, transfer.from_organization)
    )


@rules.predicate
def writes_receiving_side(user: Any, transfer: Any) -> bool:
    return (
        transfer is not None
        and transfer.to_organization is not None
        and can_write_org(user, transfer.to_organization)
    )


rules.add_perm("members.view_member", is_own_member | reads_member_organization)
rules.add_perm("members.change_member", writes_member_organization)
rules.add_perm("members.add_member", may_add_member)
rules.add_perm("members.view_register", reaches_some_organization)
rules.add_perm("members.import_members", writes_some_organization)
rules.add_perm("members.send_transfer", writes_sending_side)
rules.add_perm("members.cancel_transfer", writes_sending_side)
rules.add_perm("members.receive_transfer", writes_receiving_side)
rules.add_perm("members.return_transfer", writes_sending_side | writes_receiving_side)
rules.add_perm("members.record_badges", writes_organization)
rules.add_perm("members.record_badge", writes_member_organization)
