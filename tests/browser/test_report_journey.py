"""The annual report in a real browser: from the home page's indicators to the report
page, start the 2025 report, watch the progress bar go from "queued" to 100% as the page
polls, download the DOCX, PDF and XLSX and read them.

The journey uses the real database queue (django-tasks' database backend, as `make run`
does): the job waits until the test runs the worker (`db_worker --batch`) in its own
thread. While the worker runs, the page's polls are held by a Playwright route (its
handler runs only when the test is back in a Playwright call), so the browser never reads
the in-memory SQLite test database while the worker writes it.

`transactional_db` empties the migration-seeded tables (holidays): working days are then
Monday to Friday, which none of the figures below depends on.
"""

import io
import re
import signal
import subprocess

import pytest
from django.core.management import call_command
from docx import Document
from openpyxl import load_workbook

from accounts.enums import Role
from tests.browser.conftest import log_in, watch_console
from tests.factories import RoleAssignmentFactory, UserFactory, make_tree
from tests.reports import annual_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _download(page, test_id, tmp_path):
    with page.expect_download() as info:
        page.get_by_test_id(test_id).first.click()
    download = info.value
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    return path


def _run_worker():
    """Process the queued tasks once, as `manage.py db_worker` does beside the server."""
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def test_officer_starts_the_annual_report_and_downloads_it(
    page, live_server, screenshot, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path / "var"
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    tree = make_tree()
    user = UserFactory(username="canbo", full_name="Hoàng Văn Thụ")
    RoleAssignmentFactory(user=user, role=Role.OFFICER, organization=tree["commune"])
    annual_data.build(tree, user)
    problems = watch_console(page)
    log_in(page, live_server, "canbo")

    page.goto(f"{live_server.url}/")
    page.get_by_test_id("indicators").wait_for()
    screenshot(page, "report-home-indicators")
    page.get_by_test_id("annual-report-link").click()
    page.get_by_test_id("annual-form").wait_for()
    assert page.get_by_text("Chưa có báo cáo nào.").is_visible()

    polls = []
    page.route(
        re.compile(r".*/jobs/\d+/.*"),
        lambda route: polls.append(route.request.url) or route.continue_(),
    )
    page.locator("[name=year]").fill("2025")
    page.get_by_test_id("annual-start").click()
    bar = page.get_by_test_id("job-progress")
    bar.wait_for()
    # Queued: nothing done yet, and the page keeps asking.
    assert "Đang chờ" in bar.inner_text(), bar.inner_text()
    assert page.locator("[data-testid=job-progress] progress").get_attribute("value") == "0"
    page.wait_for_timeout(1500)
    assert polls, "the progress bar does not poll"
    assert page.get_by_test_id("annual-file").count() == 0
    screenshot(page, "report-annual-queued")
    _run_worker()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=job-progress] progress').value === 100"
    )
    assert "Đã xong" in bar.inner_text()
    assert "9 / 9" in bar.inner_text()
    assert page.get_by_test_id("annual-file").count() == 1
    screenshot(page, "report-annual-finished")

    docx_path = _download(page, "download-docx", tmp_path)
    assert docx_path.suffix == ".docx"
    document = Document(io.BytesIO(docx_path.read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    header = "\n".join(c.text for row in document.tables[0].rows for c in row.cells)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header and "Số 01-BC/ĐU" in header
    assert "II. SINH HOẠT CHI BỘ" in text and "đủ 12 kỳ/năm đạt 50,00%" in text

    pdf_path = _download(page, "download-pdf", tmp_path)
    pdf_text = subprocess.run(
        ["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in pdf_text and "75,00%" in pdf_text

    xlsx_path = _download(page, "download-xlsx", tmp_path)
    assert len(load_workbook(xlsx_path).sheetnames) == 21
    assert problems == []


def test_report_page_fits_a_phone(phone_page, live_server, screenshot, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    tree = make_tree()
    user = UserFactory(username="bithu", full_name="Lò Văn Páo")
    RoleAssignmentFactory(user=user, role=Role.SECRETARY, organization=tree["cell_a"])
    page = phone_page
    problems = watch_console(page)
    log_in(page, live_server, "bithu")
    page.goto(f"{live_server.url}/reports/annual/{tree['cell_a'].pk}/")
    page.locator("[name=year]").fill("2025")
    page.get_by_test_id("annual-start").click()
    page.get_by_test_id("annual-file").wait_for()
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 360
    screenshot(page, "report-annual-phone")
    assert problems == []
