"""The committee officer's home page (reports.queries.home): the classification
results of the organizations beside last year's, and the admissions figure with its
drill-down to the subordinate organizations. Figures computed by hand from
tests/reports/annual_data.py (2025) plus the 2026 records added here."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from admissions.models import AdmissionTarget
from organizations.enums import OrgKind
from reviews.enums import Level
from reviews.models import OrganizationReview, ReviewRound
from tests.admissions.queries.test_targets import admit
from tests.factories import OrganizationFactory
from tests.reports import annual_data

HOME_DAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def on_home_day(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: HOME_DAY)


def figures(response):
    ind = response.context["indicators"]
    return {f.key: f for f in [*ind.figures, *ind.overdue]}


def review_orgs_2026(tree, levels):
    review_round = ReviewRound.objects.create(organization=tree["commune"], year=2026)
    for key, level in levels.items():
        OrganizationReview.objects.create(
            round=review_round, organization=tree[key], year=2026, decision_level=level
        )


def test_organizations_at_good_or_better_beside_last_year(login, officer, tree):
    annual_data.build(tree, officer)  # 2025: the grassroots đảng bộ HTT → 1 of 1
    # 2026: cell_a HTXS, cell_b KHT, the grassroots đảng bộ not decided yet → 1 of 2.
    review_orgs_2026(tree, {"cell_a": Level.EXCELLENT, "cell_b": Level.FAILED, "grassroots": ""})
    response = login(officer).get("/")
    f = figures(response)["reviews_orgs"]
    commune = tree["commune"].pk
    assert (f.now, f.before) == ("50,0%", "100,0%")
    assert f.label == "Tổ chức đảng hoàn thành tốt nhiệm vụ trở lên"
    assert f.note == "1 trong 2 tổ chức đảng được xếp loại năm 2026"
    assert f.url == f"/reviews/results/{commune}/2026/"
    assert f.detail_url == f"/reviews/round/{commune}/2026/"  # the organizations, one by one
    members = figures(response)["reviews"]  # no member decided in 2026: last year's links
    assert (members.now, members.before) == ("Chưa xếp loại", "75,0%")
    assert members.note == "3 trong 4 đảng viên được xếp loại năm 2025"
    assert members.url == f"/reviews/results/{commune}/2025/"
    body = response.content.decode()
    assert 'data-testid="indicator-reviews_orgs"' in body
    assert f"/reviews/round/{commune}/2026/" in body


def test_without_any_review_nothing_is_invented(login, officer, tree):
    f = figures(login(officer).get("/"))["reviews_orgs"]
    assert (f.now, f.before) == ("Chưa xếp loại", "Chưa xếp loại")
    assert f.note == "" and f.detail_url == ""
    assert f.url == f"/reviews/results/{tree['commune'].pk}/2025/"


def test_admissions_figure_leads_to_the_subordinate_organizations(login, officer, tree):
    annual_data.build(tree, officer)  # 2025: 2 admitted of the commune's target 4
    AdmissionTarget.objects.create(organization=tree["grassroots"], year=2026, target=2)
    admit(tree["cell_b"], date(2026, 5, 4))
    client = login(officer)
    f = figures(client.get("/"))["admitted"]
    assert f.now == "1 (chưa giao chỉ tiêu)"  # no 2026 target for the commune itself
    assert f.before == "2 / 4 (50,0%)"
    assert f.note == "0/1 tổ chức trực thuộc đạt chỉ tiêu năm 2026"
    url = f"/admissions/results/?organization={tree['commune'].pk}&year=2026#by-organization"
    assert f.url == url and f.detail_url == url
    page = client.get(url)
    breakdown = page.context["breakdown"]
    assert breakdown.year == 2026
    assert [(r.organization, r.target, r.admitted) for r in breakdown.rows] == [
        (tree["grassroots"], 2, 1)
    ]
    body = page.content.decode()
    assert "Đảng bộ Trường THPT Tân Lập" in body and "chưa đạt (đạt 50,0%)" in body


def test_a_cell_has_no_subordinate_breakdown(login, secretary, tree):
    f = figures(login(secretary).get("/"))["admitted"]
    assert f.note == "" and f.detail_url == ""
    assert figures(login(secretary).get("/"))["reviews_orgs"].now == "Chưa xếp loại"


def _count(client):
    with CaptureQueriesContext(connection) as ctx:
        client.get("/")
    return len(ctx)


def test_query_count_does_not_grow_with_subordinate_organizations(login, officer, tree):
    client = login(officer)
    annual_data.build(tree, officer)
    client.get("/")  # warm caches (holidays)
    before = _count(client)
    review_round = ReviewRound.objects.create(organization=tree["commune"], year=2026)
    for i in range(5):
        o = OrganizationFactory(
            name=f"Đảng bộ cơ quan {i}", kind=OrgKind.GRASSROOTS_COMMITTEE, superior=tree["commune"]
        )
        AdmissionTarget.objects.create(organization=o, year=2026, target=1)
        OrganizationReview.objects.create(
            round=review_round, organization=o, year=2026, decision_level=Level.GOOD
        )
    tree["commune"].refresh_from_db()
    assert _count(client) == before
    f = figures(client.get("/"))
    assert f["admitted"].note == "0/5 tổ chức trực thuộc đạt chỉ tiêu năm 2026"
    assert f["reviews_orgs"].now == "100,0%"
