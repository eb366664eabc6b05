"""discipline/permissions.py: the two permissions of inspection, supervision and discipline
records, asked by name by discipline/views.py and its templates."""

from datetime import date

import pytest

from accounts.enums import Role
from organizations.enums import OrgKind
from tests.factories import OrganizationFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_inspections_are_managed_by_the_subtrees_officers_and_inspectors(
    tree, officer, secretary, inspector, outsider, admin_user
):
    """INS-01: an inspection commission member records the inspections and supervision of
    their scope, as the officers do. A cell's secretary records no inspection."""
    for org in ("commune", "grassroots", "cell_a"):
        assert officer.has_perm("discipline.manage_inspections", tree[org])
        assert admin_user.has_perm("discipline.manage_inspections", tree[org])
        assert inspector.has_perm("discipline.manage_inspections", tree[org])
    for org in ("province", "other_commune", "other_cell"):
        assert not inspector.has_perm("discipline.manage_inspections", tree[org])
    assert not inspector.has_perm("discipline.manage_inspections")
    assert not secretary.has_perm("discipline.manage_inspections", tree["cell_a"])
    assert not officer.has_perm("discipline.manage_inspections", tree["province"])
    assert not officer.has_perm("discipline.manage_inspections", tree["other_cell"])
    assert not outsider.has_perm("discipline.manage_inspections", tree["commune"])
    assert outsider.has_perm("discipline.manage_inspections", tree["other_cell"])
    assert not officer.has_perm("discipline.manage_inspections")


def test_an_organization_scoped_administrator_manages_its_subtree(tree):
    user = UserFactory()
    RoleAssignmentFactory(user=user, role=Role.ADMIN, organization=tree["commune"])
    assert user.has_perm("discipline.manage_inspections", tree["cell_a"])
    assert user.has_perm("discipline.decide", tree["cell_a"])
    assert not user.has_perm("discipline.manage_inspections", tree["other_commune"])


def test_deciding_is_the_officers_of_the_deciding_organization(
    tree, officer, inspector, outsider, admin_user
):
    """Never an inspector (DIS-02)."""
    for org in ("commune", "grassroots", "cell_a"):
        assert officer.has_perm("discipline.decide", tree[org])
        assert admin_user.has_perm("discipline.decide", tree[org])
        assert not inspector.has_perm("discipline.decide", tree[org])
    assert not officer.has_perm("discipline.decide", tree["province"])
    assert not outsider.has_perm("discipline.decide", tree["cell_a"])
    assert not officer.has_perm("discipline.decide")


def test_a_cells_secretary_decides_for_the_cell_itself_only(tree, secretary, other_secretary):
    """DIS-02: the cell reprimands or warns its own members; its secretary records that
    decision, not the grassroots organization's or the next cell's. A party group of the
    cell, whose records the secretary writes, is no deciding body."""
    group = OrganizationFactory(name="Tổ đảng 1", kind=OrgKind.PARTY_GROUP, superior=tree["cell_a"])
    assert secretary.has_perm("discipline.decide", tree["cell_a"])
    assert not secretary.has_perm("discipline.decide", group)
    assert not secretary.has_perm("discipline.decide", tree["grassroots"])
    assert not secretary.has_perm("discipline.decide", tree["cell_b"])
    assert other_secretary.has_perm("discipline.decide", tree["cell_b"])


def test_a_secretary_whose_term_ended_decides_nothing(tree):
    former = UserFactory()
    RoleAssignmentFactory(
        user=former,
        role=Role.SECRETARY,
        organization=tree["cell_a"],
        starts_on=date(2020, 1, 1),
        ends_on=date(2026, 6, 30),
    )
    assert not former.has_perm("discipline.decide", tree["cell_a"])
    upcoming = UserFactory()
    RoleAssignmentFactory(
        user=upcoming, role=Role.SECRETARY, organization=tree["cell_a"], starts_on=date(2027, 1, 1)
    )
    assert not upcoming.has_perm("discipline.decide", tree["cell_a"])


def test_an_inspector_whose_term_ended_manages_no_inspection(tree):
    former = UserFactory()
    RoleAssignmentFactory(
        user=former,
        role=Role.INSPECTOR,
        organization=tree["commune"],
        starts_on=date(2020, 1, 1),
        ends_on=date(2026, 6, 30),
    )
    assert not former.has_perm("discipline.manage_inspections", tree["cell_a"])


def test_an_inspector_gains_no_other_write(tree, inspector):
    """Recording inspections is the inspector's one write: the discipline itself, the
    register, meetings and the tree stay with the officers."""
    cell = tree["cell_a"]
    assert not inspector.has_perm("discipline.decide", cell)
    assert not inspector.has_perm("organizations.change_organization", cell)
    assert not inspector.has_perm("meetings.plan_meetings", cell)


def test_assigning_followers_is_the_committees_act(tree, officer, inspector, secretary):
    """INS-02's follow-up assignments: the officers of the subtree, never an inspector."""
    assert officer.has_perm("discipline.assign_followers", tree["commune"])
    assert not inspector.has_perm("discipline.assign_followers", tree["commune"])
    assert not secretary.has_perm("discipline.assign_followers", tree["cell_a"])
    assert not officer.has_perm("discipline.assign_followers", tree["other_commune"])
