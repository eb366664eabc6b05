"""EXM-01 "past working age": computed from the date of birth and sex on the exemption's
start date (retirement age of the Labour Code 2019, Decree 135/2020: by the year reached),
with the boundaries: the day before, the day of and the day after reaching it."""

from datetime import date as D
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from members.enums import ExemptionGround
from members.models import Exemption
from members.rules import is_past_working_age, retirement_age, retirement_on
from members.services import exemptions as svc
from tests.members.test_transfers import make_member

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
