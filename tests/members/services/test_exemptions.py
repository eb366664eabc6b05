"""Exemptions from party work and activity (EXM-01): the conditions through the form and the
service, starting and ending an exemption (the dated query: queries/test_exemptions; the
pages: views/test_exemptions)."""

from datetime import date as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from members.enums import EventKind as E
from members.enums import ExemptionGround
from members.forms.exemptions import ExemptionForm as BaseExemptionForm
from members.models import Exemption, Member
from members.services import exemptions as svc
from tests.members.services.test_transfers import make_member

pytestmark = pytest.mark.django_db


def make_old(org, name):
    """A member past working age (EXM-01): a man born in 1950."""
    return make_member(org, name=name, date_of_birth=D(1950, 1, 1))


@pytest.fixture
def old(tree):
    return make_old(tree["cell_a"], name="Hoàng Văn Lộc")


def age_exemption(member, by, **extra):
    values = {
        "ground": ExemptionGround.AGE,
        "starts_on": D(2026, 3, 1),
        "poor_health": True,
        "own_request": True,
        "cell_decided_on": D(2026, 2, 25),
        "document": "05-QĐ/CB",
    }
    values.update(extra)
    return svc.start_exemption(member=member, **values, by=by)


# --- EXM-01 through the form ------------------------------------------------------------

FORM = {
    "ground": ExemptionGround.AGE,
    "starts_on": "01/03/2026",
    "ends_on": "",
    "poor_health": "on",
    "own_request": "on",
    "cell_decided_on": "25/02/2026",
}


# Past working age is computed from the date of birth and sex (EXM-01): born 1950, a man
# reached retirement age in 2010.
OLD = Member(full_name="Hoàng Văn Lộc", date_of_birth=D(1950, 1, 1), sex="male")
YOUNG = Member(full_name="Lý Văn Trẻ", date_of_birth=D(1980, 5, 17), sex="male")


def ExemptionForm(data, member=OLD):  # noqa: N802 - the form, with its member
    return BaseExemptionForm(data, member=member)


def test_exm_01_age_with_all_three_conditions_is_valid():
    assert ExemptionForm(FORM).is_valid()


@pytest.mark.parametrize("missing", ["poor_health", "own_request"])
def test_exm_01_age_needs_all_three_conditions(missing):
    form = ExemptionForm({k: v for k, v in FORM.items() if k != missing})
    assert not form.is_valid()
    assert "EXM-01" in form.errors["ground"][0]


def test_exm_01_age_before_retirement_age_is_refused():
    form = ExemptionForm(FORM, member=YOUNG)
    assert not form.is_valid()
    message = form.errors["ground"][0]
    assert "EXM-01" in message and "đã hết tuổi lao động" in message
    assert "17/05/2042" in message  # 62 years from 2028 on (Decree 135/2020)


def test_exm_01_other_grounds_need_an_end_date():
    data = {**FORM, "ground": ExemptionGround.MATERNITY}
    form = ExemptionForm(data, member=YOUNG)
    assert not form.is_valid() and "EXM-01" in form.errors["ends_on"][0]
    assert ExemptionForm({**data, "ends_on": "31/08/2026"}, member=YOUNG).is_valid()


def test_exm_01_the_cell_decides_first():
    form = ExemptionForm({**FORM, "cell_decided_on": "02/03/2026"})
    assert not form.is_valid() and "EXM-01" in form.errors["starts_on"][0]
    assert ExemptionForm({**FORM, "cell_decided_on": "01/03/2026"}).is_valid()
    assert "cell_decided_on" in ExemptionForm({**FORM, "cell_decided_on": ""}).errors


def test_exm_01_end_before_start_is_refused():
    form = ExemptionForm({**FORM, "ends_on": "28/02/2026"})
    assert not form.is_valid() and "ends_on" in form.errors


# --- The service ---------------------------------------------------------------------


def test_start_records_the_event_and_the_flag(old, secretary):
    exemption = age_exemption(old, secretary)
    old.refresh_from_db()
    assert old.exempted
    event = old.events.get()
    assert (event.kind, event.on, event.document) == (
        E.EXEMPTION_STARTED,
        D(2026, 3, 1),
        "05-QĐ/CB",
    )
    assert exemption.member == old


def test_service_refuses_missing_conditions_and_saves_nothing(old, secretary):
    with pytest.raises(
        ValidationError,
        match=r"Miễn vì tuổi cao cần đủ cả ba điều kiện; còn thiếu: sức khỏe yếu\. \(EXM-01\)",
    ) as error:
        age_exemption(old, secretary, poor_health=False)
    assert "EXM-01" in error.value.message_dict["ground"][0]
    old.refresh_from_db()
    assert not old.exempted and not Exemption.objects.exists() and not old.events.exists()


def test_a_refused_event_date_rolls_back_the_exemption(old, secretary):
    with pytest.raises(ValidationError, match="Ngày của sự kiện không được ở tương lai") as error:
        age_exemption(old, secretary, starts_on=D(2999, 1, 1), cell_decided_on=D(2999, 1, 1))
    assert "starts_on" in error.value.message_dict
    assert not Exemption.objects.exists()


def test_overlapping_exemptions_are_refused(old, secretary):
    age_exemption(old, secretary)
    with pytest.raises(
        ValidationError, match="Đảng viên đã được miễn công tác và sinh hoạt trong thời gian này"
    ):
        age_exemption(old, secretary, starts_on=D(2026, 4, 1), cell_decided_on=D(2026, 4, 1))
    assert Exemption.objects.count() == 1


def test_only_writers_of_the_cell_start_or_end(
    old, secretary, other_secretary, inspector, outsider
):
    for user in (other_secretary, inspector, outsider):
        with pytest.raises(PermissionDenied):  # raises-without-match: raised without a message
            age_exemption(old, user)
    exemption = age_exemption(old, secretary)
    with pytest.raises(PermissionDenied):  # raises-without-match: raised without a message
        svc.end_exemption(exemption, ends_on=D(2026, 6, 1), by=inspector)


def test_end_records_the_event_and_clears_the_flag(old, secretary):
    exemption = age_exemption(old, secretary)
    svc.end_exemption(exemption, ends_on=D(2026, 6, 30), by=secretary)
    old.refresh_from_db()
    exemption.refresh_from_db()
    assert not old.exempted and exemption.ends_on == D(2026, 6, 30)
    assert old.events.last().kind == E.EXEMPTION_ENDED
    with pytest.raises(ValidationError, match="Việc miễn này đã kết thúc"):
        svc.end_exemption(exemption, ends_on=D(2026, 6, 30), by=secretary)


def test_end_cannot_precede_start_or_pass_the_planned_end(old, secretary):
    exemption = age_exemption(
        old, secretary, ground=ExemptionGround.MATERNITY, ends_on=D(2026, 8, 31)
    )
    for day, message in (
        (D(2026, 2, 28), "Ngày kết thúc trước ngày bắt đầu miễn"),
        (D(2026, 9, 1), r"Ngày kết thúc sau thời hạn miễn \(31/08/2026\)"),
    ):
        with pytest.raises(ValidationError, match=message):
            svc.end_exemption(exemption, ends_on=day, by=secretary)
    exemption.refresh_from_db()
    assert exemption.ends_on == D(2026, 8, 31)
