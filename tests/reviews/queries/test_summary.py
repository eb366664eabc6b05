"""reviews.queries.summary: the share of organizations and members at "hoàn thành tốt nhiệm vụ"
or above, judged by the rule set of each year (REV-01..04), in two queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reviews import rules
from reviews.enums import Level, Subject
from reviews.models import MemberReview, OrganizationReview, ReviewRound
from reviews.queries.summary import Tally, good_or_better, good_or_better_levels

pytestmark = pytest.mark.django_db


def test_good_or_better_levels_follow_the_rule_set():
    org, member = Subject.ORGANIZATION, Subject.MEMBER
    # Up to 2017 (REV-01) the best level of an organization is "trong sạch, vững mạnh".
    assert good_or_better_levels(rules.REV_01, org) == (Level.CLEAN_STRONG, Level.GOOD)
    assert good_or_better_levels(rules.REV_01, member) == (Level.EXCELLENT, Level.GOOD)
    for rule_set in (rules.REV_02, rules.REV_03, rules.REV_04):
        assert good_or_better_levels(rule_set, org) == (Level.EXCELLENT, Level.GOOD)


@pytest.fixture
def reviews(tree, people):
    commune = tree["commune"]
    rounds = {
        y: ReviewRound.objects.create(organization=commune, year=y, rule_set=code)
        for y, code in ((2017, "REV-01"), (2025, "REV-04"))
    }

    def org(o, year, level, **extra):
        OrganizationReview.objects.create(
            round=rounds[year], organization=o, year=year, decision_level=level, **extra
        )

    # 2017 (REV-01): TSVM and HTT are good or better, "yếu kém" is not → 2 of 3.
    org(tree["grassroots"], 2017, Level.CLEAN_STRONG)
    org(tree["cell_a"], 2017, Level.GOOD)
    org(tree["cell_b"], 2017, Level.WEAK)
    # 2025 (REV-04): HTXS yes, HT no; cell_b only self-assessed (not decided) → 1 of 2.
    org(tree["grassroots"], 2025, Level.EXCELLENT)
    org(tree["cell_a"], 2025, Level.COMPLETED)
    org(tree["cell_b"], 2025, "", self_level=Level.GOOD)
    # Not counted: the commune itself (rated by its superior) and another commune's cell.
    org(commune, 2025, Level.GOOD)
    org(tree["other_cell"], 2025, Level.GOOD)
    for member, level in zip(people, (Level.EXCELLENT, Level.GOOD, Level.FAILED), strict=True):
        MemberReview.objects.create(
            round=rounds[2025],
            member=member,
            organization=member.organization,
            year=2025,
            decision_level=level,
        )


def test_shares_per_year_by_the_rule_set_of_the_year(tree, reviews):
    summary = good_or_better(tree["commune"], [2025, 2017, 2024])
    assert list(summary) == [2017, 2024, 2025]
    assert summary[2017].rule_set is rules.REV_01
    assert summary[2017].organizations == Tally(2, 3)
    assert summary[2017].members == Tally(0, 0)
    assert summary[2024].organizations == Tally(0, 0)
    assert summary[2025].organizations == Tally(1, 2)
    assert summary[2025].members == Tally(2, 3)
    cell = good_or_better(tree["cell_a"], [2025])[2025]
    assert cell.organizations == Tally(0, 0) and cell.members == Tally(2, 3)


def test_two_queries_whatever_the_number_of_years(tree, reviews):
    for years in ([2025], list(range(2010, 2027))):
        with CaptureQueriesContext(connection) as ctx:
            good_or_better(tree["commune"], years)
        assert len(ctx) == 2
