"""The permissions of the admission work, declared once (django-rules over accounts.scope).

Views ask them (`permission = ...`, `user.has_perm(name, obj)`), templates read the flags
the views compute with them, and services refuse with PermissionDenied when they fail:

- "admissions.view_admissions" (no object): the admission pages are for those who reach
  some organization with a role other than "member" (a member gets 404);
- "admissions.add_candidate" (the cell): put a person on the cell's list;
- "admissions.change_candidate" (a Candidate): edit, move on or off the list, review, open
  the case;
- "admissions.change_case" (an AdmissionCase or a FullMembershipCase): sponsors, dossier,
  closing, the step forms of the case page;
- "admissions.record_step" (the organization whose body takes the step: the cell, or the
  grassroots organization for its committee's resolution and the decision, ADM-06);
- "admissions.open_full_case" (a probationary Member): open the full-membership case;
- "admissions.manage_targets" (an Organization): ADM-11 targets.

Imported by AdmissionsConfig.ready().
"""

import rules

from accounts.enums import Role
from accounts.scope import active_roles, can_write_org

from .models import FullMembershipCase


@rules.predicate
def reaches_admissions(user) -> bool:
    return user.is_authenticated and bool(active_roles(user) - {Role.MEMBER})


@rules.predicate
def can_write_organization(user, organization) -> bool:
    return organization is not None and can_write_org(user, organization)


@rules.predicate
def can_write_candidate(user, candidate) -> bool:
    return candidate is not None and can_write_org(user, candidate.cell)


@rules.predicate
def can_write_case(user, case) -> bool:
    if case is None:
        return False
    if isinstance(case, FullMembershipCase):
        return can_write_org(user, case.member.organization)
    return can_write_org(user, case.cell)


@rules.predicate
def can_write_member(user, member) -> bool:
    return member is not None and can_write_org(user, member.organization)


rules.add_perm("admissions.view_admissions", reaches_admissions)
rules.add_perm("admissions.add_candidate", can_write_organization)
rules.add_perm("admissions.change_candidate", can_write_candidate)
rules.add_perm("admissions.change_case", can_write_case)
rules.add_perm("admissions.record_step", can_write_organization)
rules.add_perm("admissions.open_full_case", can_write_member)
rules.add_perm("admissions.manage_targets", can_write_organization)
