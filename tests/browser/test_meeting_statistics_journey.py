"""The statistics page on a 360 px phone: charts drawn (Chart.js from /static/vendor,
data by json_script, no CSP error), the page no wider than the screen, drill-down."""

from datetime import date

import pytest

from accounts.enums import Role
from meetings.enums import AttendanceStatus as S
from meetings.enums import MeetingKind, MeetingState
from meetings.models import Attendance, Meeting
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_meetings_journey import fits, in_browser
from tests.factories import PASSWORD, MemberFactory, RoleAssignmentFactory, UserFactory, make_tree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
YEAR = 2025


def test_officer_reads_the_statistics_on_a_phone(live_server):
    tree = make_tree()
    user = UserFactory(username="canbo")
    RoleAssignmentFactory(user=user, role=Role.OFFICER, organization=tree["commune"])
    members = [MemberFactory(organization=tree["cell_a"]) for _ in range(6)]
    for month in range(1, 13):
        for cell, last in ((tree["cell_a"], 12), (tree["cell_b"], 10)):
            if month > last:
                continue
            m = Meeting.objects.create(
                organization=cell,
                kind=MeetingKind.THEMATIC if month % 3 == 0 else MeetingKind.PERIODIC,
                planned_on=date(YEAR, month, 8),
                state=MeetingState.HELD,
                held_on=date(YEAR, month, 8),
            )
            if cell == tree["cell_a"]:
                Attendance.objects.bulk_create(
                    Attendance(meeting=m, member=p, status=S.PRESENT if i else S.EXCUSED)
                    for i, p in enumerate(members)
                )
    ARTIFACTS.mkdir(exist_ok=True)

    def journey(page, problems):
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("#id_username", "canbo")
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/**")
        page.goto(f"{live_server.url}/meetings/statistics/{tree['commune'].pk}/?year={YEAR}")
        page.get_by_test_id("stats-table").wait_for()
        page.wait_for_function("window.Chart && Chart.getChart('chart-buckets') !== undefined")
        assert page.evaluate("Chart.getChart('chart-attendance').data.datasets[0].data.length")
        assert page.locator("#id_month_to").input_value() == "12"
        fits(page)
        page.screenshot(path=str(ARTIFACTS / "meetings-statistics-phone.png"), full_page=True)
        assert problems == []
        page.locator("[data-category='rural_village'] a").first.click()
        page.get_by_test_id("stats-cells").wait_for()
        assert page.locator("[data-cell]").count() == 2
        fits(page)

    in_browser(journey)
