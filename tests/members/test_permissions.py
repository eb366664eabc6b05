"""members/permissions.py: the register's eleven permissions, asked by name by the views
(members/views/), the services and the templates."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.enums import Role
from members.enums import TransferKind, TransferReason
from members.models import Transfer
from organizations.enums import OrgKind
from tests.factories import MemberFactory, OrganizationFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def transfer(member, *, to=None, kind=TransferKind.OFFICIAL, **fields):
    """A transfer of `member` out of their organization (None for an outside side)."""
    fields.setdefault("from_organization", member.organization)
    if to is None:
        fields.setdefault("to_outside", "Đảng bộ tỉnh Cao Bằng")
    if fields["from_organization"] is None:
        fields.setdefault("from_outside", "Đảng bộ tỉnh Cao Bằng")
    return Transfer.objects.create(
        member=member,
        kind=kind,
        reason=TransferReason.JOB_MOVE,
        to_organization=to,
        trigger_on=date(2026, 11, 1),
        **fields,
    )


def test_member_permissions(tree, officer, secretary, other_secretary, inspector, member_user):
    own = member_user.member
    other = MemberFactory(organization=tree["cell_a"])
    assert member_user.has_perm("members.view_member", own)
    assert not member_user.has_perm("members.view_member", other)
    assert not member_user.has_perm("members.change_member", own)
    assert not member_user.has_perm("members.add_member")
    for user in (officer, secretary):
        assert user.has_perm("members.view_member", other)
        assert user.has_perm("members.change_member", other)
        assert user.has_perm("members.add_member")
        assert user.has_perm("members.add_member", tree["cell_a"])
    assert inspector.has_perm("members.view_member", other)
    assert not inspector.has_perm("members.change_member", other)
    assert not inspector.has_perm("members.add_member")
    assert not other_secretary.has_perm("members.view_member", other)
    assert not other_secretary.has_perm("members.add_member", tree["cell_a"])


def test_anonymous_has_no_permission(tree, member_a):
    anonymous = AnonymousUser()
    assert not anonymous.has_perm("members.view_member", member_a)
    assert not anonymous.has_perm("members.change_member", member_a)
    assert not anonymous.has_perm("members.add_member")
    assert not anonymous.has_perm("members.add_member", tree["cell_a"])
    assert not anonymous.has_perm("members.view_register")
    assert not anonymous.has_perm("members.import_members")


def test_viewing_a_member_is_reading_their_organization(
    tree, member_a, member_b, member_other, officer, secretary, inspector, outsider, admin_user
):
    """Readers of the member's organization: its subtree's officers and inspectors, the
    cell's own secretary (not the next cell's), the administrators; no object, no grant."""
    for user in (officer, inspector, admin_user):
        assert user.has_perm("members.view_member", member_b)
    assert secretary.has_perm("members.view_member", member_a)
    assert not secretary.has_perm("members.view_member", member_b)
    assert not officer.has_perm("members.view_member", member_other)
    assert outsider.has_perm("members.view_member", member_other)
    assert not outsider.has_perm("members.view_member", member_a)
    assert not officer.has_perm("members.view_member")


def test_a_member_reads_their_own_record_wherever_it_is(tree, member_user, member_b):
    """is_own_member: the record linked to the account, even outside any reach (the member
    role reads no organization); the neighbour's record stays closed."""
    own = member_user.member
    own.organization = tree["other_cell"]
    own.save()
    assert member_user.has_perm("members.view_member", own)
    assert not member_user.has_perm("members.view_member", member_b)


def test_secretary_reaches_the_members_of_their_party_groups(tree, secretary, other_secretary):
    group = OrganizationFactory(name="Tổ đảng 1", kind=OrgKind.PARTY_GROUP, superior=tree["cell_a"])
    member = MemberFactory(organization=group)
    for name in ("members.view_member", "members.change_member", "members.record_badge"):
        assert secretary.has_perm(name, member)
        assert not other_secretary.has_perm(name, member)
    assert secretary.has_perm("members.add_member", group)


def test_changing_a_member_is_writing_their_organization(
    tree, member_a, member_b, member_other, officer, secretary, inspector, outsider, admin_user
):
    for user in (officer, admin_user):
        assert user.has_perm("members.change_member", member_b)
    assert secretary.has_perm("members.change_member", member_a)
    assert not secretary.has_perm("members.change_member", member_b)
    assert not inspector.has_perm("members.change_member", member_a)
    assert not officer.has_perm("members.change_member", member_other)
    assert outsider.has_perm("members.change_member", member_other)
    assert not admin_user.has_perm("members.change_member")


def test_adding_a_member_to_an_organization(
    tree, officer, secretary, inspector, outsider, admin_user
):
    """With an organization: its writers; without one: whoever writes somewhere."""
    cell_a, cell_b, grassroots = tree["cell_a"], tree["cell_b"], tree["grassroots"]
    assert officer.has_perm("members.add_member", grassroots)
    assert officer.has_perm("members.add_member", cell_b)
    assert not officer.has_perm("members.add_member", tree["other_cell"])
    assert secretary.has_perm("members.add_member", cell_a)
    assert not secretary.has_perm("members.add_member", cell_b)
    assert not secretary.has_perm("members.add_member", grassroots)
    assert not inspector.has_perm("members.add_member", cell_a)
    assert not outsider.has_perm("members.add_member", cell_a)
    assert outsider.has_perm("members.add_member")
    assert admin_user.has_perm("members.add_member")
    assert admin_user.has_perm("members.add_member", cell_b)


def test_the_register_work_is_for_those_who_reach_an_organization(
    tree, officer, secretary, inspector, outsider, admin_user, member_user
):
    """members.view_register: any seat but the member role (a member gets 404)."""
    for user in (officer, secretary, inspector, outsider, admin_user):
        assert user.has_perm("members.view_register")
    assert not member_user.has_perm("members.view_register")
    assert not UserFactory().has_perm("members.view_register")
    assert UserFactory(is_superuser=True).has_perm("members.view_register")
    retired = UserFactory()
    RoleAssignmentFactory(
        user=retired, role=Role.OFFICER, organization=tree["commune"], ends_on=date(2026, 6, 30)
    )
    assert not retired.has_perm("members.view_register")


def test_importing_is_for_those_who_write_somewhere(
    tree, officer, secretary, outsider, admin_user, inspector, member_user
):
    for user in (officer, secretary, outsider, admin_user):
        assert user.has_perm("members.import_members")
    for user in (inspector, member_user, UserFactory()):
        assert not user.has_perm("members.import_members")


def test_transfer_between_two_cells_each_side_its_own_steps(
    tree, member_a, officer, secretary, other_secretary, inspector
):
    """Sending and cancelling: the sending side's writers; receiving: the receiving
    side's; recording the return: either side."""
    t = transfer(member_a, to=tree["cell_b"], kind=TransferKind.TEMPORARY)
    assert secretary.has_perm("members.send_transfer", t)
    assert secretary.has_perm("members.cancel_transfer", t)
    assert not secretary.has_perm("members.receive_transfer", t)
    assert secretary.has_perm("members.return_transfer", t)
    assert other_secretary.has_perm("members.receive_transfer", t)
    assert other_secretary.has_perm("members.return_transfer", t)
    assert not other_secretary.has_perm("members.send_transfer", t)
    assert not other_secretary.has_perm("members.cancel_transfer", t)
    for name in ("send", "cancel", "receive", "return"):
        assert officer.has_perm(f"members.{name}_transfer", t)
        assert not inspector.has_perm(f"members.{name}_transfer", t)
        assert not officer.has_perm(f"members.{name}_transfer")


def test_transfer_across_communes(tree, member_a, officer, outsider):
    t = transfer(member_a, to=tree["other_cell"], kind=TransferKind.TEMPORARY)
    assert officer.has_perm("members.send_transfer", t)
    assert not officer.has_perm("members.receive_transfer", t)
    assert outsider.has_perm("members.receive_transfer", t)
    assert not outsider.has_perm("members.send_transfer", t)
    assert not outsider.has_perm("members.cancel_transfer", t)
    assert officer.has_perm("members.return_transfer", t)
    assert outsider.has_perm("members.return_transfer", t)


def test_a_side_outside_the_system_has_no_one_to_act_for_it(tree, member_a, admin_user):
    """Leaving the system: nobody receives; coming in from outside: nobody sends or
    cancels, not even an administrator; the side inside still records the return."""
    leaving = transfer(member_a)
    assert admin_user.has_perm("members.send_transfer", leaving)
    assert not admin_user.has_perm("members.receive_transfer", leaving)
    arriving = transfer(member_a, from_organization=None, to=tree["cell_a"])
    assert not admin_user.has_perm("members.send_transfer", arriving)
    assert not admin_user.has_perm("members.cancel_transfer", arriving)
    assert admin_user.has_perm("members.receive_transfer", arriving)
    assert admin_user.has_perm("members.return_transfer", arriving)


def test_badges(tree, member_a, member_b, officer, secretary, inspector, outsider):
    """BDG-01: the due list of an organization (record_badges) and one member's badge
    (record_badge): the writers of the organization."""
    assert officer.has_perm("members.record_badges", tree["commune"])
    assert officer.has_perm("members.record_badge", member_b)
    assert secretary.has_perm("members.record_badges", tree["cell_a"])
    assert not secretary.has_perm("members.record_badges", tree["grassroots"])
    assert secretary.has_perm("members.record_badge", member_a)
    assert not secretary.has_perm("members.record_badge", member_b)
    for user in (inspector, outsider):
        assert not user.has_perm("members.record_badges", tree["cell_a"])
        assert not user.has_perm("members.record_badge", member_a)
    assert not officer.has_perm("members.record_badges")
    assert not officer.has_perm("members.record_badge")
