"""meetings/permissions.py: the five permissions of the meetings app, asked by name by the
views (meetings/views/), the services, and the alerts template tag."""

from datetime import date

import pytest

from accounts.enums import Role
from meetings.enums import MeetingKind
from meetings.services.plan import create_meeting
from organizations.enums import OrgKind
from tests.factories import OrganizationFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def meeting_of(organization, by):
    return create_meeting(
        organization=organization, kind=MeetingKind.PERIODIC, planned_on=date(2026, 12, 20), by=by
    )


def test_planning_is_writing_the_organization(
    tree, officer, secretary, other_secretary, inspector, outsider, admin_user, member_user
):
    cell_a, grassroots = tree["cell_a"], tree["grassroots"]
    for user in (officer, secretary, admin_user):
        assert user.has_perm("meetings.plan_meetings", cell_a)
    assert officer.has_perm("meetings.plan_meetings", grassroots)
    assert not secretary.has_perm("meetings.plan_meetings", grassroots)
    assert not secretary.has_perm("meetings.plan_meetings", tree["cell_b"])
    for user in (other_secretary, inspector, outsider, member_user):
        assert not user.has_perm("meetings.plan_meetings", cell_a)
    assert outsider.has_perm("meetings.plan_meetings", tree["other_cell"])
    assert not admin_user.has_perm("meetings.plan_meetings")


def test_changing_a_meeting_is_writing_its_organization(
    tree, officer, secretary, other_secretary, inspector, outsider, admin_user, member_user
):
    cell_meeting = meeting_of(tree["cell_a"], officer)
    grassroots_meeting = meeting_of(tree["grassroots"], officer)
    for user in (officer, secretary, admin_user):
        assert user.has_perm("meetings.change_meeting", cell_meeting)
    for user in (other_secretary, inspector, outsider, member_user):
        assert not user.has_perm("meetings.change_meeting", cell_meeting)
    assert officer.has_perm("meetings.change_meeting", grassroots_meeting)
    assert not secretary.has_perm("meetings.change_meeting", grassroots_meeting)
    assert not admin_user.has_perm("meetings.change_meeting")


def test_the_default_weights_are_the_system_administrators(tree, officer, admin_user):
    """MTG-05: no organization is the system-wide default."""
    province_officer = UserFactory()
    RoleAssignmentFactory(user=province_officer, role=Role.OFFICER, organization=tree["province"])
    assert admin_user.has_perm("meetings.edit_scoring", None)
    assert not province_officer.has_perm("meetings.edit_scoring", None)
    assert not officer.has_perm("meetings.edit_scoring", None)


def test_a_provinces_weights_are_its_writers(tree, officer, inspector, admin_user):
    """MTG-05 is set per province (a root); below the root nobody edits weights."""
    province = tree["province"]
    province_officer = UserFactory()
    RoleAssignmentFactory(user=province_officer, role=Role.OFFICER, organization=province)
    province_inspector = UserFactory()
    RoleAssignmentFactory(user=province_inspector, role=Role.INSPECTOR, organization=province)
    assert province_officer.has_perm("meetings.edit_scoring", province)
    assert admin_user.has_perm("meetings.edit_scoring", province)
    assert not province_inspector.has_perm("meetings.edit_scoring", province)
    assert not officer.has_perm("meetings.edit_scoring", province)
    other_province = OrganizationFactory(name="Đảng bộ tỉnh Cao Bằng", kind=OrgKind.PROVINCE)
    assert not province_officer.has_perm("meetings.edit_scoring", other_province)
    for org in (tree["commune"], tree["cell_a"]):
        assert not admin_user.has_perm("meetings.edit_scoring", org)
        assert not province_officer.has_perm("meetings.edit_scoring", org)
    assert not officer.has_perm("meetings.edit_scoring", tree["commune"])


def test_alerts_are_for_the_readers_of_the_organization(
    tree, officer, secretary, other_secretary, inspector, outsider, admin_user, member_user
):
    """The Charter alerts name members: a member of the cell (member role) does not see
    them; the cell's secretary does, and not the grassroots organization's."""
    cell_a = tree["cell_a"]
    for user in (officer, secretary, inspector, admin_user):
        assert user.has_perm("meetings.view_alerts", cell_a)
    for user in (other_secretary, outsider, member_user):
        assert not user.has_perm("meetings.view_alerts", cell_a)
    assert inspector.has_perm("meetings.view_alerts", tree["grassroots"])
    assert not secretary.has_perm("meetings.view_alerts", tree["grassroots"])
    assert not officer.has_perm("meetings.view_alerts", tree["other_cell"])
    assert not officer.has_perm("meetings.view_alerts")


def test_superior_attendees_are_assigned_by_the_superiors_writers(
    tree, officer, secretary, inspector, outsider, admin_user
):
    """MTG-06: asked on the superior organization (the cells' grassroots committee)."""
    grassroots = tree["grassroots"]
    for user in (officer, admin_user):
        assert user.has_perm("meetings.assign_superior_attendee", grassroots)
    for user in (secretary, inspector, outsider):
        assert not user.has_perm("meetings.assign_superior_attendee", grassroots)
    assert outsider.has_perm("meetings.assign_superior_attendee", tree["other_commune"])
    assert not officer.has_perm("meetings.assign_superior_attendee")
