"""reports' permissions, declared once (django-rules) and asked by name.

| permission | who |
| --- | --- |
| reports.start_annual_report | the writers of the organization (its officers, a cell's secretary) |

Reading a report page, its tables and kept files needs only reading the organization
("organizations.view_organization"; outside the reach: 404).
"""

import rules

from accounts.scope import can_write_org


@rules.predicate
def writes_for(user, organization) -> bool:
    return organization is not None and can_write_org(user, organization)


rules.add_perm("reports.start_annual_report", writes_for)
