"""The member register in a real browser (Chromium through Playwright).

Journeys: a cell secretary on a 360 px phone finds a member without typing diacritics and
reads the member page; a committee officer records an admission through the form (and a
wrong citizen ID is refused beside its field, nothing saved); the officer exports the
filtered list to XLSX and opens the data quality page; a member reaches only their own
record. Every journey collects console errors and page errors (CSP violations show there).
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from accounts.enums import Role
from members.enums import EventKind, MemberStatus, Sex
from members.models import Ethnicity, Member, Religion
from members.services.profile import ENTRY_EXISTING, create_member
from tests.factories import PASSWORD, RoleAssignmentFactory, UserFactory, make_tree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# --- helpers ----------------------------------------------------------------------------


def _login(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _watch_console(page):
    """Console errors and uncaught page errors, with the URL each one came from."""
    problems = []

    def on_console(msg):
        if msg.type == "error":
            problems.append((msg.location.get("url", ""), msg.text))

    page.on("console", on_console)
    page.on("pageerror", lambda exc: problems.append((page.url, str(exc))))
    return problems


def _overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def _table_fits(table) -> int:
    """How many pixels a table is wider than the box it scrolls in (0: readable as is)."""
    return table.evaluate("t => Math.max(0, t.scrollWidth - t.parentElement.clientWidth)")


def _full_years(start: date, on: date) -> int:
    return on.year - start.year - ((on.month, on.day) < (start.month, start.day))


def _reference_data():
    """After a transactional test the seeded reference rows are gone: make sure of those used."""
    kinh = Ethnicity.objects.get_or_create(name="Kinh", defaults={"code": "01"})[0]
    tay = Ethnicity.objects.get_or_create(name="Tày", defaults={"code": "02"})[0]
    Religion.objects.get_or_create(name="Phật giáo", defaults={"code": "01"})
    return {"kinh": kinh, "tay": tay}


def _officer(tree, username="canbo"):
    user = UserFactory(username=username, full_name="Hoàng Văn Thụ")
    RoleAssignmentFactory(user=user, role=Role.OFFICER, organization=tree["commune"])
    return user


def _existing_member(by, organization, *, admitted_on, full_member_on=None, **profile):
    """A member copied from the paper register, with their dated events (MEM-02)."""
    return create_member(
        by=by,
        organization=organization,
        entry=ENTRY_EXISTING,
        admitted_on=admitted_on,
        full_member_on=full_member_on,
        **profile,
    )


HOA_ADMITTED = date(2004, 5, 12)
HOA_FULL = date(2005, 5, 20)


def _register(tree, officer, refs):
    """Members of the two cells of the grassroots đảng bộ (and one outside it)."""
    hoa = _existing_member(
        officer,
        tree["cell_a"],
        admitted_on=HOA_ADMITTED,
        full_member_on=HOA_FULL,
        full_name="Nông Thị Hoa",
        sex=Sex.FEMALE,
        date_of_birth=date(1978, 3, 8),
        ethnicity=refs["tay"],
        citizen_id="020178000123",
        home_town="Xã Tân Lập, tỉnh Lạng Sơn",
        phone="0912345678",
    )
    binh = _existing_member(
        officer,
        tree["cell_a"],
        admitted_on=date(2010, 9, 2),
        full_member_on=date(2011, 9, 2),
        full_name="Hoàng Văn Bình",
        sex=Sex.MALE,
        date_of_birth=date(1985, 11, 2),
        ethnicity=refs["kinh"],
    )  # no citizen ID: listed on the data quality page
    other = _existing_member(
        officer,
        tree["cell_b"],
        admitted_on=date(2015, 2, 3),
        full_member_on=date(2016, 2, 3),
        full_name="Nông Thị Hoà",
        sex=Sex.FEMALE,
        date_of_birth=date(1990, 7, 7),
        ethnicity=refs["tay"],
        citizen_id="020190000456",
    )
    return {"hoa": hoa, "binh": binh, "other": other}


# --- 1. the cell secretary on a phone -----------------------------------------------------


def test_secretary_finds_a_member_without_diacritics_on_a_phone(
    phone_page, live_server, screenshot
):
    page = phone_page
    tree = make_tree()
    refs = _reference_data()
    officer = _officer(tree)
    members = _register(tree, officer, refs)
    secretary = UserFactory(username="bithu", full_name="Lương Văn Tám")
    RoleAssignmentFactory(user=secretary, role=Role.SECRETARY, organization=tree["cell_a"])
    problems = _watch_console(page)

    _login(page, live_server, "bithu")
    # The member list of the cell, through the phone's folded menu.
    page.get_by_role("button", name="Mở menu").click()
    page.locator("#main-nav a.dropdown-toggle", has_text="Đảng viên").click()
    page.get_by_role("link", name="Danh sách đảng viên").click()
    page.wait_for_url(f"{live_server.url}/members/")
    table = page.get_by_test_id("member-table")
    assert table.get_by_role("link", name="Nông Thị Hoa").is_visible()
    assert table.get_by_role("link", name="Hoàng Văn Bình").is_visible()
    # The member of the other cell is outside a secretary's reach.
    assert table.get_by_text("Nông Thị Hoà").count() == 0
    screenshot(page, "register-phone-list")
    assert _overflow(page) <= 0, f"member list is {_overflow(page)}px wider than the phone"

    # The name typed without diacritics.
    page.get_by_label("Tìm theo họ tên").fill("nong thi hoa")
    page.get_by_label("Tìm theo họ tên").press("Enter")
    page.wait_for_url("**/members/?*q=nong+thi+hoa*")
    link = table.get_by_role("link", name="Nông Thị Hoa", exact=True)
    link.wait_for()
    assert table.locator("tbody tr").count() == 1
    screenshot(page, "register-phone-search")
    assert _table_fits(table) == 0, "the member table scrolls sideways on a 360px phone"
    assert _overflow(page) <= 0, f"search results are {_overflow(page)}px wider than the phone"

    link.click()
    page.wait_for_url(f"{live_server.url}/members/{members['hoa'].pk}/")
    assert page.get_by_test_id("member-name").inner_text() == "Nông Thị Hoa"
    assert page.get_by_test_id("member-status").inner_text() == "Chính thức"
    years = _full_years(HOA_ADMITTED, timezone.localdate())
    assert page.get_by_test_id("party-age").inner_text().strip() == f"{years} năm"
    timeline = page.get_by_test_id("timeline")
    admitted = timeline.locator("li", has_text=str(EventKind.ADMITTED.label))
    assert admitted.get_by_text(HOA_ADMITTED.strftime("%d/%m/%Y")).is_visible()
    full = timeline.locator("li", has_text=str(EventKind.FULL_MEMBERSHIP.label))
    assert full.get_by_text(HOA_FULL.strftime("%d/%m/%Y")).is_visible()
    screenshot(page, "register-phone-member")
    for name in ("memberships", "seats"):
        section = page.get_by_test_id(name).locator("table")
        assert _table_fits(section) == 0, f"the {name} table scrolls sideways on a phone"
    assert _overflow(page) <= 0, f"member page is {_overflow(page)}px wider than the phone"
    # The member page's action buttons fit inside the screen.
    for box in (
        page.get_by_test_id("member-actions")
        .locator("a")
        .evaluate_all("links => links.map(a => a.getBoundingClientRect().right)")
    ):
        assert box <= 360, f"an action button ends at {box}px, off a 360px screen"
    assert problems == []


# --- 2. the officer records an admission ---------------------------------------------------


def _fill_profile(page, *, name, sex, born, citizen_id):
    page.locator("#id_full_name").fill(name)
    page.locator("#id_sex").select_option(label=sex)
    page.locator("#id_date_of_birth").fill(born)
    page.locator("#id_ethnicity").select_option(label="Tày")
    page.locator("#id_home_town").fill("Xã Tân Lập, tỉnh Lạng Sơn")
    page.locator("#id_citizen_id").fill(citizen_id)
    page.locator("#id_phone").fill("0987654321")
    page.locator("#id_address").fill("Thôn Nà Phát, xã Tân Lập")
    page.locator("#id_education").select_option(label="Trung học phổ thông")
    page.locator("#id_qualification").select_option(label="Đại học")
    page.locator("#id_theory_level").select_option(label="Sơ cấp")
    page.locator("#id_occupation").select_option(label="Viên chức")


def _fill_admission(page, cell, admitted_on: date):
    page.get_by_label("Ghi nhận quyết định kết nạp (đảng viên dự bị mới)").check()
    page.locator("#id_organization").select_option(value=str(cell.pk))
    page.locator("#id_admitted_on").fill(admitted_on.strftime("%d/%m/%Y"))
    page.locator("#id_document").fill("125-QĐ/ĐU")


def test_officer_records_an_admission_and_a_wrong_citizen_id_is_refused(
    page, live_server, screenshot
):
    tree = make_tree()
    _reference_data()
    _officer(tree)
    cell = tree["cell_a"]
    admitted_on = timezone.localdate() - timedelta(days=30)
    problems = _watch_console(page)

    _login(page, live_server, "canbo")
    page.goto(f"{live_server.url}/members/")
    page.get_by_role("link", name="Thêm đảng viên").click()
    page.wait_for_url(f"{live_server.url}/members/new/")
    # A woman born in 1992 in Lạng Sơn: 020, 1 (female, 1900s), 92, then six digits.
    _fill_profile(page, name="Hà Thị Lan", sex="Nữ", born="14/03/1992", citizen_id="020192004711")
    _fill_admission(page, cell, admitted_on)
    screenshot(page, "register-create-filled")
    page.get_by_role("button", name="Lưu").click()

    page.wait_for_url(f"{live_server.url}/members/*/")
    lan = Member.objects.get(citizen_id="020192004711")
    assert page.url == f"{live_server.url}/members/{lan.pk}/"
    assert page.get_by_test_id("member-status").inner_text() == "Dự bị"
    assert page.get_by_text("Đã thêm đảng viên Hà Thị Lan.").is_visible()
    timeline = page.get_by_test_id("timeline")
    assert (
        timeline.locator("li", has_text=str(EventKind.ADMITTED.label))
        .get_by_text(admitted_on.strftime("%d/%m/%Y"))
        .is_visible()
    )
    assert lan.status == MemberStatus.PROBATIONARY
    assert lan.organization_id == cell.pk
    assert lan.admitted_on == admitted_on
    assert lan.date_of_birth == date(1992, 3, 14)
    assert lan.ethnicity.name == "Tày"
    screenshot(page, "register-created-member")

    # A man born in 1988 whose citizen ID says 1992: refused beside the field.
    page.goto(f"{live_server.url}/members/new/")
    _fill_profile(page, name="Lộc Văn Sơn", sex="Nam", born="02/09/1988", citizen_id="020092001234")
    _fill_admission(page, cell, admitted_on)
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_load_state("load")
    field = page.locator("[data-field=citizen_id]")
    error = field.locator(".invalid-feedback")
    error.wait_for()
    assert error.inner_text() == "Số CCCD ghi năm sinh 1992, khác ngày sinh đã khai."
    assert "is-invalid" in (field.locator("input").get_attribute("class") or "")
    # Beside the field: just under its input.
    input_box = field.locator("input").bounding_box()
    error_box = error.bounding_box()
    assert 0 <= error_box["y"] - (input_box["y"] + input_box["height"]) < 40
    # What was typed is kept for the correction.
    assert page.locator("#id_citizen_id").input_value() == "020092001234"
    assert page.locator("#id_full_name").input_value() == "Lộc Văn Sơn"
    screenshot(page, "register-create-wrong-citizen-id")
    assert page.url == f"{live_server.url}/members/new/"
    assert Member.objects.count() == 1
    assert not Member.objects.filter(full_name="Lộc Văn Sơn").exists()
    assert problems == []


# --- 3. export and data quality ---------------------------------------------------------


def test_officer_exports_the_filtered_list_and_opens_data_quality(
    page, live_server, screenshot, tmp_path
):
    from openpyxl import load_workbook

    tree = make_tree()
    refs = _reference_data()
    officer = _officer(tree)
    _register(tree, officer, refs)
    cell = tree["cell_a"]
    problems = _watch_console(page)

    _login(page, live_server, "canbo")
    page.goto(f"{live_server.url}/members/")
    filters = page.get_by_test_id("member-filters")
    filters.locator("#id_organization").select_option(value=str(cell.pk))
    filters.locator("#id_status").select_option(value="active")
    filters.locator("button[type=submit]").click()
    page.wait_for_url(f"**/members/?*organization={cell.pk}*")
    table = page.get_by_test_id("member-table")
    assert table.locator("tbody tr").count() == 2
    assert table.get_by_text("Nông Thị Hoà").count() == 0

    page.get_by_test_id("export-menu").click()
    with page.expect_download() as info:
        page.get_by_test_id("export-list").click()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    path = tmp_path / "danh-sach.xlsx"
    download.save_as(path)

    book = load_workbook(path, read_only=True)  # read-only keeps the file open: close it
    rows = [list(r) or [None] for r in book.active.iter_rows(values_only=True)]
    book.close()
    assert rows[0][0] == "Danh sách đảng viên"
    assert any(r[0] == f"Đơn vị: {cell.name}" for r in rows[:4])
    header_at = next(i for i, r in enumerate(rows) if r[0] == "Họ và tên")
    header = rows[header_at]
    for title in ("Ngày sinh", "Giới tính", "Dân tộc", "Số CCCD", "Trạng thái", "Tuổi đảng"):
        assert title in header
    data = {r[0]: dict(zip(header, r, strict=False)) for r in rows[header_at + 1 :] if r[0]}
    assert set(data) == {"Nông Thị Hoa", "Hoàng Văn Bình"}
    hoa = data["Nông Thị Hoa"]
    assert hoa["Số CCCD"] == "020178000123"
    assert hoa["Trạng thái"] == "Chính thức"
    assert hoa["Dân tộc"] == "Tày"
    assert hoa["Sinh hoạt tại"] == cell.name
    assert hoa["Tuổi đảng"] == _full_years(HOA_ADMITTED, timezone.localdate())
    born = hoa["Ngày sinh"]
    assert (born.date() if hasattr(born, "date") else born) == date(1978, 3, 8)

    # The data quality page of the same cell.
    page.keyboard.press("Escape")
    page.get_by_role("link", name="Chất lượng dữ liệu").click()
    page.wait_for_url(f"**/members/quality/?organization={cell.pk}")
    assert page.get_by_test_id("count-no-citizen-id").inner_text() == "1"
    assert page.get_by_test_id("no-citizen-id").get_by_role("link", name="Hoàng Văn Bình").count()
    assert page.get_by_test_id("small-cells").get_by_role("link", name=cell.name).count() == 1
    screenshot(page, "register-quality")
    assert problems == []


# --- 4. a member sees only their own record -------------------------------------------


def test_member_opens_only_their_own_record(page, live_server, screenshot):
    tree = make_tree()
    refs = _reference_data()
    officer = _officer(tree)
    members = _register(tree, officer, refs)
    user = UserFactory(username="dangvien", full_name="Nông Thị Hoa")
    RoleAssignmentFactory(user=user, role=Role.MEMBER, organization=tree["cell_a"])
    Member.objects.filter(pk=members["hoa"].pk).update(user=user)
    problems = _watch_console(page)

    _login(page, live_server, "dangvien")
    page.get_by_role("link", name="Hồ sơ của tôi").click()
    page.wait_for_url(f"{live_server.url}/members/{members['hoa'].pk}/")
    assert page.get_by_test_id("member-name").inner_text() == "Nông Thị Hoa"
    # A plain member changes nothing from here.
    assert page.get_by_test_id("record-event").count() == 0
    assert page.get_by_test_id("member-actions").get_by_role("link", name="Sửa").count() == 0

    # A member of the same cell, and one of another cell: both 404.
    for other in (members["binh"], members["other"]):
        url = f"{live_server.url}/members/{other.pk}/"
        response = page.goto(url)
        assert response.status == 404, f"{url} answered {response.status}"
        assert other.full_name not in page.content()
    screenshot(page, "register-member-404")
    # The only console errors are the browser's own notes of the two 404 answers (and of
    # the /favicon.ico it asks for, as Django's bare 404 page names no icon).
    unexpected = [
        (url, text)
        for url, text in problems
        if not (
            "404" in text
            and (url.rstrip("/").split("/")[-1].isdigit() or url.endswith("/favicon.ico"))
        )
    ]
    assert unexpected == []
