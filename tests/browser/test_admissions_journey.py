"""Admission journey in a real browser: from sympathizer to probationary member, the
generated 9-KNĐ decision downloaded and read with python-docx (ADM-05, DOC-01).

`transactional_db`: the holiday table (seeded by a migration) is empty here, so working
days are Monday to Friday; the dates below meet every deadline either way.
"""

import io
from datetime import date

import pytest
from docx import Document

from accounts.enums import Role
from admissions.enums import CandidateSource, SponsorKind
from admissions.services.candidates import add_candidate
from admissions.services.cases import add_sponsor, open_case
from members.enums import MembershipKind, MemberStatus, Sex
from members.models import Membership
from tests.admissions.conftest import seat_committee
from tests.browser.conftest import log_in, watch_console
from tests.factories import MemberFactory, RoleAssignmentFactory, UserFactory, make_tree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _members(cell, n):
    out = []
    for i in range(n):
        m = MemberFactory(
            full_name=f"Đảng viên {i}",
            organization=cell,
            status=MemberStatus.FULL,
            admitted_on=date(2010, 1, 1),
            full_member_on=date(2011, 1, 1),
        )
        Membership.objects.create(
            member=m, organization=cell, kind=MembershipKind.HOME, starts_on=date(2010, 1, 1)
        )
        out.append(m)
    return out


def _step(page, fields, *, select=None):
    form = page.get_by_test_id("advance-form")
    for name, value in fields.items():
        form.locator(f"[name={name}]").fill(value)
    for name, value in (select or {}).items():
        form.locator(f"[name={name}]").select_option(value)
    form.get_by_test_id("advance").click()
    page.wait_for_load_state("load")


def test_sympathizer_to_probationary_member(page, live_server, screenshot):
    tree = make_tree()
    cell = tree["cell_a"]
    user = UserFactory(username="canbo", full_name="Hoàng Văn Thụ")
    RoleAssignmentFactory(user=user, role=Role.OFFICER, organization=tree["commune"])
    members = _members(cell, 9)
    seat_committee(tree["grassroots"], 9)  # ADM-06: the committee's vote base is the register's
    candidate = add_candidate(
        by=user,
        cell=cell,
        on=date(2024, 1, 2),
        full_name="Lường Thị Hoa",
        sex=Sex.FEMALE,
        date_of_birth=date(2000, 3, 15),
        education="upper_secondary",
        source=CandidateSource.YOUTH_UNION,
        home_town="Tân Lập, Lạng Sơn",
    )
    problems = watch_console(page)
    log_in(page, live_server, "canbo")

    # The candidate page: open the case.
    page.goto(f"{live_server.url}/admissions/candidates/{candidate.pk}/")
    page.locator("summary", has_text="Lập hồ sơ kết nạp").click()
    open_form = page.get_by_test_id("open-case-form")
    open_form.locator("[name=on]").fill("08/01/2024")
    open_form.locator("button[type=submit]").click()
    page.get_by_test_id("case-stage").wait_for()
    case = candidate.cases.get()

    _step(page, {"on": "15/01/2024"}, select={"helper": str(members[0].pk)})
    assert "Cảm tình đảng" in page.get_by_test_id("case-stage").inner_text()
    _step(page, {"on": "01/03/2024", "certificate_on": "28/02/2024"})
    for day in ("05/03/2024", "12/03/2024", "01/04/2024", "08/04/2024"):
        _step(page, {"on": day})
    for sponsor in members[1:3]:
        add_sponsor(case, by=user, kind=SponsorKind.MEMBER, member=sponsor, since=date(2023, 1, 1))
    _step(page, {"on": "15/04/2024"})

    # A vote with more votes than members is refused, with its rule ID; nothing saved.
    _step(page, {"on": "14/02/2025", "votes_for": "10", "votes_against": "0"})
    refused = page.get_by_test_id("step-refused")
    assert "ADM-06" in refused.inner_text()
    screenshot(page, "admission-refused")
    _step(page, {"on": "14/02/2025", "votes_for": "8", "votes_against": "1"})
    assert "có 9 ủy viên" in page.get_by_test_id("committee-base").inner_text()
    _step(page, {"on": "20/02/2025", "committee_for": "7"})
    _step(page, {"on": "03/03/2025", "decision_number": "125-QĐ/ĐU"})
    _step(page, {"on": "19/03/2025"})
    assert "Đã kết nạp" in page.get_by_test_id("case-stage").inner_text()
    assert page.get_by_test_id("member-link").is_visible()
    screenshot(page, "admission-admitted")

    # The generated decision (9-KNĐ) downloaded and read.
    with page.expect_download() as download_info:
        page.get_by_test_id("doc-9-knd-docx").click()
    content = download_info.value.path().read_bytes()
    text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs) + "\n".join(
        c.text for t in Document(io.BytesIO(content)).tables for r in t.rows for c in r.cells
    )
    assert "Kết nạp quần chúng Lường Thị Hoa" in text
    assert "QUYẾT ĐỊNH" in text

    # The member is in the register, probationary, from the decision date.
    page.get_by_test_id("member-link").click()
    page.wait_for_load_state("load")
    assert "Lường Thị Hoa" in page.content()
    case.refresh_from_db()
    assert case.member.status == MemberStatus.PROBATIONARY
    assert case.member.admitted_on == date(2025, 3, 3)
    assert problems == []


def test_case_page_fits_a_360_pixel_phone(phone_page, live_server, screenshot):
    tree = make_tree()
    user = UserFactory(username="bithu")
    RoleAssignmentFactory(user=user, role=Role.SECRETARY, organization=tree["cell_a"])
    candidate = add_candidate(
        by=user,
        cell=tree["cell_a"],
        on=date(2024, 1, 2),
        full_name="Lường Thị Hoa",
        sex=Sex.FEMALE,
        date_of_birth=date(2000, 3, 15),
        source=CandidateSource.RESIDENCE,
    )
    case = open_case(candidate, by=user, on=date(2024, 1, 8))
    log_in(phone_page, live_server, "bithu")
    for url in (f"/admissions/cases/{case.pk}/", "/admissions/", "/admissions/results/"):
        phone_page.goto(f"{live_server.url}{url}")
        phone_page.wait_for_load_state("load")
        overflow = phone_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{url} is {overflow}px wider than a 360px phone"
    screenshot(phone_page, "admission-results-phone")
