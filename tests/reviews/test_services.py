"""reviews.services: rounds and steps, refusals with the rule ID, discipline → rating,
the REV-03 cap."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from discipline.enums import DecidingBody
from discipline.services import disciplines as discipline_services
from reviews import services
from reviews.enums import Level as L
from tests.factories import OrganizationFactory
from tests.reviews.support import decide, decide_org, discipline_of

pytestmark = pytest.mark.django_db


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


def test_rev02_disciplined_member_decision_refused_above_kht(
    round_for, tree, people, secretary, officer
):
    round_for(2020)
    discipline_of(tree, people[0], officer)
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
    discipline_of(tree, people[0], officer, on=date(2024, 5, 1), self_remedied=True)
    discipline_of(tree, people[1], officer, on=date(2024, 5, 1))
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


def test_rev03_cap_10_htt_allows_2_htxs_refuses_the_third(round_for, tree, officer):
    round_for(2024)
    commune = tree["commune"]
    cells = [
        OrganizationFactory(kind="grassroots_cell", category="rural_village", superior=commune)
        for _ in range(13)
    ]
    for c in cells[:10]:
        decide_org(c, 2024, L.GOOD, officer)
    decide_org(cells[10], 2024, L.EXCELLENT, officer)
    decide_org(cells[11], 2024, L.EXCELLENT, officer)
    with pytest.raises(ValidationError, match="REV-03"):
        decide_org(cells[12], 2024, L.EXCELLENT, officer)
    # Another group (a different category) has its own cap.
    school = OrganizationFactory(kind="grassroots_cell", category="school", superior=commune)
    with pytest.raises(ValidationError, match="tối đa 0"):
        decide_org(school, 2024, L.EXCELLENT, officer)
