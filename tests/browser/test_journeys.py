"""The main journeys in a real browser (Chromium through Playwright)."""

import pytest

from accounts.enums import Role
from tests.browser.conftest import log_in, watch_console
from tests.factories import RoleAssignmentFactory, UserFactory, make_tree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_finds_organization_without_diacritics_and_sees_its_cells(
    page, live_server, screenshot
):
    tree = make_tree()
    user = UserFactory(username="canbo", full_name="Hoàng Văn Thụ")
    RoleAssignmentFactory(user=user, role=Role.OFFICER, organization=tree["commune"])
    problems = watch_console(page)

    log_in(page, live_server, "canbo")
    page.goto(f"{live_server.url}/organizations/")
    page.get_by_test_id("org-search").fill("dang bo truong thpt tan lap")
    results = page.get_by_test_id("search-results")
    link = results.get_by_role("link", name="Đảng bộ Trường THPT Tân Lập")
    link.wait_for()
    screenshot(page, "tree-search")
    link.click()

    page.wait_for_url(f"{live_server.url}/organizations/{tree['grassroots'].pk}/")
    subordinates = page.get_by_test_id("subordinates")
    assert subordinates.get_by_text("Chi bộ thôn Nà Phát").is_visible()
    assert subordinates.get_by_text("Chi bộ thôn Khau Khoang").is_visible()
    # The superior chain is on the page as breadcrumbs.
    assert page.locator(".breadcrumb").get_by_text("Đảng bộ xã Tân Lập").is_visible()
    screenshot(page, "organization-page")
    # Nothing blocked by the Content-Security-Policy, no script errors.
    assert problems == []


def test_search_does_not_reach_outside_the_users_subtree(page, live_server):
    tree = make_tree()
    user = UserFactory(username="canbo2")
    RoleAssignmentFactory(user=user, role=Role.OFFICER, organization=tree["other_commune"])
    log_in(page, live_server, "canbo2")
    page.goto(f"{live_server.url}/organizations/")
    page.get_by_test_id("org-search").fill("tan lap")
    results = page.get_by_test_id("search-results")
    results.wait_for()
    page.wait_for_load_state("networkidle")
    assert results.get_by_text("Tân Lập").count() == 0


def test_organization_page_fits_a_360_pixel_phone(phone_page, live_server, screenshot):
    tree = make_tree()
    user = UserFactory(username="bithu")
    RoleAssignmentFactory(user=user, role=Role.OFFICER, organization=tree["commune"])
    log_in(phone_page, live_server, "bithu")
    phone_page.goto(f"{live_server.url}/organizations/{tree['grassroots'].pk}/")
    phone_page.get_by_test_id("subordinates").wait_for()
    screenshot(phone_page, "organization-page-phone")
    overflow = phone_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"page is {overflow}px wider than a 360px phone"
