"""A member's annual review in a real browser (REV-04, REV-05): self-assessment by the
member on a 360 px phone, the cell's proposal by the secretary, the decision and the
publication by the committee officer, the rating on the results page (REV-06)."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from accounts.enums import Role
from members.enums import MembershipKind, MemberStatus
from members.models import Membership
from reviews import services
from tests.browser.conftest import log_in, watch_console
from tests.factories import MemberFactory, RoleAssignmentFactory, UserFactory, make_tree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
YEAR = 2025  # REV-04: the 100-point score


def _context(browser, **options):
    context = browser.new_context(locale="vi-VN", **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


@pytest.fixture
def scene(db):
    tree = make_tree()
    officer = UserFactory(username="canbo", full_name="Hoàng Văn Thụ")
    RoleAssignmentFactory(user=officer, role=Role.OFFICER, organization=tree["commune"])
    secretary = UserFactory(username="bithu", full_name="Lý Thị Mai")
    RoleAssignmentFactory(user=secretary, role=Role.SECRETARY, organization=tree["cell_a"])
    user = UserFactory(username="dangvien", full_name="Nông Văn Dền")
    RoleAssignmentFactory(user=user, role=Role.MEMBER, organization=tree["cell_a"])
    member = MemberFactory(
        full_name="Nông Văn Dền",
        organization=tree["cell_a"],
        user=user,
        status=MemberStatus.FULL,
        admitted_on=date(2012, 5, 19),
    )
    Membership.objects.create(
        member=member,
        organization=tree["cell_a"],
        kind=MembershipKind.HOME,
        starts_on=date(2012, 5, 19),
    )
    services.open_round(organization=tree["commune"], year=YEAR, by=officer)
    return {"tree": tree, "member": member}


def test_member_review_from_self_assessment_to_published_decision(
    browser, phone_page, live_server, screenshot, scene
):
    tree, member = scene["tree"], scene["member"]
    review_url = f"{live_server.url}/reviews/member/{member.pk}/{YEAR}/"

    # 1. The member, on a 360 px phone, finds their review and assesses themself.
    problems = watch_console(phone_page)
    log_in(phone_page, live_server, "dangvien")
    phone_page.goto(f"{live_server.url}/reviews/")
    phone_page.get_by_test_id("own-reviews").get_by_role("link", name=f"Năm {YEAR}").click()
    phone_page.wait_for_url(review_url)
    expect(phone_page.get_by_test_id("form-proposal")).to_have_count(0)  # the cell proposes
    form = phone_page.get_by_test_id("form-self")
    form.locator("#id_self-level").select_option("good")
    form.locator("#id_self-score").fill("82")
    form.locator("#id_self-note").fill("Hoàn thành các nhiệm vụ được giao đúng hạn.")
    screenshot(phone_page, "review-self-assessment-phone")
    overflow = phone_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"page is {overflow}px wider than a 360px phone"
    form.get_by_role("button", name="Ghi").click()
    phone_page.wait_for_url(review_url)
    first = phone_page.get_by_test_id("step-1")
    expect(first.get_by_test_id("step-level")).to_have_text("Hoàn thành tốt nhiệm vụ")
    expect(first).to_contain_text("82 điểm")
    expect(first).to_contain_text("Nông Văn Dền")
    screenshot(phone_page, "review-self-assessment-phone-saved")
    assert problems == []

    # 2. The cell secretary records the cell's proposal from the round page.
    context, page = _context(browser, viewport={"width": 1280, "height": 900})
    problems = watch_console(page)
    log_in(page, live_server, "bithu")
    page.goto(f"{live_server.url}/reviews/")
    page.get_by_test_id("review-orgs").get_by_role("link", name=f"Đợt đánh giá {YEAR}").click()
    page.get_by_test_id("member-reviews").get_by_role("link", name="Nông Văn Dền").click()
    page.wait_for_url(review_url)
    expect(page.get_by_test_id("form-decision")).to_have_count(0)  # decided above the cell
    form = page.get_by_test_id("form-proposal")
    form.locator("#id_proposal-level").select_option("good")
    form.locator("#id_proposal-score").fill("80")
    form.get_by_role("button", name="Ghi").click()
    page.wait_for_url(review_url)
    expect(page.get_by_test_id("step-2")).to_contain_text("Hoàn thành tốt nhiệm vụ · 80 điểm")
    assert problems == []
    context.close()

    # 3. The committee officer decides: a score that does not fit the level is refused
    #    with the rule ID, then the decision is recorded and published.
    context, page = _context(browser, viewport={"width": 1280, "height": 900})
    problems = watch_console(page)
    log_in(page, live_server, "canbo")
    page.goto(f"{live_server.url}/reviews/round/{tree['commune'].pk}/{YEAR}/")
    page.get_by_test_id("member-reviews").get_by_role("link", name="Nông Văn Dền").click()
    page.wait_for_url(review_url)
    form = page.get_by_test_id("form-decision")
    form.locator("#id_decision-level").select_option("excellent")
    form.locator("#id_decision-score").fill("80")
    form.get_by_role("button", name="Ghi").click()
    expect(page.get_by_test_id("form-decision")).to_contain_text("REV-04")
    # The refused form answers 400 (the browser logs it); nothing else went wrong.
    assert problems == [
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    ]
    problems.clear()
    form = page.get_by_test_id("form-decision")
    form.locator("#id_decision-level").select_option("good")
    form.locator("#id_decision-score").fill("80")
    form.get_by_role("button", name="Ghi").click()
    page.wait_for_url(review_url)
    expect(page.get_by_test_id("final-level")).to_contain_text("Hoàn thành tốt nhiệm vụ")
    expect(page.get_by_test_id("step-3")).to_contain_text("Hoàng Văn Thụ")

    page.goto(f"{live_server.url}/reviews/round/{tree['commune'].pk}/{YEAR}/")
    page.get_by_role("button", name="Công bố kết quả").click()
    expect(page.get_by_role("alert").first).to_contain_text("Đã công bố kết quả của 1 bản đánh giá")
    page.goto(review_url)
    expect(page.get_by_test_id("final-level")).to_contain_text("đã công bố")

    # 4. The results page of the commune prints the rating as the articles do.
    page.goto(f"{live_server.url}/reviews/round/{tree['commune'].pk}/{YEAR}/")
    page.get_by_role("link", name=re.compile("Kết quả")).first.click()
    page.wait_for_url(f"{live_server.url}/reviews/results/{tree['commune'].pk}/{YEAR}/")
    expect(page.get_by_test_id("members-sentence")).to_have_text(
        "1 đảng viên được đánh giá: 1 HTT = 100,0%"
    )
    row = page.get_by_test_id("members").locator("tr", has_text="(HTT)")
    expect(row).to_contain_text("100,0%")
    screenshot(page, "review-results")
    assert problems == []
    context.close()
