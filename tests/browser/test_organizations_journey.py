"""The tree browser in a real browser: nodes open lazily (htmx), no CSP or script errors.

Playwright's sync API runs in a thread of its own here, so that these tests never clash
with the session browser of tests/browser (one sync Playwright per thread).
"""

import threading

import pytest

from accounts.enums import Role
from tests.browser.conftest import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, log_in
from tests.factories import RoleAssignmentFactory, UserFactory, make_tree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}


def in_browser(viewport, journey):
    """Run `journey(page, problems)` in Chromium in a thread; re-raise what it raised."""
    failures: list[BaseException] = []

    def run():
        from playwright.sync_api import sync_playwright

        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    context = browser.new_context(
                        locale="vi-VN", viewport=viewport, is_mobile=viewport == PHONE
                    )
                    page = context.new_page()
                    page.set_default_timeout(15_000)
                    problems: list[str] = []
                    page.on(
                        "console",
                        lambda msg: problems.append(msg.text) if msg.type == "error" else None,
                    )
                    page.on("pageerror", lambda exc: problems.append(str(exc)))
                    journey(page, problems)
                finally:
                    browser.close()
        except BaseException as exc:  # re-raised in the test's thread
            failures.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=120)
    assert not thread.is_alive(), "the browser journey did not finish in 2 minutes"
    if failures:
        raise failures[0]


def _shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_tree_nodes_open_lazily(live_server):
    tree = make_tree()
    user = UserFactory(username="canbo_cay")
    RoleAssignmentFactory(user=user, role=Role.OFFICER, organization=tree["commune"])

    def journey(page, problems):
        log_in(page, live_server, "canbo_cay")
        page.goto(f"{live_server.url}/organizations/")
        tree_box = page.get_by_test_id("tree")
        assert tree_box.get_by_text("Đảng bộ Trường THPT Tân Lập").count() == 0
        tree_box.locator("summary").first.click()
        tree_box.get_by_role("link", name="Đảng bộ Trường THPT Tân Lập").wait_for()
        tree_box.locator("details details > summary").first.click()
        tree_box.get_by_role("link", name="Chi bộ thôn Nà Phát").wait_for()
        assert tree_box.get_by_role("link", name="Chi bộ thôn Khau Khoang").is_visible()
        _shot(page, "tree-expanded")
        assert problems == []

    in_browser(DESKTOP, journey)


def test_secretary_adds_a_village_to_her_cell_on_a_phone(live_server):
    tree = make_tree()
    user = UserFactory(username="bithu_na_phat")
    RoleAssignmentFactory(user=user, role=Role.SECRETARY, organization=tree["cell_a"])
    cell_url = f"{live_server.url}/organizations/{tree['cell_a'].pk}/"

    def journey(page, problems):
        log_in(page, live_server, "bithu_na_phat")
        page.goto(f"{cell_url}units/new/")
        page.fill("#id_name", "Nà Phát")
        page.select_option("#id_kind", "village")
        page.fill("#id_households", "85")
        _shot(page, "unit-form-phone")
        page.get_by_role("button", name="Lưu").click()
        page.wait_for_url(cell_url)
        assert page.get_by_test_id("residential-units").get_by_text("Thôn Nà Phát").is_visible()
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"page is {overflow}px wider than a 360px phone"
        _shot(page, "cell-page-phone")
        assert problems == []

    in_browser(PHONE, journey)
