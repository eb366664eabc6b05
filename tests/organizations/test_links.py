"""organizations.links: the seams filled by the apps above organizations at start-up."""

from django.db.models import Q

from accounts import scope
from members.links import OrganizationFigures
from organizations import links


def test_accounts_lends_the_reach_and_members_the_figures():
    assert links._reach is scope
    assert isinstance(links.member_figures(), OrganizationFigures)


def test_without_a_reach_nobody_reaches_anything(monkeypatch, officer, tree):
    monkeypatch.setattr(links, "_reach", links._NoReach())
    assert links.org_read_filter(officer) == Q(pk__in=[])
    assert not links.is_system_admin(officer)
    assert not links.can_write_org(officer, tree["commune"])
    assert links.top_organizations(officer) == []
