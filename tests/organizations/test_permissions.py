"""organizations/permissions.py: the nine permissions of the party tree, asked by name by the
views (organizations/views/), the services and the templates."""

from datetime import date

import pytest

from organizations.enums import OrgKind
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_organization_permissions(tree, officer, secretary, inspector, outsider, admin_user):
    cell_a, cell_b, commune = tree["cell_a"], tree["cell_b"], tree["commune"]
    assert officer.has_perm("organizations.change_organization", cell_a)
    assert officer.has_perm("organizations.add_organization", commune)
    assert officer.has_perm("organizations.view_organization", cell_b)
    assert secretary.has_perm("organizations.view_organization", cell_a)
    assert secretary.has_perm("organizations.change_organization", cell_a)
    assert not secretary.has_perm("organizations.add_organization", cell_a)
    assert not secretary.has_perm("organizations.view_organization", cell_b)
    assert not secretary.has_perm("organizations.change_organization", cell_b)
    assert inspector.has_perm("organizations.view_organization", cell_a)
    assert not inspector.has_perm("organizations.change_organization", cell_a)
    assert not outsider.has_perm("organizations.view_organization", cell_a)
    assert admin_user.has_perm("organizations.change_organization", cell_a)
    # No object: no object-level grant.
    assert not officer.has_perm("organizations.change_organization")


def test_secretary_reaches_the_party_groups_of_their_cell(tree, secretary):
    group = OrganizationFactory(name="Tổ đảng 1", kind="party_group", superior=tree["cell_a"])
    assert secretary.has_perm("organizations.view_organization", group)
    assert secretary.has_perm("organizations.change_organization", group)


def test_adding_needs_an_organization_that_may_hold_others(tree, officer):
    """ORG-01: a party group holds nothing; a dissolved organization takes no new ones."""
    group = OrganizationFactory(name="Tổ đảng 1", kind=OrgKind.PARTY_GROUP, superior=tree["cell_a"])
    assert officer.has_perm("organizations.add_organization", tree["cell_a"])
    assert not officer.has_perm("organizations.add_organization", group)
    tree["cell_b"].dissolved_on = date(2026, 1, 1)
    assert not officer.has_perm("organizations.add_organization", tree["cell_b"])


def test_restructuring_is_decided_above(tree, officer, secretary, admin_user):
    """Moving or dissolving: the superior's officers; the commune itself (whose superior the
    officer does not manage) is not theirs; the root only administrators'."""
    assert officer.has_perm("organizations.restructure_organization", tree["cell_a"])
    assert not officer.has_perm("organizations.restructure_organization", tree["commune"])
    assert not secretary.has_perm("organizations.restructure_organization", tree["cell_a"])
    root = tree["province"]
    assert admin_user.has_perm("organizations.restructure_organization", root)
    assert not officer.has_perm("organizations.restructure_organization", root)


def test_cell_records(tree, officer, secretary, inspector, other_secretary):
    """Units: a cell's writers, and only of a cell; committees: the writers; model cells
    (ORG-03): the superior's officers, of a cell."""
    cell, commune = tree["cell_a"], tree["commune"]
    for user in (officer, secretary):
        assert user.has_perm("organizations.change_units", cell)
        assert user.has_perm("organizations.change_committees", cell)
    assert not officer.has_perm("organizations.change_units", commune)
    assert officer.has_perm("organizations.change_committees", commune)
    for user in (inspector, other_secretary):
        assert not user.has_perm("organizations.change_units", cell)
        assert not user.has_perm("organizations.change_committees", cell)
    assert officer.has_perm("organizations.designate_model_cell", cell)
    assert not secretary.has_perm("organizations.designate_model_cell", cell)
    assert not officer.has_perm("organizations.designate_model_cell", commune)


def test_managing_and_succession_are_the_subtree_officers(tree, officer, secretary, inspector):
    for name in ("organizations.manage_organization", "organizations.record_succession"):
        assert officer.has_perm(name, tree["cell_a"])
        assert officer.has_perm(name, tree["commune"])
        assert not secretary.has_perm(name, tree["cell_a"])
        assert not inspector.has_perm(name, tree["cell_a"])
