"""reviews/permissions.py: the seven permissions of the annual review, asked by name by
reviews/views.py (a step's through MEMBER_STEPS and ORGANIZATION_STEPS) and its templates."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.enums import Role
from organizations.enums import OrgKind
from reviews.enums import Step
from reviews.permissions import MEMBER_STEPS, ORGANIZATION_STEPS
from tests.factories import OrganizationFactory, RoleAssignmentFactory, UserFactory
from tests.reviews.conftest import add_member

pytestmark = pytest.mark.django_db


def secretary_of(organization):
    user = UserFactory()
    RoleAssignmentFactory(user=user, role=Role.SECRETARY, organization=organization)
    return user


def test_each_step_names_its_permission():
    assert MEMBER_STEPS == {
        Step.SELF: "reviews.assess_member",
        Step.PROPOSAL: "reviews.propose_member",
        Step.DECISION: "reviews.decide_member",
    }
    assert ORGANIZATION_STEPS == {
        Step.SELF: "reviews.assess_organization",
        Step.PROPOSAL: "reviews.propose_organization",
        Step.DECISION: "reviews.decide_organization",
    }


def test_rounds_are_managed_by_the_subtrees_officers(
    tree, officer, secretary, inspector, outsider, admin_user
):
    for org in ("commune", "cell_a"):
        assert officer.has_perm("reviews.manage_round", tree[org])
        assert admin_user.has_perm("reviews.manage_round", tree[org])
    assert not officer.has_perm("reviews.manage_round", tree["province"])
    assert not secretary.has_perm("reviews.manage_round", tree["cell_a"])
    assert not inspector.has_perm("reviews.manage_round", tree["commune"])
    assert not outsider.has_perm("reviews.manage_round", tree["commune"])
    assert not officer.has_perm("reviews.manage_round")


def test_the_member_assesses_themselves_and_nothing_more(tree, member_user, people):
    """REV-05 self-assessment: the member's own, not a neighbour's; proposing and deciding
    are not theirs, even on their own review."""
    own = member_user.member
    assert member_user.has_perm("reviews.assess_member", own)
    assert not member_user.has_perm("reviews.assess_member", people[0])
    assert not member_user.has_perm("reviews.propose_member", own)
    assert not member_user.has_perm("reviews.decide_member", own)


def test_a_member_without_an_account_is_no_ones_own(people):
    """is_the_member: a record with no account is not the anonymous user's."""
    assert people[0].user_id is None
    assert not AnonymousUser().has_perm("reviews.assess_member", people[0])


def test_the_writers_of_the_members_organization_assess_and_propose(
    people, officer, secretary, other_secretary, inspector, outsider
):
    member = people[0]
    for name in ("reviews.assess_member", "reviews.propose_member"):
        assert officer.has_perm(name, member)
        assert secretary.has_perm(name, member)
        for user in (other_secretary, inspector, outsider):
            assert not user.has_perm(name, member)
        assert not officer.has_perm(name)


def test_a_chi_bo_truc_thuoc_proposes_the_grassroots_organization_decides(
    tree, people, officer, secretary, inspector
):
    """REV-05: the competent body of a member of a cell under a đảng bộ cơ sở is that
    grassroots organization; the cell's secretary proposes only (a party group's member
    too)."""
    group = OrganizationFactory(name="Tổ đảng 1", kind=OrgKind.PARTY_GROUP, superior=tree["cell_a"])
    grouped = add_member(group, "Vi Thị Hằng")
    for member in (people[0], grouped):
        assert officer.has_perm("reviews.decide_member", member)
        assert not secretary.has_perm("reviews.decide_member", member)
        assert not inspector.has_perm("reviews.decide_member", member)
    assert secretary.has_perm("reviews.propose_member", grouped)
    assert not officer.has_perm("reviews.decide_member")


def test_a_chi_bo_co_so_decides_for_its_own_members(tree, officer, outsider):
    """REV-05: a grassroots cell is its own competent body."""
    member = add_member(tree["other_cell"], "Bùi Văn Hưng")
    own_secretary = secretary_of(tree["other_cell"])
    assert own_secretary.has_perm("reviews.decide_member", member)
    assert outsider.has_perm("reviews.decide_member", member)
    assert not officer.has_perm("reviews.decide_member", member)


def test_an_organization_assesses_itself(
    tree, officer, secretary, other_secretary, inspector, admin_user
):
    cell_a = tree["cell_a"]
    for user in (officer, secretary, admin_user):
        assert user.has_perm("reviews.assess_organization", cell_a)
    for user in (other_secretary, inspector):
        assert not user.has_perm("reviews.assess_organization", cell_a)
    assert not secretary.has_perm("reviews.assess_organization", tree["grassroots"])
    assert not officer.has_perm("reviews.assess_organization")


def test_its_direct_superior_proposes_and_decides(
    tree, officer, secretary, inspector, outsider, admin_user
):
    """The writers of the direct superior: a cell's secretary neither proposes nor decides
    the cell's review, but does a party group's of the cell; the commune officer does not
    decide the commune's (the province does); the root has no superior, not even for an
    administrator."""
    group = OrganizationFactory(name="Tổ đảng 1", kind=OrgKind.PARTY_GROUP, superior=tree["cell_a"])
    for name in ("reviews.propose_organization", "reviews.decide_organization"):
        assert officer.has_perm(name, tree["cell_a"])
        assert officer.has_perm(name, tree["grassroots"])
        assert not officer.has_perm(name, tree["commune"])
        assert not secretary.has_perm(name, tree["cell_a"])
        assert secretary.has_perm(name, group)
        assert not inspector.has_perm(name, tree["cell_a"])
        assert not outsider.has_perm(name, tree["cell_a"])
        assert admin_user.has_perm(name, tree["commune"])
        assert not admin_user.has_perm(name, tree["province"])
        assert not admin_user.has_perm(name)
