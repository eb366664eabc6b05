"""The API docs page in a real browser: Swagger UI renders from our own files under the
strict Content-Security-Policy (nothing blocked, nothing fetched from elsewhere), and
"Try it out" calls the API with the session.

The Swagger UI files are answered from the django-ninja package by the browser itself
(`page.route`): the live test server shares one in-memory SQLite connection between its
threads and every request writes the session (SESSION_SAVE_EVERY_REQUEST), so the three
files fetched in parallel through the asset view would collide ("database table is
locked"), which a file-backed SQLite in WAL mode or PostgreSQL does not. The asset view
itself is tested in tests/api/test_api.py.
"""

import pytest

from accounts.enums import Role
from api.docs import ASSETS, ASSETS_DIR
from tests.factories import PASSWORD, RoleAssignmentFactory, UserFactory, make_tree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _serve_assets(page):
    def fulfil(route):
        name = route.request.url.rsplit("/", 1)[-1]
        route.fulfill(path=ASSETS_DIR / name, content_type=ASSETS[name])

    page.route("**/api/v1/docs/assets/*", fulfil)


def test_docs_render_under_the_csp(page, live_server):
    tree = make_tree()
    user = UserFactory(username="canbo")
    RoleAssignmentFactory(user=user, role=Role.OFFICER, organization=tree["commune"])
    problems, foreign = [], []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on(
        "request",
        lambda req: None if req.url.startswith(live_server.url) else foreign.append(req.url),
    )
    _serve_assets(page)
    page.goto(f"{live_server.url}/accounts/login/?next=/api/v1/docs")
    page.fill("#id_username", "canbo")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/api/v1/docs")
    page.wait_for_selector("text=/api/v1/members/")
    assert page.locator(".opblock").count() == 5
    block = page.locator(".opblock", has_text="/api/v1/organizations/").first
    block.locator(".opblock-summary").click()
    block.locator("button.try-out__btn").click()
    block.locator("button.execute").click()
    status = block.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for()
    assert status.inner_text().strip() == "200"
    assert tree["cell_a"].name in block.locator(".live-responses-table").inner_text()
    assert problems == [] and foreign == []
