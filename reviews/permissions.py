"""Who may write the annual review (django-rules), built on accounts.scope. Declared once
here; views and templates ask the same names. Imported by ReviewsConfig.ready().

- `reviews.manage_round` (an Organization): open a round there, change its settings,
  publish its results: the officers and administrators of its subtree.
- A member's review (REV-05), each step on the Member: `reviews.assess_member` (the
  self-assessment: the member, or whoever writes the member's organization),
  `reviews.propose_member` (whoever writes the member's organization),
  `reviews.decide_member` (whoever writes the competent body: the grassroots organization,
  or the cell itself when it is a chi bộ cơ sở).
- An organization's review, each step on the Organization: `reviews.assess_organization`
  (its own writers), `reviews.propose_organization` and `reviews.decide_organization`
  (the writers of its direct superior).

`MEMBER_STEPS` and `ORGANIZATION_STEPS` name the permission of each step.
"""

from typing import Any

import rules

from accounts.scope import can_manage_subtree, can_write_org
from organizations.models import Organization

from .enums import Step
from .queries.rounds import competent_body


@rules.predicate
def manages_subtree(user: Any, organization: Any) -> bool:
    return organization is not None and can_manage_subtree(user, organization)


@rules.predicate
def is_the_member(user: Any, member: Any) -> bool:
    return member is not None and member.user_id is not None and member.user_id == user.pk


@rules.predicate
def writes_member_organization(user: Any, member: Any) -> bool:
    return member is not None and can_write_org(user, member.organization)


@rules.predicate
def writes_competent_body(user: Any, member: Any) -> bool:
    return member is not None and can_write_org(user, competent_body(member.organization))


@rules.predicate
def writes_organization(user: Any, organization: Any) -> bool:
    return organization is not None and can_write_org(user, organization)


@rules.predicate
def writes_superior(user: Any, organization: Any) -> bool:
    if organization is None:
        return False
    parent = Organization.objects.get_parent(organization)
    return parent is not None and can_write_org(user, parent)


rules.add_perm("reviews.manage_round", manages_subtree)
rules.add_perm("reviews.assess_member", is_the_member | writes_member_organization)
rules.add_perm("reviews.propose_member", writes_member_organization)
rules.add_perm("reviews.decide_member", writes_competent_body)
rules.add_perm("reviews.assess_organization", writes_organization)
rules.add_perm("reviews.propose_organization", writes_superior)
rules.add_perm("reviews.decide_organization", writes_superior)

MEMBER_STEPS: dict[str, str] = {
    Step.SELF: "reviews.assess_member",
    Step.PROPOSAL: "reviews.propose_member",
    Step.DECISION: "reviews.decide_member",
}
ORGANIZATION_STEPS: dict[str, str] = {
    Step.SELF: "reviews.assess_organization",
    Step.PROPOSAL: "reviews.propose_organization",
    Step.DECISION: "reviews.decide_organization",
}
