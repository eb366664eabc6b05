"""Who may write inspection, supervision and discipline records (django-rules), built on
accounts.scope. Declared once here; views and templates ask the same names. Imported by
DisciplineConfig.ready().

- `discipline.manage_inspections` (an Organization): programmes, inspections and
  supervisions conducted there, their conclusions and recommendations: the officers and
  administrators of its subtree, and the inspectors
  (inspection commission members) of its subtree, who record the inspections and
  supervision of their scope (INS-01). This is an inspector's only write: everything
  else they read.
- `discipline.assign_followers` (an Organization): which committee member follows which
  area or field (INS-02's "phân công cấp ủy viên theo dõi"), a committee's act: its
  officers and administrators only, never an inspector.
- `discipline.decide` (the deciding Organization): record a discipline it decides and
  what follows it (deferral, receipt, appeal, badge): its officers (subtree writers), or
  the secretary of a cell for the cell's own decisions (DIS-02). Never an inspector.
"""

from typing import Any

import rules

from accounts.enums import Role
from accounts.scope import active_assignments, can_manage_subtree, is_system_admin


@rules.predicate
def manages_subtree(user: Any, organization: Any) -> bool:
    return organization is not None and can_manage_subtree(user, organization)


@rules.predicate
def inspects_subtree(user: Any, organization: Any) -> bool:
    """An inspector assigned to `organization` or an organization above it (INS-01)."""
    if organization is None:
        return False
    return any(
        a.role == Role.INSPECTOR
        and a.organization is not None
        and organization.path.startswith(a.organization.path)
        for a in active_assignments(user)
    )


@rules.predicate
def decides_for(user: Any, organization: Any) -> bool:
    if organization is None:
        return False
    if can_manage_subtree(user, organization) or is_system_admin(user):
        return True
    return any(
        a.role == Role.SECRETARY and a.organization_id == organization.pk
        for a in active_assignments(user)
    )


rules.add_perm("discipline.manage_inspections", manages_subtree | inspects_subtree)
rules.add_perm("discipline.assign_followers", manages_subtree)
rules.add_perm("discipline.decide", decides_for)
