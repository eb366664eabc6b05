"""Review pages and exports for every persona; the member's own self-assessment; query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.models import Member
from reviews import services
from reviews.enums import Level as L
from tests.reviews.conftest import add_member

pytestmark = pytest.mark.django_db
YEAR = 2024


@pytest.fixture
def scene(tree, round_for, people, secretary):
    round_for(YEAR)
    services.record_member_step(
        member=people[0], year=YEAR, step="self", level=L.GOOD, by=secretary
    )
    return {"member": people[0]}


def urls(tree, scene):
    c, m = tree["commune"], scene["member"]
    return [
        reverse("reviews:round", args=[c.pk, YEAR]),
        reverse("reviews:member", args=[m.pk, YEAR]),
        reverse("reviews:organization", args=[tree["cell_a"].pk, YEAR]),
        reverse("reviews:results", args=[c.pk, YEAR]),
        reverse("reviews:results_xlsx", args=[c.pk, YEAR]),
        reverse("reviews:results_docx", args=[c.pk, YEAR]),
    ]


def test_anonymous_goes_to_login(client, tree, scene):
    for url in urls(tree, scene):
        assert client.get(url).status_code == 302


@pytest.mark.parametrize("persona", ["officer", "inspector", "admin_user"])
def test_subtree_readers_read_everything(request, login, tree, scene, persona):
    client = login(request.getfixturevalue(persona))
    for url in urls(tree, scene):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", ["outsider", "other_secretary"])
def test_outside_is_404(request, login, tree, scene, persona):
    client = login(request.getfixturevalue(persona))
    for url in urls(tree, scene):
        assert client.get(url).status_code == 404, url


def test_secretary_reads_own_cell_not_the_commune(login, secretary, tree, scene):
    client = login(secretary)
    assert client.get(reverse("reviews:member", args=[scene["member"].pk, YEAR])).status_code == 200
    assert (
        client.get(reverse("reviews:organization", args=[tree["cell_a"].pk, YEAR])).status_code
        == 200
    )
    assert client.get(reverse("reviews:round", args=[tree["commune"].pk, YEAR])).status_code == 404


def test_member_only_own_review_and_self_assessment(login, member_user, tree, scene):
    client = login(member_user)
    own = Member.objects.get(user=member_user)
    for url in urls(tree, scene):
        assert client.get(url).status_code == 404, url
    url = reverse("reviews:member", args=[own.pk, YEAR])
    page = client.get(url)
    assert page.status_code == 200 and 'data-testid="form-self"' in page.content.decode()
    assert 'data-testid="form-proposal"' not in page.content.decode()
    response = client.post(url, {"step": "self", "self-level": L.GOOD, "self-note": "Tự nhận"})
    assert response.status_code == 302
    assert own.reviews.get(year=YEAR).self_by == member_user
    assert client.post(url, {"step": "proposal", "proposal-level": L.GOOD}).status_code == 403


def test_journey_self_proposal_decision_through_the_pages(login, secretary, officer, tree, scene):
    m = scene["member"]
    url = reverse("reviews:member", args=[m.pk, YEAR])
    sec = login(secretary)
    assert sec.post(url, {"step": "proposal", "proposal-level": L.GOOD}).status_code == 302
    assert (
        sec.post(url, {"step": "decision", "decision-level": L.GOOD}).status_code == 403
    )  # the cell proposes only
    off = login(officer)
    bad = off.post(url, {"step": "decision", "decision-level": L.CLEAN_STRONG})
    assert bad.status_code == 400 and "REV-03" in bad.content.decode()
    assert off.post(url, {"step": "decision", "decision-level": L.GOOD}).status_code == 302
    page = off.get(url).content.decode()
    assert "Hoàn thành tốt nhiệm vụ" in page and 'data-testid="final-level"' in page


def test_open_round_by_officer_only(login, officer, inspector, tree):
    url = reverse("reviews:round_open", args=[tree["grassroots"].pk, 2023])
    assert login(inspector).post(url, {}).status_code == 403
    assert login(officer).post(url, {"apply_excellent_cap": "on"}).status_code == 302
    assert tree["grassroots"].review_rounds.get(year=2023).rule_set == "REV-03"


def test_results_page_chart_data_and_no_inline_script(login, officer, secretary, tree, scene):
    m = scene["member"]
    services.record_member_step(member=m, year=YEAR, step="proposal", level=L.GOOD, by=secretary)
    services.record_member_step(member=m, year=YEAR, step="decision", level=L.GOOD, by=officer)
    for step in ("self", "proposal", "decision"):  # the trend is of grassroots organizations
        services.record_organization_step(
            organization=tree["grassroots"], year=YEAR, step=step, level=L.GOOD, by=officer
        )
    page = (
        login(officer)
        .get(reverse("reviews:results", args=[tree["commune"].pk, YEAR]))
        .content.decode()
    )
    assert (
        'id="trend-data"' in page
        and "reviews/results.js" in page
        and "vendor/chartjs/chart.umd.min.js" in page
    )
    assert "<script>" not in page


def test_round_page_constant_queries(login, officer, tree, scene, secretary):
    client = login(officer)
    url = reverse("reviews:round", args=[tree["commune"].pk, YEAR])
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for i in range(20):
        m = add_member(tree["cell_b"], f"Đảng viên {i}")
        services.record_member_step(member=m, year=YEAR, step="self", level=L.GOOD, by=officer)
    with CaptureQueriesContext(connection) as big:
        client.get(url)
    assert len(big.captured_queries) == len(small.captured_queries)


def test_missing_list_paginated_with_constant_queries(login, officer, tree, round_for, settings):
    """Missing reviews: one page at a time, links keep the other list's page, the same
    number of queries for 7 or 23 missing members."""
    settings.PAGE_SIZE = 5
    round_for(YEAR)
    for i in range(7):
        add_member(tree["cell_a"], f"Đảng viên A{i:02d}")
    client = login(officer)
    url = reverse("reviews:round", args=[tree["commune"].pk, YEAR])
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        first = client.get(url + "?page=1&missing=1")
    for i in range(16):
        add_member(tree["cell_b"], f"Đảng viên B{i:02d}")
    with CaptureQueriesContext(connection) as big:
        last = client.get(url + "?page=1&missing=5")
    assert len(big.captured_queries) == len(small.captured_queries)
    assert len(first.context["page"].missing_members) == 5
    page = last.context["page"]
    assert page.missing_members_total == 23 and len(page.missing_members) == 3
    html = last.content.decode()
    assert 'data-testid="missing-pages"' in html
    assert "?page=1&amp;missing=4#missing" in html  # the other list's page is kept
    assert html.count('data-testid="missing-member"') == 3
    # Past the last page: says so, no error.
    beyond = client.get(url + "?missing=99").content.decode()
    assert "Trang này không còn mục nào." in beyond


def test_results_page_for_a_round_with_no_data_says_so(login, officer, tree, round_for):
    round_for(2019)
    client = login(officer)
    html = client.get(reverse("reviews:results", args=[tree["commune"].pk, 2019])).content.decode()
    assert 'data-testid="no-results"' in html
    assert "Chưa có kết quả đánh giá, xếp loại năm 2019" in html
    # No invented numbers: no share, no level table, no chart data.
    assert "%" not in html.split('data-testid="no-results"')[1].split("</main>")[0]
    assert 'id="trend-data"' not in html and 'data-testid="grassroots"' not in html
    assert "results_xlsx" not in html and "/xlsx/" not in html
    # The exports still answer (for a direct link) without error.
    assert (
        client.get(reverse("reviews:results_xlsx", args=[tree["commune"].pk, 2019])).status_code
        == 200
    )


def test_round_check_columns_in_english(english, login, officer, tree, scene):
    client = login(officer)
    body = client.get(reverse("reviews:round", args=[tree["commune"].pk, YEAR])).content.decode()
    assert body.count("<th>Check</th>") == 2
    assert "<th>Inspection</th>" not in body and "Kiểm tra" not in body
