"""accounts' permissions, declared once (django-rules), built on accounts.scope.

accounts.scope stays the single source of who reaches what; each app names its own checks
as permissions in its `permissions` module (organizations/permissions.py,
members/permissions.py, meetings/permissions.py, …), and views, templates, services and
the API ask them by name: `user.has_perm("members.change_member", member)`. This module
holds accounts' own, and core's (core sits below accounts and cannot name its predicates).
Imported by AccountsConfig.ready().
"""

import rules

from . import scope


@rules.predicate
def is_system_admin(user) -> bool:
    return scope.is_system_admin(user)


rules.add_perm("accounts.manage_users", is_system_admin)
# core.views.holidays asks for it: the public-holiday calendar is edited by system admins.
rules.add_perm("core.manage_holidays", is_system_admin)
