"""Admission and probation rules at their boundaries, by rule ID (RULES.md ADM, PRB).

Working-day deadlines are counted with core.calendar; the holiday table is seeded by a
migration, so those tests use `db`. Expected days are counted by hand in the comments.
"""

from datetime import date

import pytest

from admissions.enums import SponsorKind
from admissions.rules.deadlines import (
    ceremony_due,
    ceremony_findings,
    decision_due,
    decision_findings,
    member_file_due,
    member_file_findings,
)
from admissions.rules.person import (
    age_findings,
    certificate_expires_on,
    certificate_findings,
    education_findings,
    readmission_findings,
)
from admissions.rules.probation import (
    full_cell_due,
    full_cell_findings,
    full_decision_due,
    full_decision_findings,
    probation_ends_on,
)
from admissions.rules.sponsors import SponsorFacts, sponsor_findings, two_thirds, vote_findings
from admissions.rules.targets import above_plan, achievement, rate
from admissions.rules.versions import version_on
from core.calendar import add_working_days
from core.findings import Severity
from members.enums import Education

B, W, INFO = Severity.BLOCKING, Severity.WARNING, Severity.INFO


def severities(findings):
    return [f.severity for f in findings]


def ids(findings):
    return {f.rule_id for f in findings}


# --- ADM-01 ------------------------------------------------------------------------------------


def test_adm01_day_before_18th_birthday_refused():
    findings = age_findings(date(2000, 3, 15), date(2018, 3, 14))
    assert severities(findings) == [B] and ids(findings) == {"ADM-01"}
    assert "17 tuổi 11 tháng" in findings[0].message


def test_adm01_on_18th_birthday_accepted():
    assert age_findings(date(2000, 3, 15), date(2018, 3, 15)) == []


def test_adm01_60_full_years_accepted_one_month_more_needs_agreement():
    assert age_findings(date(1962, 1, 10), date(2022, 2, 9)) == []  # 60 years 0 months
    over = age_findings(date(1962, 1, 10), date(2022, 2, 10))  # 60 years 1 month
    assert severities(over) == [B]
    agreed = age_findings(date(1962, 1, 10), date(2022, 2, 10), over_age_agreement=True)
    assert severities(agreed) == [INFO]


def test_adm01_rule_version_by_date():
    assert version_on("ADM-01", date(2021, 7, 29)).source.endswith("29-QĐ/TW (2016)")
    assert version_on("ADM-01", date(2021, 7, 30)).source == "Quy định 24-QĐ/TW (2021)"
    before = age_findings(date(1990, 1, 1), date(2016, 7, 24))
    assert severities(before) == [INFO]  # no recorded rule: said, not invented


# --- ADM-02 ------------------------------------------------------------------------------------


def test_adm02_lower_secondary_required_since_24_qd_tw():
    on = date(2022, 5, 1)
    assert education_findings(Education.LOWER_SECONDARY, on) == []
    assert education_findings(Education.UPPER_SECONDARY, on) == []
    assert severities(education_findings(Education.PRIMARY, on)) == [B]
    assert severities(education_findings("", on)) == [B]


def test_adm02_difficult_area_default_is_a_warning_and_configurable(settings):
    on = date(2022, 5, 1)
    assert severities(education_findings(Education.PRIMARY, on, difficult_area=True)) == [W]
    settings.ADMISSIONS_DIFFICULT_AREA_EDUCATION = Education.LOWER_SECONDARY
    assert severities(education_findings(Education.PRIMARY, on, difficult_area=True)) == [B]


def test_adm02_before_2021_no_version_recorded():
    findings = education_findings(Education.PRIMARY, date(2021, 7, 29))
    assert severities(findings) == [INFO] and ids(findings) == {"ADM-02"}


# --- ADM-04 ------------------------------------------------------------------------------------


def test_adm04_certificate_valid_60_months_to_the_day():
    certificate = date(2021, 8, 10)
    assert certificate_expires_on(certificate) == date(2026, 8, 10)
    assert certificate_findings(certificate, date(2026, 8, 10)) == []
    expired = certificate_findings(certificate, date(2026, 8, 11))
    assert severities(expired) == [B] and "học lại" in expired[0].message


def test_adm04_certificate_dated_after_the_cell_meeting_refused():
    findings = certificate_findings(date(2025, 3, 2), date(2025, 3, 1))
    assert severities(findings) == [B] and ids(findings) == {"ADM-04"}


def test_adm04_missing_certificate_refused():
    assert severities(certificate_findings(None, date(2025, 3, 1))) == [B]


# --- ADM-03 ------------------------------------------------------------------------------------


def sponsor(kind=SponsorKind.MEMBER, since=date(2023, 1, 1), full=True, same=True, name="A"):
    return SponsorFacts(kind, name, since, full_member=full, same_grassroots=same)


def test_adm03_two_full_members_twelve_months():
    on = date(2024, 1, 1)
    assert sponsor_findings([sponsor(), sponsor(name="B")], on) == []
    late = sponsor_findings([sponsor(), sponsor(since=date(2023, 1, 2), name="B")], on)
    assert severities(late) == [B]


def test_adm03_probationary_sponsor_refused():
    findings = sponsor_findings([sponsor(), sponsor(full=False, name="B")], date(2024, 1, 1))
    assert severities(findings) == [B] and "chính thức" in findings[0].message


def test_adm03_sponsor_outside_the_grassroots_refused():
    findings = sponsor_findings([sponsor(), sponsor(same=False)], date(2024, 1, 1))
    assert severities(findings) == [B]


def test_adm03_one_sponsor_is_not_enough():
    assert severities(sponsor_findings([sponsor()], date(2024, 1, 1))) == [B]


def test_adm03_youth_union_variant_only_for_members_of_the_union():
    pair = [sponsor(kind=SponsorKind.YOUTH_UNION, name="BCH Đoàn"), sponsor()]
    assert sponsor_findings(pair, date(2024, 1, 1), youth_union_member=True) == []
    assert severities(sponsor_findings(pair, date(2024, 1, 1))) == [B]
    two_unions = [sponsor(kind=SponsorKind.YOUTH_UNION)] * 2
    assert severities(sponsor_findings(two_unions, date(2024, 1, 1), youth_union_member=True)) == [
        B
    ]


# --- ADM-06 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("base", "need"), [(3, 2), (8, 6), (9, 6), (10, 7), (12, 8)])
def test_adm06_two_thirds(base, need):
    assert two_thirds(base) == need


def test_adm06_eight_full_members():
    assert vote_findings("ADM-06", 6, 2, 8, "Chi bộ") == []
    assert severities(vote_findings("ADM-06", 5, 3, 8, "Chi bộ")) == [B]


def test_adm06_nine_full_members():
    assert vote_findings("ADM-06", 6, 3, 9, "Chi bộ") == []
    refused = vote_findings("ADM-06", 5, 4, 9, "Chi bộ")
    assert severities(refused) == [B] and "5/9" in refused[0].message


def test_adm06_more_votes_than_members_refused():
    findings = vote_findings("ADM-06", 9, 1, 9, "Chi bộ")
    assert severities(findings) == [B] and "nhiều hơn" in findings[0].message


# --- ADM-07 / 08 / 09: working days across Tết 2026 and weekends ----------------------------------


def test_adm07_first_working_day_after_friday_before_tet(db):
    # Tết Bính Ngọ: days off 14–22/02/2026; Friday 13/02 → Monday 23/02.
    assert add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)


def test_adm07_sixty_working_days_across_tet(db):
    # From Monday 23/02: 5 a week to 24/04 (45), 27/04 (nghỉ bù Giỗ Tổ), 28–29/04 (47),
    # 30/04 and 01/05 off, 04–08/05 (52), 11–15/05 (57), 18–20/05 (60).
    cell = date(2026, 2, 13)
    assert decision_due(cell) == date(2026, 5, 20)
    assert decision_findings(cell, date(2026, 5, 20)) == []
    late = decision_findings(cell, date(2026, 5, 21))
    assert severities(late) == [W] and ids(late) == {"ADM-07"}
    extended = decision_findings(cell, date(2026, 5, 21), extension_reason="Chờ xác minh")
    assert severities(extended) == [INFO]
    # the 30 working days of extension end on 01/07/2026
    assert decision_findings(cell, date(2026, 7, 1), extension_reason="x")[0].severity == INFO
    assert "gia hạn" in decision_findings(cell, date(2026, 7, 2))[0].message


def test_adm07_decision_before_cell_refused(db):
    assert severities(decision_findings(date(2026, 2, 13), date(2026, 2, 12))) == [B]


def test_adm08_thirty_working_days_across_tet(db):
    # Decision received Friday 30/01/2026: 02–13/02 (10), Tết, 23/02–20/03 (30).
    assert ceremony_due(date(2026, 1, 30)) == date(2026, 3, 20)
    received = date(2026, 1, 30)
    assert ceremony_findings(received, received, date(2026, 3, 20)) == []
    late = ceremony_findings(received, received, date(2026, 3, 23))
    assert severities(late) == [W] and "cấp trên" in late[0].message


def test_adm08_ceremony_before_decision_refused(db):
    findings = ceremony_findings(date(2026, 1, 30), date(2026, 1, 30), date(2026, 1, 29))
    assert severities(findings) == [B]


def test_adm09_thirty_working_days_over_weekends(db):
    # Ceremony Friday 03/10/2025: six full weeks → Friday 14/11/2025.
    assert member_file_due(date(2025, 10, 3)) == date(2025, 11, 14)
    assert member_file_findings(date(2025, 10, 3), date(2025, 11, 14)) == []
    assert severities(member_file_findings(date(2025, 10, 3), date(2025, 11, 17))) == [W]


# --- ADM-10 ------------------------------------------------------------------------------------


def test_adm10_36_months_after_leaving():
    kwargs = {"left_on": date(2020, 1, 2), "leaving_way": "struck_off", "readmitted_before": False}
    assert severities(readmission_findings(on=date(2023, 1, 1), **kwargs)) == [B]
    assert readmission_findings(on=date(2023, 1, 2), **kwargs) == []


@pytest.mark.parametrize(
    "way", ["abandoned", "asked_to_leave", "disunity", "corruption", "serious_crime"]
)
def test_adm10_never_for_these_ways_of_leaving(way):
    findings = readmission_findings(
        left_on=date(2010, 1, 1), leaving_way=way, readmitted_before=False, on=date(2024, 1, 1)
    )
    assert severities(findings) == [B]


def test_adm10_only_once():
    findings = readmission_findings(
        left_on=date(2010, 1, 1), leaving_way="other", readmitted_before=True, on=date(2024, 1, 1)
    )
    assert severities(findings) == [B]


# --- PRB ---------------------------------------------------------------------------------------


def test_prb01_twelve_months_from_the_ceremony():
    assert probation_ends_on(date(2025, 3, 19)) == date(2026, 3, 19)
    assert probation_ends_on(date(2024, 2, 29)) == date(2025, 2, 28)


def test_prb02_not_before_the_end_and_30_working_days_after(db):
    end = date(2026, 3, 19)
    assert severities(full_cell_findings(end, date(2026, 3, 18))) == [B]
    assert full_cell_findings(end, end) == []
    # 20/03 … 30/04 and 01/05 off: the 30th working day is Tuesday 05/05/2026
    assert full_cell_due(end) == date(2026, 5, 5)
    assert full_cell_findings(end, date(2026, 5, 5)) == []
    assert severities(full_cell_findings(end, date(2026, 5, 6))) == [W]


def test_prb03_decision_within_30_working_days_extendable(db):
    cell = date(2026, 3, 20)
    assert full_decision_due(cell) == date(2026, 5, 6)
    assert full_decision_findings(cell, date(2026, 5, 6)) == []
    assert severities(full_decision_findings(cell, date(2026, 5, 7))) == [W]
    with_reason = full_decision_findings(cell, date(2026, 5, 7), extension_reason="x")
    assert severities(with_reason) == [INFO]


# --- ADM-11 ------------------------------------------------------------------------------------


def test_adm11_achievement_and_plan():
    from core.documents import percent

    assert percent(achievement(738, 750), 1) == "98,4%"
    assert percent(above_plan(140, 100), 0) == "40%"
    assert percent(above_plan(77, 75), 2) == "2,67%"
    assert achievement(5, 0) is None
    assert rate(3, 0) is None
