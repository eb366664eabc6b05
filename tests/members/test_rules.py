"""Register rules by ID, at their boundaries.

EXM-01 "past working age": computed from the date of birth and sex on the exemption's
start date (retirement age of the Labour Code 2019, Decree 135/2020: by the year reached),
with the boundaries: the day before, the day of and the day after reaching it."""

from datetime import date as D
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from members.enums import ExemptionGround
from members.models import Exemption
from members.rules import (
    Period,
    add_years,
    badge_due,
    exemption_findings,
    full_months,
    gap_days,
    is_past_working_age,
    next_presentation_date,
    party_age_start,
    party_age_years,
    retirement_age,
    retirement_on,
    temporary_transfer_findings,
)
from members.services import exemptions as svc
from tests.members.services.test_transfers import make_member


def test_age01_party_age_turns_over_on_the_anniversary():
    periods = [Period(D(1996, 5, 19), None)]
    assert party_age_years(D(1996, 5, 19), periods, D(2026, 5, 18)) == 29
    assert party_age_years(D(1996, 5, 19), periods, D(2026, 5, 19)) == 30
    assert party_age_years(D(1996, 5, 19), periods, D(2026, 5, 20)) == 30


def test_age01_not_admitted_has_no_party_age():
    assert party_age_years(None, [], D(2026, 1, 1)) is None
    assert party_age_years(D(2026, 1, 2), [Period(D(2026, 1, 2), None)], D(2026, 1, 1)) is None


def test_age01_transfer_next_day_is_no_gap():
    # Sent on 01/03 (last day at home), received on 02/03: no day without a cell.
    periods = [Period(D(2000, 1, 1), D(2020, 3, 1)), Period(D(2020, 3, 2), None)]
    assert gap_days(periods, D(2026, 1, 1)) == 0


def test_age01_a_gap_of_one_day_moves_the_anniversary_one_day():
    # Sent on 01/03, received on 03/03: 02/03 is a day of non-participation (TRF-02).
    periods = [Period(D(2000, 1, 1), D(2020, 3, 1)), Period(D(2020, 3, 3), None)]
    assert gap_days(periods, D(2026, 1, 1)) == 1
    assert party_age_start(D(2000, 1, 1), periods, D(2026, 1, 1)) == D(2000, 1, 2)
    assert party_age_years(D(2000, 1, 1), periods, D(2030, 1, 1)) == 29
    assert party_age_years(D(2000, 1, 1), periods, D(2030, 1, 2)) == 30


def test_age01_readmitted_counts_from_first_admission_minus_the_gap():
    # Admitted 1990, struck off on 31/12/2000, re-admitted 01/01/2005: 4 years of gap (1461 days).
    periods = [Period(D(1990, 6, 1), D(2000, 12, 31)), Period(D(2005, 1, 1), None)]
    assert gap_days(periods, D(2026, 1, 1)) == (D(2005, 1, 1) - D(2001, 1, 1)).days
    # 10 years 7 months, then 21 years 5 months: 32 years on 01/06/2026, not 36.
    assert party_age_years(D(1990, 6, 1), periods, D(2026, 5, 31)) == 31
    assert party_age_years(D(1990, 6, 1), periods, D(2026, 6, 1)) == 32


def test_age01_a_member_who_left_stops_ageing():
    # Last day in the Party on the tenth anniversary: 10 years, and no more afterwards.
    assert (
        party_age_years(D(1990, 6, 1), [Period(D(1990, 6, 1), D(2000, 6, 1))], D(2026, 1, 1)) == 10
    )
    # Left the day before the anniversary: still 9.
    assert (
        party_age_years(D(1990, 6, 1), [Period(D(1990, 6, 1), D(2000, 5, 31))], D(2026, 1, 1)) == 9
    )


def test_age01_time_between_decision_and_first_membership_is_not_a_gap():
    periods = [Period(D(2020, 2, 1), None)]  # decision 01/01, ceremony and cell from 01/02
    assert gap_days(periods, D(2026, 1, 1)) == 0
    assert party_age_years(D(2020, 1, 1), periods, D(2026, 1, 1)) == 6


# --- BDG-01: badges at 30, 40, 45 … years, presented on 3/2, 19/5, 2/9, 7/11 ---------------


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (D(2026, 2, 2), D(2026, 2, 3)),
        (D(2026, 2, 3), D(2026, 2, 3)),
        (D(2026, 2, 4), D(2026, 5, 19)),
        (D(2026, 11, 8), D(2027, 2, 3)),
    ],
)
def test_bdg01_next_presentation_date(on, expected):
    assert next_presentation_date(on) == expected


def test_bdg01_badge_due_the_day_it_is_reached_not_the_day_before():
    start = D(1996, 5, 19)  # 30 years on 19/05/2026, a presentation day
    assert badge_due(30, start, D(2026, 5, 19))
    assert not badge_due(30, D(1996, 5, 20), D(2026, 5, 19))


def test_bdg01_serious_illness_12_months_early_for_30_to_65_years():
    start = D(1996, 5, 19)  # reaches 30 on 19/05/2026
    assert badge_due(30, start, D(2025, 5, 19), seriously_ill=True)
    assert not badge_due(30, start, D(2025, 5, 18), seriously_ill=True)
    assert not badge_due(30, start, D(2025, 5, 19), seriously_ill=False)


def test_bdg01_serious_illness_24_months_early_for_70_years_and_more():
    start = D(1956, 5, 19)  # reaches 70 on 19/05/2026
    assert badge_due(70, start, D(2024, 5, 19), seriously_ill=True)
    assert not badge_due(70, start, D(2024, 5, 18), seriously_ill=True)


def test_add_years_on_29_february():
    assert add_years(D(1996, 2, 29), 30) == D(2026, 2, 28)


def test_full_months_counts_completed_months():
    assert full_months(D(2008, 3, 15), D(2026, 3, 14)) == 18 * 12 - 1
    assert full_months(D(2008, 3, 15), D(2026, 3, 15)) == 18 * 12


# --- EXM-01: exemption conditions ---------------------------------------------------------


def _exemption(**overrides):
    options = dict(
        ground="age",
        past_working_age=True,
        poor_health=True,
        own_request=True,
        starts_on=D(2026, 1, 1),
        ends_on=None,
        cell_decided_on=D(2025, 12, 20),
    )
    options.update(overrides)
    return exemption_findings(**options)


def test_exm01_age_needs_all_three_conditions():
    assert _exemption() == []
    for missing in ("past_working_age", "poor_health", "own_request"):
        findings = _exemption(**{missing: False})
        assert [f.rule_id for f in findings] == ["EXM-01"]
        assert findings[0].blocking


def test_exm01_other_grounds_are_dated():
    assert (
        _exemption(ground="maternity", past_working_age=False, ends_on=None)[0].field == "ends_on"
    )
    assert _exemption(ground="maternity", past_working_age=False, ends_on=D(2026, 7, 1)) == []


def test_exm01_the_cell_decides_before_the_exemption_starts():
    assert _exemption(cell_decided_on=D(2026, 1, 1)) == []
    assert _exemption(cell_decided_on=D(2026, 1, 2))[0].field == "starts_on"


# --- TRF-01: temporary transfers last 3 months to under a year (study: 2 years) -------------


def test_trf01_temporary_transfer_length_boundaries():
    start = D(2026, 1, 15)
    assert temporary_transfer_findings(start, D(2026, 4, 14), study=False)  # under 3 months
    assert temporary_transfer_findings(start, D(2026, 4, 15), study=False) == []
    assert temporary_transfer_findings(start, D(2027, 1, 14), study=False) == []
    assert temporary_transfer_findings(start, D(2027, 1, 15), study=False)  # a full year
    assert temporary_transfer_findings(start, D(2028, 1, 15), study=True) == []
    assert temporary_transfer_findings(start, D(2028, 1, 16), study=True)


DAY = timedelta(days=1)


@pytest.mark.parametrize(
    "sex, year, age",
    [
        ("male", 2020, (60, 0)),
        ("male", 2021, (60, 3)),
        ("male", 2027, (61, 9)),
        ("male", 2028, (62, 0)),
        ("male", 2040, (62, 0)),
        ("female", 2020, (55, 0)),
        ("female", 2021, (55, 4)),
        ("female", 2026, (57, 0)),
        ("female", 2034, (59, 8)),
        ("female", 2035, (60, 0)),
        ("female", 2050, (60, 0)),
    ],
)
def test_exm_01_retirement_age_by_year(sex, year, age):
    assert retirement_age(sex, year) == age


@pytest.mark.parametrize(
    "born, sex, reached",
    [
        (D(1955, 3, 3), "male", D(2015, 3, 3)),  # 60 before 2021
        (D(1961, 1, 15), "male", D(2021, 4, 15)),  # 60 years 3 months in 2021
        (D(1961, 9, 30), "male", D(2021, 12, 30)),
        # 60 years 3 months would fall in 2022, when the age is 60 years 6 months.
        (D(1961, 10, 1), "male", D(2022, 4, 1)),
        (D(1966, 1, 1), "female", D(2021, 5, 1)),  # 55 years 4 months
        (D(1966, 9, 1), "female", D(2022, 5, 1)),  # 55 years 8 months
        (D(1970, 5, 17), "male", D(2032, 5, 17)),  # 62 from 2028 on
        (D(1980, 5, 17), "female", D(2040, 5, 17)),  # 60 from 2035 on
        (D(1964, 2, 29), "male", D(2025, 5, 29)),  # 61 years 3 months in 2025
        (D(1969, 12, 31), "female", D(2026, 12, 31)),  # 57 in 2026
    ],
)
def test_exm_01_retirement_day(born, sex, reached):
    assert retirement_on(born, sex) == reached


@pytest.mark.parametrize("born, sex", [(D(1966, 9, 1), "female"), (D(1964, 2, 29), "male")])
def test_exm_01_past_working_age_from_the_day_it_is_reached(born, sex):
    reached = retirement_on(born, sex)
    assert not is_past_working_age(born, sex, reached - DAY)
    assert is_past_working_age(born, sex, reached)
    assert is_past_working_age(born, sex, reached + DAY)


def test_exm_01_unknown_sex_or_birth_is_not_past_working_age():
    assert retirement_on(None, "male") is None
    assert not is_past_working_age(D(1940, 1, 1), "", D(2026, 1, 1))


# --- Through the service: the start date decides ------------------------------------------

# A woman born 01/09/1966 reaches retirement age on 01/05/2022 (55 years 8 months).
REACHED = D(2022, 5, 1)


@pytest.fixture
def woman(tree):
    return make_member(
        tree["cell_a"], name="Vi Thị Hồng", date_of_birth=D(1966, 9, 1), sex="female"
    )


def _age_exemption(member, by, starts_on):
    return svc.start_exemption(
        member=member,
        ground=ExemptionGround.AGE,
        starts_on=starts_on,
        poor_health=True,
        own_request=True,
        cell_decided_on=starts_on,
        by=by,
    )


@pytest.mark.django_db
def test_exm_01_the_day_before_retirement_age_is_refused(woman, secretary):
    with pytest.raises(
        ValidationError,
        match=r"còn thiếu: đã hết tuổi lao động \(đủ tuổi nghỉ hưu ngày 01/05/2022\)\. \(EXM-01\)",
    ) as error:
        _age_exemption(woman, secretary, REACHED - DAY)
    message = error.value.message_dict["ground"][0]
    assert "EXM-01" in message and "01/05/2022" in message
    assert not Exemption.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("starts_on", [REACHED, REACHED + DAY])
def test_exm_01_from_the_day_of_retirement_age_the_age_ground_holds(woman, secretary, starts_on):
    exemption = _age_exemption(woman, secretary, starts_on)
    assert exemption.past_working_age


@pytest.mark.django_db
def test_exm_01_other_grounds_do_not_need_working_age(woman, secretary):
    exemption = svc.start_exemption(
        member=woman,
        ground=ExemptionGround.LONG_TREATMENT,
        starts_on=D(2020, 1, 1),
        ends_on=D(2020, 6, 30),
        cell_decided_on=D(2020, 1, 1),
        note="Điều trị tại bệnh viện tỉnh",
        by=secretary,
    )
    assert exemption.ground == ExemptionGround.LONG_TREATMENT
    assert not exemption.past_working_age


@pytest.mark.django_db
def test_exm_01_the_form_page_names_the_retirement_day(client, login, secretary, woman):
    login(secretary)
    response = client.get(reverse("members:exemption_create", args=[woman.pk]))
    assert 'name="past_working_age"' not in response.content.decode()
    assert "01/05/2022" in response.content.decode()
    form = {
        "ground": ExemptionGround.AGE,
        "starts_on": "30/04/2022",
        "poor_health": "on",
        "own_request": "on",
        "cell_decided_on": "30/04/2022",
    }
    response = client.post(reverse("members:exemption_create", args=[woman.pk]), form)
    assert response.status_code == 200 and "EXM-01" in response.context["form"].errors["ground"][0]
    assert not Exemption.objects.exists()
    form.update(starts_on="01/05/2022", cell_decided_on="01/05/2022")
    response = client.post(reverse("members:exemption_create", args=[woman.pk]), form)
    assert response.status_code == 302 and Exemption.objects.get().past_working_age
