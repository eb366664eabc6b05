"""Review services: steps, refusals with the rule ID, discipline → rating, the REV-03 cap,
and the results table of the seed (REV-06)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from discipline import services as discipline_services
from discipline.enums import DecidingBody
from reviews import queries, services
from reviews.enums import Level as L
from reviews.models import OrganizationReview
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def decide(member, year, level, by_cell, by_committee, score=None):
    services.record_member_step(
        member=member, year=year, step="self", level=level, score=score, by=by_cell
    )
    services.record_member_step(
        member=member, year=year, step="proposal", level=level, score=score, by=by_cell
    )
    return services.record_member_step(
        member=member, year=year, step="decision", level=level, score=score, by=by_committee
    )


def test_round_takes_the_rule_set_of_its_year(round_for):
    assert round_for(2017).rule_set == "REV-01"
    assert round_for(2018).rule_set == "REV-02"
    assert round_for(2025).rule_set == "REV-04"


def test_steps_keep_level_score_and_who(round_for, people, secretary, officer):
    round_for(2025)
    review = decide(people[0], 2025, L.GOOD, secretary, officer, score=80)
    assert (review.self_by, review.proposal_by, review.decision_by) == (
        secretary,
        secretary,
        officer,
    )
    assert review.decision_score == 80 and review.rule_set == "REV-04"


def test_steps_in_order_and_locked_after_later_step(round_for, people, secretary):
    round_for(2024)
    with pytest.raises(ValidationError, match="trước"):
        services.record_member_step(
            member=people[0], year=2024, step="proposal", level=L.GOOD, by=secretary
        )
    services.record_member_step(
        member=people[0], year=2024, step="self", level=L.GOOD, by=secretary
    )
    services.record_member_step(
        member=people[0], year=2024, step="proposal", level=L.GOOD, by=secretary
    )
    with pytest.raises(ValidationError, match="Bước sau đã được ghi, không sửa bước này"):
        services.record_member_step(
            member=people[0], year=2024, step="self", level=L.EXCELLENT, by=secretary
        )


def test_without_round_refused(people, secretary):
    with pytest.raises(ValidationError, match="Chưa mở"):
        services.record_member_step(
            member=people[0], year=2024, step="self", level=L.GOOD, by=secretary
        )


@pytest.mark.parametrize(("year", "level"), [(2020, L.CLEAN_STRONG), (2017, L.EXCELLENT)])
def test_level_not_in_year_rule_set_refused(round_for, tree, officer, year, level):
    round_for(year)
    with pytest.raises(ValidationError, match="REV-0"):
        services.record_organization_step(
            organization=tree["grassroots"], year=year, step="self", level=level, by=officer
        )


@pytest.mark.parametrize(("score", "ok"), [(-1, False), (101, False), (89, False), (90, True)])
def test_rev04_score_through_service(round_for, people, secretary, score, ok):
    round_for(2025)
    if ok:
        services.record_member_step(
            member=people[0], year=2025, step="self", level=L.EXCELLENT, score=score, by=secretary
        )
    else:
        with pytest.raises(ValidationError, match="REV-04"):
            services.record_member_step(
                member=people[0],
                year=2025,
                step="self",
                level=L.EXCELLENT,
                score=score,
                by=secretary,
            )


def _discipline(tree, member, by, *, on=date(2020, 6, 1), form="reprimand", self_remedied=False):
    return discipline_services.record_discipline(
        subject_member=member,
        form=form,
        deciding_organization=tree["grassroots"],
        deciding_body=DecidingBody.STANDING_COMMITTEE,
        offence="Vi phạm",
        offence_on=on - (on - date(on.year, 1, 1)),
        decided_on=on,
        self_remedied=self_remedied,
        by=by,
    )


def test_rev02_disciplined_member_decision_refused_above_kht(
    round_for, tree, people, secretary, officer
):
    round_for(2020)
    _discipline(tree, people[0], officer)
    services.record_member_step(
        member=people[0], year=2020, step="self", level=L.GOOD, by=secretary
    )  # a warning only
    services.record_member_step(
        member=people[0], year=2020, step="proposal", level=L.GOOD, by=secretary
    )
    with pytest.raises(ValidationError, match="REV-02"):
        services.record_member_step(
            member=people[0], year=2020, step="decision", level=L.COMPLETED, by=officer
        )
    services.record_member_step(
        member=people[0], year=2020, step="decision", level=L.FAILED, by=officer
    )


def test_rev03_self_remedied_fault_keeps_the_rating(round_for, tree, people, secretary, officer):
    round_for(2024)
    _discipline(tree, people[0], officer, on=date(2024, 5, 1), self_remedied=True)
    _discipline(tree, people[1], officer, on=date(2024, 5, 1))
    assert decide(people[0], 2024, L.GOOD, secretary, officer).decision_level == L.GOOD
    with pytest.raises(ValidationError, match="REV-03"):
        decide(people[1], 2024, L.GOOD, secretary, officer)


def test_rev03_org_with_disciplined_subordinate(round_for, tree, officer):
    round_for(2024)
    discipline_services.record_discipline(
        subject_organization=tree["cell_a"],
        form="reprimand",
        deciding_organization=tree["grassroots"],
        deciding_body=DecidingBody.STANDING_COMMITTEE,
        offence="x",
        offence_on=date(2024, 1, 5),
        decided_on=date(2024, 2, 1),
        by=officer,
    )
    g = tree["grassroots"]
    services.record_organization_step(
        organization=g, year=2024, step="self", level=L.GOOD, by=officer
    )
    services.record_organization_step(
        organization=g, year=2024, step="proposal", level=L.GOOD, by=officer
    )
    with pytest.raises(ValidationError, match="REV-03"):
        services.record_organization_step(
            organization=g, year=2024, step="decision", level=L.COMPLETED, by=officer
        )


def _decide_org(org, year, level, by):
    for step in ("self", "proposal", "decision"):
        services.record_organization_step(
            organization=org, year=year, step=step, level=level, by=by
        )


def test_rev03_cap_10_htt_allows_2_htxs_refuses_the_third(round_for, tree, officer):
    round_for(2024)
    commune = tree["commune"]
    cells = [
        OrganizationFactory(kind="grassroots_cell", category="rural_village", superior=commune)
        for _ in range(13)
    ]
    for c in cells[:10]:
        _decide_org(c, 2024, L.GOOD, officer)
    _decide_org(cells[10], 2024, L.EXCELLENT, officer)
    _decide_org(cells[11], 2024, L.EXCELLENT, officer)
    with pytest.raises(ValidationError, match="REV-03"):
        _decide_org(cells[12], 2024, L.EXCELLENT, officer)
    # Another group (a different category) has its own cap.
    school = OrganizationFactory(kind="grassroots_cell", category="school", superior=commune)
    with pytest.raises(ValidationError, match="tối đa 0"):
        _decide_org(school, 2024, L.EXCELLENT, officer)


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
        r = queries.results(commune, 2018)
    shares = {c.abbreviation: (c.count, c.share) for c in r.grassroots.levels}
    assert shares == {
        "HTXS": (5, "8,5%"),
        "HTT": (50, "84,7%"),
        "HT": (4, "6,8%"),
        "KHT": (0, "0,0%"),
    }
    assert (
        r.grassroots.sentence
        == "59 tổ chức cơ sở đảng được đánh giá: 5 HTXS = 8,5%, 50 HTT = 84,7%, 4 HT = 6,8%"
    )
    assert r.org_by_category[0].total == 59
    small = len(ctx.captured_queries)
    # The same number of queries whatever the size.
    with CaptureQueriesContext(connection) as ctx2:
        queries.results(tree["other_commune"], 2018)
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
    r = queries.results(commune, 2015)
    assert r.grassroots.legacy_lines == [
        "55,8% tổ chức cơ sở đảng đạt trong sạch, vững mạnh",
        "Không có tổ chức cơ sở đảng yếu kém",
    ]
    assert r.trend["labels"] == ["2015"]


def test_missing_reviews_with_reasons(round_for, tree, people, secretary):
    from members.models import Exemption

    round_for(2024, cutoff_on=date(2024, 6, 30))
    late = people[1]
    late.admitted_on = date(2024, 9, 1)
    late.save()
    Exemption.objects.create(
        member=people[2],
        ground="long_treatment",
        starts_on=date(2024, 1, 1),
        cell_decided_on=date(2024, 1, 1),
    )
    services.record_member_step(
        member=people[0], year=2024, step="self", level=L.GOOD, by=secretary
    )
    page = queries.round_page(tree["commune"], 2024)
    reasons = {m.subject.pk: (m.reason, m.configurable) for m in page.missing_members}
    assert people[0].pk not in reasons
    assert reasons[late.pk][1] and "ngày chốt" in reasons[late.pk][0]
    assert reasons[people[2].pk][1] and "miễn" in reasons[people[2].pk][0]


def test_rev06_no_decided_review_prints_no_number(round_for, tree, people, secretary):
    """A round with self-assessments only: nothing decided, so no count and no share."""
    round_for(2024)
    services.record_member_step(
        member=people[0], year=2024, step="self", level=L.GOOD, by=secretary
    )
    r = queries.results(tree["commune"], 2024)
    assert r.empty
    assert r.grassroots.sentence == "Chưa có tổ chức cơ sở đảng nào được quyết định xếp loại."
    assert r.members.sentence == "Chưa có đảng viên nào được quyết định xếp loại."
    assert all(c.share == "" for c in r.members.levels)
    assert r.trend["labels"] == []


def test_review_fact_names_the_form_in_force_after_appeal(round_for, tree, people, officer):
    from reviews import checks

    d = _discipline(tree, people[0], officer, on=date(2024, 5, 1), form="warning")
    discipline_services.record_receipt(d, received_on=date(2024, 5, 2), by=officer)
    discipline_services.record_appeal(d, appealed_on=date(2024, 5, 10), by=officer)
    discipline_services.resolve_appeal(
        d, outcome="reduced", new_form="reprimand", decided_on=date(2024, 6, 1), by=officer
    )
    (fact,) = checks.member_facts([people[0].pk], 2024)[people[0].pk]
    assert fact.form == "reprimand" and "Khiển trách" in fact.label
