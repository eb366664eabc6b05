"""Who may write training records (django-rules), built on accounts.scope.

Declared once here; views (`permission = ...`, `user.has_perm(name, obj)`), templates and
training.services ask the same names. Imported by TrainingConfig.ready().

- `training.manage_courses` (the organizer, an Organization): open and edit its courses,
  enrol learners, record results and close a course: the writers of the organizer.
- `training.add_directive` (no object): add a directive or resolution to the shared list:
  whoever may write somewhere in the tree.
- `training.record_study` (the Organization that held the conference): its writers.
- `training.record_study_in_subtree` (an Organization): the user writes at least one
  organization of its subtree, so the directive page of that organization offers the form.
"""

from typing import Any

import rules

from accounts.scope import can_write_org, is_system_admin
from organizations.queries import writable_organizations_for


@rules.predicate
def writes_organization(user: Any, organization: Any) -> bool:
    return organization is not None and can_write_org(user, organization)


@rules.predicate
def writes_somewhere(user: Any) -> bool:
    """A system administrator, or a writer of at least one organization."""
    return is_system_admin(user) or bool(writable_organizations_for(user).exists())


@rules.predicate
def writes_in_subtree(user: Any, organization: Any) -> bool:
    if organization is None:
        return False
    return bool(writable_organizations_for(user).filter(organization.subtree_q()).exists())


rules.add_perm("training.manage_courses", writes_organization)
rules.add_perm("training.add_directive", writes_somewhere)
rules.add_perm("training.record_study", writes_organization)
rules.add_perm("training.record_study_in_subtree", writes_in_subtree)
