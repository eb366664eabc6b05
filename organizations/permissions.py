"""organizations' permissions, declared once (django-rules); views, templates, services and
the API ask them by name: `user.has_perm("organizations.change_units", cell)`.

The predicates read the user's reach through `organizations.links` (accounts/scope.py fills
it in: organizations sits below accounts and does not import it). Each takes the
organization the action is about (for `add_organization`: the future superior).

| permission | who |
| --- | --- |
| view_organization | readers of the organization (its subtree's officers, inspectors, its secretary) |
| change_organization | writers of its records (officers of the subtree, the cell's secretary) |
| add_organization | officers of the subtree, under a live organization that may hold others (ORG-01) |
| manage_organization | officers of the subtree: name, kind, code, dates |
| restructure_organization | officers of the superior: move, dissolve (the root: administrators) |
| record_succession | officers of the subtree |
| designate_model_cell | the superior's officers, for a cell (ORG-03) |
| change_units | a cell's writers: its residential units |
| change_committees | writers: terms, committees, seats |
"""

from typing import Any

import rules

from . import links
from .enums import CELL_KINDS
from .models import Organization
from .rules import ALLOWED_CHILDREN


def superior_stub(org: Organization) -> Organization | None:
    """The direct superior as a path-only object, enough for the scope checks (no query)."""
    if org.depth <= 1:
        return None
    return Organization(path=org.path[: -Organization.steplen], depth=org.depth - 1)


@rules.predicate
def reads(user: Any, org: Organization | None) -> bool:
    if org is None or not user.is_authenticated:
        return False
    if links.is_system_admin(user):
        return True
    return Organization.objects.filter(links.org_read_filter(user), pk=org.pk).exists()


@rules.predicate
def writes(user: Any, org: Organization | None) -> bool:
    return org is not None and links.can_write_org(user, org)


@rules.predicate
def manages(user: Any, org: Organization | None) -> bool:
    return org is not None and links.can_manage_subtree(user, org)


@rules.predicate
def may_hold_subordinates(user: Any, org: Organization | None) -> bool:
    """ORG-01: a party group holds nothing; a dissolved organization takes no new ones."""
    return org is not None and not org.is_dissolved and bool(ALLOWED_CHILDREN[org.kind])


@rules.predicate
def manages_superior(user: Any, org: Organization | None) -> bool:
    """Moving or dissolving is decided above the organization: its superior's officers."""
    if org is None:
        return False
    superior = superior_stub(org)
    if superior is None:
        return links.is_system_admin(user)
    return links.can_manage_subtree(user, superior)


@rules.predicate
def is_cell(user: Any, org: Organization | None) -> bool:
    return org is not None and org.kind in CELL_KINDS


rules.add_perm("organizations.view_organization", reads)
rules.add_perm("organizations.change_organization", writes)
rules.add_perm("organizations.add_organization", may_hold_subordinates & manages)
rules.add_perm("organizations.manage_organization", manages)
rules.add_perm("organizations.restructure_organization", manages_superior)
rules.add_perm("organizations.record_succession", manages)
rules.add_perm("organizations.designate_model_cell", is_cell & manages_superior)
rules.add_perm("organizations.change_units", is_cell & writes)
rules.add_perm("organizations.change_committees", writes)
