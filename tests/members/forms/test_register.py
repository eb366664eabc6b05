"""Member forms through the create and edit pages: Vietnamese errors beside the field and
nothing saved (MEM-01 citizen ID, ADM-01 age at admission, PRB-01 probation, MEM-02 dates)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from members.enums import EventKind, MemberStatus, Sex
from members.models import Member
from members.services.events import record_event
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

CREATE = reverse("members:create")
NAME = "Nông Thị Lan"


def _data(organization, **overrides):
    data = {
        "full_name": NAME,
        "date_of_birth": "05/03/1990",
        "sex": Sex.FEMALE,
        "entry": "admission",
        "organization": organization.pk,
        "admitted_on": "10/04/2020",
    }
    data.update(overrides)
    return data


def _post(client, tree, **overrides):
    return client.post(CREATE, _data(tree["cell_a"], **overrides))


def _errors(response, field):
    assert response.status_code == 200
    html = response.content.decode()
    errors = response.context["form"].errors[field]
    for message in errors:
        assert message in html
    assert "is-invalid" in html
    return errors


def _nothing_saved():
    assert not Member.objects.filter(full_name=NAME).exists()


@pytest.fixture
def officer_client(client, login, officer):
    return login(officer)


# --- Citizen ID (MEM-01) ---------------------------------------------------------------


@pytest.mark.parametrize(
    "value, message",
    [
        ("02019012345", "Số CCCD phải gồm đúng 12 chữ số."),
        ("02019012345a", "Số CCCD phải gồm đúng 12 chữ số."),
        ("999190123456", "Số CCCD có mã tỉnh 999 không tồn tại."),
        ("020191123456", "Số CCCD ghi năm sinh 1991, khác ngày sinh đã khai."),
        ("020090123456", "Số CCCD ghi giới tính khác với giới tính đã khai."),
    ],
)
def test_bad_citizen_id(officer_client, tree, value, message):
    response = _post(officer_client, tree, citizen_id=value)
    assert _errors(response, "citizen_id") == [message]
    _nothing_saved()


def test_citizen_id_must_be_unique_with_a_friendly_message(officer_client, tree):
    MemberFactory(full_name="Người Khác", organization=tree["cell_b"], citizen_id="020190123456")
    response = _post(officer_client, tree, citizen_id="020190123456")
    assert _errors(response, "citizen_id") == [
        "Số CCCD này đã có trong sổ đảng viên: kiểm tra lại, có thể đã nhập rồi."
    ]
    _nothing_saved()


def test_members_without_citizen_id_do_not_clash(officer_client, tree):
    MemberFactory(full_name="Người Khác", organization=tree["cell_b"], citizen_id=None)
    response = _post(officer_client, tree, citizen_id="")
    assert response.status_code == 302
    assert Member.objects.get(full_name=NAME).citizen_id is None


def test_citizen_id_mismatch_on_edit(client, login, officer, tree):
    member = MemberFactory(full_name="Lê Văn Đức", organization=tree["cell_a"])
    login(officer)
    response = client.post(
        reverse("members:edit", args=[member.pk]),
        {
            "full_name": "Lê Văn Đức",
            "sex": Sex.MALE,
            "date_of_birth": "17/05/1980",
            "citizen_id": "020081123456",
        },
    )
    assert _errors(response, "citizen_id") == ["Số CCCD ghi năm sinh 1981, khác ngày sinh đã khai."]
    member.refresh_from_db()
    assert member.citizen_id is None


# --- ADM-01: 18 full years on the admission date ---------------------------------------


def test_admitted_at_17_years_11_months_is_refused_ADM_01(officer_client, tree):
    response = _post(officer_client, tree, date_of_birth="05/03/1990", admitted_on="05/02/2008")
    assert _errors(response, "admitted_on") == ["Ngày vào Đảng phải từ khi đủ 18 tuổi."]
    _nothing_saved()


def test_admitted_the_day_before_the_18th_birthday_is_refused_ADM_01(officer_client, tree):
    response = _post(officer_client, tree, date_of_birth="05/03/1990", admitted_on="04/03/2008")
    assert _errors(response, "admitted_on") == ["Ngày vào Đảng phải từ khi đủ 18 tuổi."]
    _nothing_saved()


def test_admitted_at_18_years_exactly_is_accepted_ADM_01(officer_client, tree):
    response = _post(officer_client, tree, date_of_birth="05/03/1990", admitted_on="05/03/2008")
    assert response.status_code == 302
    assert Member.objects.get(full_name=NAME).admitted_on == date(2008, 3, 5)


def test_edit_of_birth_date_that_makes_admission_too_young_is_refused(client, login, officer, tree):
    member = MemberFactory(full_name="Lê Văn Đức", organization=tree["cell_a"], status="")
    record_event(
        member, EventKind.ADMITTED, date(2010, 1, 1), by=officer, organization=tree["cell_a"]
    )
    login(officer)
    response = client.post(
        reverse("members:edit", args=[member.pk]),
        {"full_name": "Lê Văn Đức", "sex": Sex.MALE, "date_of_birth": "02/01/1992"},
    )
    assert _errors(response, "date_of_birth") == [
        "Với ngày sinh này, đảng viên chưa đủ 18 tuổi vào ngày vào Đảng 01/01/2010."
    ]
    member.refresh_from_db()
    assert member.date_of_birth == date(1980, 5, 17)


# --- PRB-01: full membership 12 months after admission ---------------------------------


def test_full_membership_at_11_months_30_days_is_refused_PRB_01(officer_client, tree):
    response = _post(
        officer_client,
        tree,
        entry="existing",
        admitted_on="10/04/2020",
        full_member_on="09/04/2021",
    )
    assert _errors(response, "full_member_on") == [
        "Ngày chính thức phải sau ngày vào Đảng đủ 12 tháng (thời gian dự bị)."
    ]
    _nothing_saved()


def test_full_membership_at_12_months_is_accepted_PRB_01(officer_client, tree):
    response = _post(
        officer_client,
        tree,
        entry="existing",
        admitted_on="10/04/2020",
        full_member_on="10/04/2021",
    )
    assert response.status_code == 302
    member = Member.objects.get(full_name=NAME)
    assert member.status == MemberStatus.FULL
    assert member.full_member_on == date(2021, 4, 10)


def test_full_membership_before_admission_is_refused(officer_client, tree):
    response = _post(
        officer_client,
        tree,
        entry="existing",
        admitted_on="10/04/2020",
        full_member_on="10/04/2019",
    )
    assert _errors(response, "full_member_on") == [
        "Ngày chính thức không được trước ngày vào Đảng."
    ]
    _nothing_saved()


def test_an_admission_has_no_full_membership_date(officer_client, tree):
    response = _post(officer_client, tree, entry="admission", full_member_on="10/04/2021")
    assert _errors(response, "full_member_on") == [
        "Đảng viên mới kết nạp là đảng viên dự bị: để trống ngày chính thức."
    ]
    _nothing_saved()


def test_existing_probationary_member_without_full_date(officer_client, tree):
    response = _post(officer_client, tree, entry="existing", full_member_on="")
    assert response.status_code == 302
    assert Member.objects.get(full_name=NAME).status == MemberStatus.PROBATIONARY


# --- MEM-02: no dates in the future ---------------------------------------------------


def test_dates_in_the_future_are_refused(officer_client, tree):
    tomorrow = (timezone.localdate() + timedelta(days=1)).strftime("%d/%m/%Y")
    response = _post(officer_client, tree, admitted_on=tomorrow)
    assert _errors(response, "admitted_on") == ["Ngày vào Đảng không được sau ngày hôm nay."]
    response = _post(officer_client, tree, entry="existing", full_member_on=tomorrow)
    assert _errors(response, "full_member_on") == ["Ngày chính thức không được sau ngày hôm nay."]
    _nothing_saved()


@pytest.mark.parametrize(
    "value, message",
    [
        ("31/02/2020", "Nhập một ngày hợp lệ."),
        ("1990-13-01", "Nhập một ngày hợp lệ."),
        ("01/01/2100", "Ngày sinh không được sau ngày hôm nay."),
        ("", "Trường này là bắt buộc."),
    ],
)
def test_bad_date_of_birth(officer_client, tree, value, message):
    response = _post(officer_client, tree, date_of_birth=value)
    assert _errors(response, "date_of_birth") == [message]
    _nothing_saved()


def test_too_young(officer_client, tree):
    today = timezone.localdate()
    born = today.replace(year=today.year - 17)
    response = _post(officer_client, tree, date_of_birth=born.strftime("%d/%m/%Y"))
    assert _errors(response, "date_of_birth") == ["Đảng viên phải đủ 18 tuổi."]
    _nothing_saved()


def test_required_fields_in_vietnamese(officer_client, tree):
    response = officer_client.post(CREATE, {"entry": "admission"})
    form = response.context["form"]
    for field in ("full_name", "sex", "date_of_birth", "organization", "admitted_on"):
        assert form.errors[field] == ["Trường này là bắt buộc."], field
    _nothing_saved()
