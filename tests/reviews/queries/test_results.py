"""reviews.queries.results: the results table (REV-06) of the seed, legacy labels (REV-01),
no invented number without a decided review."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reviews import services
from reviews.enums import Level as L
from reviews.models import OrganizationReview
from reviews.queries.results import results
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_rev06_results_table_of_the_seed_59_organizations(
    round_for, tree, officer, django_assert_max_num_queries
):
    """59 assessed: 5 HTXS = 8,5%, 50 HTT = 84,7%, 4 HT = 6,8% (hand-computed: 5/59 = 0,0847…)."""
    rnd = round_for(2018)
    commune = tree["commune"]
    levels = [L.EXCELLENT] * 5 + [L.GOOD] * 50 + [L.COMPLETED] * 4
    orgs = [
        OrganizationFactory(kind="grassroots_cell", category="rural_village", superior=commune)
        for _ in levels
    ]
    OrganizationReview.objects.bulk_create(
        OrganizationReview(
            organization=o, year=2018, round=rnd, rule_set="REV-02", decision_level=lv
        )
        for o, lv in zip(orgs, levels, strict=True)
    )
    with CaptureQueriesContext(connection) as ctx:
        r = results(commune, 2018)
    shares = {c.abbreviation: (c.count, c.share) for c in r.grassroots.levels}
    assert shares == {
        "HTXS": (5, "8,5%"),
        "HTT": (50, "84,7%"),
        "HT": (4, "6,8%"),
        "KHT": (0, "0,0%"),
    }
    # The share printed is the fraction the XLSX writes, rounded once when printed.
    fractions = {c.abbreviation: c.fraction for c in r.grassroots.levels}
    assert fractions == {
        "HTXS": Decimal(5) / Decimal(59),
        "HTT": Decimal(50) / Decimal(59),
        "HT": Decimal(4) / Decimal(59),
        "KHT": Decimal(0),
    }
    assert (
        r.grassroots.sentence
        == "59 tổ chức cơ sở đảng được đánh giá: 5 HTXS = 8,5%, 50 HTT = 84,7%, 4 HT = 6,8%"
    )
    assert r.org_by_category[0].total == 59
    small = len(ctx.captured_queries)
    # The same number of queries whatever the size.
    with CaptureQueriesContext(connection) as ctx2:
        results(tree["other_commune"], 2018)
    assert len(ctx2.captured_queries) <= small


def test_rev01_legacy_results_tsvm_share_and_weak(round_for, tree, officer):
    rnd = round_for(2015)
    commune = tree["commune"]
    levels = [L.CLEAN_STRONG] * 29 + [L.GOOD] * 23  # 29/52 = 55,8%
    orgs = [OrganizationFactory(kind="grassroots_cell", superior=commune) for _ in levels]
    OrganizationReview.objects.bulk_create(
        OrganizationReview(
            organization=o, year=2015, round=rnd, rule_set="REV-01", decision_level=lv
        )
        for o, lv in zip(orgs, levels, strict=True)
    )
    r = results(commune, 2015)
    assert r.grassroots.legacy_lines == [
        "55,8% tổ chức cơ sở đảng đạt trong sạch, vững mạnh",
        "Không có tổ chức cơ sở đảng yếu kém",
    ]
    assert r.trend["labels"] == ["2015"]


def test_rev06_no_decided_review_prints_no_number(round_for, tree, people, secretary):
    """A round with self-assessments only: nothing decided, so no count and no share."""
    round_for(2024)
    services.record_member_step(
        member=people[0], year=2024, step="self", level=L.GOOD, by=secretary
    )
    r = results(tree["commune"], 2024)
    assert r.empty
    assert r.grassroots.sentence == "Chưa có tổ chức cơ sở đảng nào được quyết định xếp loại."
    assert r.members.sentence == "Chưa có đảng viên nào được quyết định xếp loại."
    assert all(c.share == "" and c.fraction is None for c in r.members.levels)
    assert r.trend["labels"] == []
