"""DIS-01..04 and ORG-04 as pure rules, at their boundaries."""

from datetime import date

import pytest

from discipline import rules
from discipline.enums import DecidingBody as B
from discipline.enums import DisciplineForm as F
from discipline.enums import SubjectKind as S
from organizations.enums import OrgKind


@pytest.mark.parametrize(
    ("subject", "probationary", "post", "allowed"),
    [
        (S.ORGANIZATION, False, False, {F.REPRIMAND, F.WARNING, F.DISSOLUTION}),
        (S.MEMBER, False, True, {F.REPRIMAND, F.WARNING, F.DISMISSAL, F.EXPULSION}),
        (S.MEMBER, False, False, {F.REPRIMAND, F.WARNING, F.EXPULSION}),
        (S.MEMBER, True, True, {F.REPRIMAND, F.WARNING}),
    ],
)
def test_dis01_forms_per_subject(subject, probationary, post, allowed):
    assert set(rules.allowed_forms(subject, probationary=probationary, holds_post=post)) == allowed
    for form in F.values:
        findings = rules.form_findings(form, subject, probationary=probationary, holds_post=post)
        assert (findings == []) is (form in allowed)
        if findings:
            assert findings[0].rule_id == "DIS-01" and findings[0].blocking


def test_dis01_probationary_cannot_be_expelled_message():
    (f,) = rules.form_findings(F.EXPULSION, S.MEMBER, probationary=True)
    assert "dự bị" in f.message


@pytest.mark.parametrize(("form", "years"), [(F.REPRIMAND, 5), (F.WARNING, 10), (F.DISMISSAL, 10)])
def test_dis03_limitation_day_before_of_after(form, years):
    offence = date(2015, 3, 1)
    last = date(2015 + years, 3, 1)
    assert rules.limitation_last_day(form, offence) == last
    assert rules.date_findings(form, offence, date(2015 + years, 2, 28)) == []
    assert rules.date_findings(form, offence, last) == []
    (after,) = rules.date_findings(form, offence, date(2015 + years, 3, 2))
    assert after.rule_id == "DIS-03" and after.blocking


def test_dis03_no_limit_for_expulsion_and_restart_on_new_offence():
    assert rules.limitation_last_day(F.EXPULSION, date(1990, 1, 1)) is None
    assert rules.date_findings(F.EXPULSION, date(1990, 1, 1), date(2026, 1, 1)) == []
    assert rules.limitation_last_day(F.REPRIMAND, date(2015, 3, 1), date(2018, 6, 1)) == date(
        2023, 6, 1
    )


def test_dis03_decision_before_offence_refused():
    (f,) = rules.date_findings(F.REPRIMAND, date(2024, 5, 10), date(2024, 5, 9))
    assert f.blocking and "trước ngày vi phạm" in f.message
    assert rules.date_findings(F.REPRIMAND, date(2024, 5, 10), date(2024, 5, 10)) == []


def test_dis04_appeal_day_30_accepted_day_31_refused():
    received = date(2025, 1, 31)
    assert rules.appeal_findings(received, date(2025, 3, 2)) == []  # day 30
    (late,) = rules.appeal_findings(received, date(2025, 3, 3))  # day 31
    assert late.rule_id == "DIS-04" and late.blocking
    assert rules.appeal_findings(None, date(2025, 2, 1))[0].blocking


CELL = rules.OrgRef(10, OrgKind.CELL, "0001000100010001")
OTHER_CELL = rules.OrgRef(11, OrgKind.CELL, "0001000100010002")
GRASSROOTS = rules.OrgRef(5, OrgKind.GRASSROOTS_COMMITTEE, "000100010001")
COMMUNE = rules.OrgRef(2, OrgKind.COMMUNE, "00010001")


def test_dis02_cell_may_reprimand_or_warn_own_members_only():
    assert rules.body_findings(B.CELL, CELL, F.REPRIMAND, S.MEMBER, CELL) == []
    assert rules.body_findings(B.CELL, CELL, F.WARNING, S.MEMBER, CELL) == []
    assert rules.body_findings(B.CELL, CELL, F.EXPULSION, S.MEMBER, CELL)[0].rule_id == "DIS-02"
    assert (
        rules.body_findings(B.CELL, CELL, F.REPRIMAND, S.MEMBER, OTHER_CELL)[0].rule_id == "DIS-02"
    )


def test_dis02_cell_committee_has_no_power():
    assert (
        rules.body_findings(B.CELL_COMMITTEE, CELL, F.REPRIMAND, S.MEMBER, CELL)[0].rule_id
        == "DIS-02"
    )


def test_dis02_direct_superior_disciplines_an_organization():
    assert (
        rules.body_findings(B.STANDING_COMMITTEE, GRASSROOTS, F.WARNING, S.ORGANIZATION, CELL) == []
    )
    assert (
        rules.body_findings(B.STANDING_COMMITTEE, COMMUNE, F.WARNING, S.ORGANIZATION, CELL)[
            0
        ].rule_id
        == "DIS-02"
    )


def test_org04_commission_only_from_grassroots_committee_up():
    assert rules.has_commission_kind(OrgKind.GRASSROOTS_COMMITTEE)
    assert rules.has_commission_kind(OrgKind.COMMUNE)
    for kind in (OrgKind.CELL, OrgKind.GRASSROOTS_CELL, OrgKind.SUB_COMMITTEE, OrgKind.PARTY_GROUP):
        assert not rules.has_commission_kind(kind)
    assert (
        rules.body_findings(B.INSPECTION_COMMISSION, CELL, F.REPRIMAND, S.MEMBER, CELL)[0].rule_id
        == "ORG-04"
    )
