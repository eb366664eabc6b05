"""REV-01..04 as data and the pure checks, at their boundaries."""

import pytest

from core.findings import Severity
from reviews import rules
from reviews.enums import Level as L
from reviews.enums import Subject
from reviews.rules import DisciplineFact


@pytest.mark.parametrize(
    ("year", "code"),
    [
        (2017, "REV-01"),
        (2018, "REV-02"),
        (2022, "REV-02"),
        (2023, "REV-03"),
        (2024, "REV-03"),
        (2025, "REV-04"),
        (2030, "REV-04"),
    ],
)
def test_rev_rule_set_chosen_by_year_at_boundaries(year, code):
    assert rules.rule_set_for(year).code == code


def test_rev_rule_sets_name_their_documents():
    for r in rules.RULE_SETS:
        assert str(r.document)
    assert "132-QĐ/TW" in str(rules.REV_02.document)
    assert "124-QĐ/TW" in str(rules.REV_03.document)
    assert "366-QĐ/TW" in str(rules.REV_04.document)


def test_rev01_legacy_levels_only_before_2018():
    assert (
        rules.level_findings(rules.rule_set_for(2017), Subject.ORGANIZATION, L.CLEAN_STRONG) == []
    )
    refused = rules.level_findings(rules.rule_set_for(2018), Subject.ORGANIZATION, L.CLEAN_STRONG)
    assert refused[0].rule_id == "REV-02" and refused[0].blocking
    assert rules.level_findings(rules.rule_set_for(2017), Subject.ORGANIZATION, L.EXCELLENT)[
        0
    ].blocking
    assert (
        rules.level_findings(rules.rule_set_for(2024), Subject.MEMBER, L.WEAK)[0].rule_id
        == "REV-03"
    )


@pytest.mark.parametrize(
    ("score", "level", "ok"),
    [
        (89, L.EXCELLENT, False),
        (90, L.EXCELLENT, True),
        (100, L.EXCELLENT, True),
        (69, L.GOOD, False),
        (70, L.GOOD, True),
        (89, L.GOOD, True),
        (49, L.COMPLETED, False),
        (50, L.COMPLETED, True),
        (49, L.FAILED, True),
        (0, L.FAILED, True),
    ],
)
def test_rev04_score_must_agree_with_level(score, level, ok):
    findings = [f for f in rules.score_findings(rules.REV_04, level, score) if f.blocking]
    assert (findings == []) is ok
    if not ok:
        assert findings[0].rule_id == "REV-04"


@pytest.mark.parametrize("score", [-1, 101])
def test_rev04_score_outside_0_100_refused(score):
    findings = rules.score_findings(rules.REV_04, L.GOOD, score)
    assert findings[0].blocking and findings[0].rule_id == "REV-04"
    # Outside the range is refused in any year.
    assert rules.score_findings(rules.REV_02, L.GOOD, score)[0].blocking


def test_rev04_score_required_and_a_lower_level_is_noted():
    assert rules.score_findings(rules.REV_04, L.GOOD, None)[0].blocking
    assert rules.score_findings(rules.REV_03, L.GOOD, None) == []
    below = rules.score_findings(rules.REV_04, L.GOOD, 95)
    assert below and below[0].severity == Severity.INFO


@pytest.mark.parametrize(("n_good", "allowed"), [(4, 0), (5, 1), (6, 1), (10, 2), (14, 2), (15, 3)])
def test_rev03_cap_20_percent_of_htt(n_good, allowed):
    assert rules.excellent_allowed(n_good) == allowed


def test_rev03_cap_10_htt_allows_2_refuses_3_with_numbers():
    assert rules.cap_findings(rules.REV_03, "Thôn, bản, ấp", 2, 10) == []
    refused = rules.cap_findings(rules.REV_03, "Thôn, bản, ấp", 3, 10)
    assert refused[0].rule_id == "REV-03" and refused[0].blocking
    assert (
        "3" in refused[0].message
        and "10" in refused[0].message
        and "tối đa 2" in refused[0].message
    )


@pytest.mark.parametrize(
    ("n_good", "n_exc", "ok"),
    [(4, 1, False), (5, 1, True), (5, 2, False), (6, 1, True), (6, 2, False)],
)
def test_rev03_cap_small_groups(n_good, n_exc, ok):
    assert (rules.cap_findings(rules.REV_03, "g", n_exc, n_good) == []) is ok


REPRIMAND = DisciplineFact("reprimand", 1, False, "A: khiển trách")
WARNING = DisciplineFact("warning", 2, False, "A: cảnh cáo")
REMEDIED = DisciplineFact("reprimand", 1, True, "A: khiển trách")


def test_rev02_disciplined_member_is_kht():
    assert (
        rules.member_discipline_findings(rules.REV_02, L.COMPLETED, [REPRIMAND])[0].rule_id
        == "REV-02"
    )
    assert rules.member_discipline_findings(rules.REV_02, L.FAILED, [REPRIMAND]) == []
    assert rules.member_discipline_findings(
        rules.REV_02, L.COMPLETED, [REMEDIED]
    )  # no exception in REV-02


def test_rev03_disciplined_member_kht_unless_self_remedied():
    assert (
        rules.member_discipline_findings(rules.REV_03, L.GOOD, [REPRIMAND])[0].rule_id == "REV-03"
    )
    assert rules.member_discipline_findings(rules.REV_03, L.GOOD, [REMEDIED]) == []


def test_rev04_member_discipline_is_shown_not_enforced():
    findings = rules.member_discipline_findings(rules.REV_04, L.GOOD, [REPRIMAND])
    assert findings and not findings[0].blocking


def test_rev02_org_kht_when_leadership_member_warned_not_reprimanded():
    assert rules.organization_discipline_findings(rules.REV_02, L.COMPLETED, [REPRIMAND], []) == []
    assert (
        rules.organization_discipline_findings(rules.REV_02, L.COMPLETED, [WARNING], [])[0].rule_id
        == "REV-02"
    )
    # A disciplined subordinate does not count under REV-02.
    assert rules.organization_discipline_findings(rules.REV_02, L.GOOD, [], [WARNING]) == []


def test_rev03_org_with_disciplined_subordinate_is_not_ht_or_above():
    for level in (L.EXCELLENT, L.GOOD, L.COMPLETED):
        assert (
            rules.organization_discipline_findings(rules.REV_03, level, [], [REPRIMAND])[0].rule_id
            == "REV-03"
        )
    assert rules.organization_discipline_findings(rules.REV_03, L.FAILED, [], [REPRIMAND]) == []
    assert rules.organization_discipline_findings(rules.REV_03, L.GOOD, [REMEDIED], []) == []


def test_rev04_collective_not_htxs_with_discipline():
    assert rules.organization_discipline_findings(rules.REV_04, L.EXCELLENT, [], [REPRIMAND])[
        0
    ].blocking
    assert rules.organization_discipline_findings(rules.REV_04, L.GOOD, [], [REPRIMAND]) == []


def test_rev01_labels_legacy():
    assert rules.REV_01.label(L.CLEAN_STRONG) == "Trong sạch, vững mạnh"
    assert rules.REV_01.label(L.EXCELLENT, Subject.MEMBER).startswith("Đủ tư cách")
