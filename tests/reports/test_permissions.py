"""reports/permissions.py: "reports.start_annual_report", asked by reports/views/annual.py
and reports.services (reading a report needs only organizations.view_organization)."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_annual_report_is_started_by_the_organizations_writers(
    tree, officer, secretary, admin_user
):
    for org in ("commune", "grassroots", "cell_a"):
        assert officer.has_perm("reports.start_annual_report", tree[org])
        assert admin_user.has_perm("reports.start_annual_report", tree[org])
    assert secretary.has_perm("reports.start_annual_report", tree["cell_a"])
    assert not secretary.has_perm("reports.start_annual_report", tree["grassroots"])
    assert not secretary.has_perm("reports.start_annual_report", tree["cell_b"])
    assert not officer.has_perm("reports.start_annual_report", tree["province"])


def test_readers_and_others_do_not_start_it(
    tree, officer, inspector, other_secretary, outsider, member_user
):
    """An inspector reads the commune's reports but does not start one."""
    assert inspector.has_perm("organizations.view_organization", tree["commune"])
    assert not inspector.has_perm("reports.start_annual_report", tree["commune"])
    for user in (other_secretary, outsider, member_user):
        assert not user.has_perm("reports.start_annual_report", tree["cell_a"])
    assert outsider.has_perm("reports.start_annual_report", tree["other_commune"])
    assert not officer.has_perm("reports.start_annual_report")
