"""members.services.profile: writes checked against the writer's reach, audited, atomic;
the status follows the events (MEM-02)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from members.enums import EventKind, MemberStatus, Sex
from members.models import Member, MemberEvent, Membership
from members.services import profile as services
from members.services.profile import date_errors

pytestmark = pytest.mark.django_db


def _create(organization, by, **overrides):
    data = {
        "full_name": "Nông Thị Lan",
        "date_of_birth": date(1990, 3, 5),
        "sex": Sex.FEMALE,
        "organization": organization,
        "admitted_on": date(2015, 6, 1),
        "by": by,
    }
    data.update(overrides)
    return services.create_member(**data)


def _nothing_written():
    assert not Member.objects.exists()
    assert not MemberEvent.objects.exists()
    assert not Membership.objects.exists()


def test_create_member_records_the_admission(tree, secretary):
    member = _create(tree["cell_a"], secretary, document="12-QĐ/ĐU")
    assert member.sort_key and member.search_name == "nong thi lan"
    assert member.status == MemberStatus.PROBATIONARY
    assert member.history.earliest().history_user == secretary
    event = member.events.get()
    assert (event.kind, event.on, event.document) == (
        EventKind.ADMITTED,
        date(2015, 6, 1),
        "12-QĐ/ĐU",
    )


def test_create_existing_full_member(tree, officer):
    member = _create(
        tree["cell_a"],
        officer,
        entry=services.ENTRY_EXISTING,
        full_member_on=date(2016, 6, 1),
        citizen_id="020190123456",
        card_number="38.012345",
    )
    assert member.status == MemberStatus.FULL
    assert member.full_member_on == date(2016, 6, 1)
    assert [e.kind for e in member.events.order_by("on")] == [
        EventKind.ADMITTED,
        EventKind.FULL_MEMBERSHIP,
    ]


def test_an_admission_ignores_a_full_membership_date(tree, officer):
    member = _create(tree["cell_a"], officer, full_member_on=date(2016, 6, 1))
    assert member.status == MemberStatus.PROBATIONARY
    assert member.full_member_on is None


def test_create_member_outside_reach_is_refused(tree, other_secretary, inspector):
    for user in (other_secretary, inspector):
        with pytest.raises(PermissionDenied):  # raises-without-match: raised without a message
            _create(tree["cell_a"], user)
    _nothing_written()


def test_create_member_only_in_a_cell(tree, officer):
    with pytest.raises(ValidationError, match="Đảng viên sinh hoạt tại một chi bộ") as error:
        _create(tree["grassroots"], officer)
    assert "organization" in error.value.message_dict
    _nothing_written()


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"sex": "other"}, "sex", "Giá trị 'other' không phải là lựa chọn hợp lệ"),
        # year mismatch
        ({"citizen_id": "020191123456"}, "citizen_id", "Số CCCD ghi năm sinh 1991, khác ngày sinh"),
        # ADM-01: 17 years 364 days
        ({"admitted_on": date(2008, 3, 4)}, "admitted_on", "Ngày vào Đảng phải từ khi đủ 18 tuổi"),
        (
            {"entry": "existing", "full_member_on": date(2016, 5, 31)},
            "full_member_on",
            "Ngày chính thức phải sau ngày vào Đảng đủ 12 tháng",
        ),  # PRB-01
    ],
)
def test_create_member_validates_and_writes_nothing(tree, officer, overrides, field, message):
    with pytest.raises(ValidationError, match=message) as error:
        _create(tree["cell_a"], officer, **overrides)
    assert field in error.value.message_dict
    _nothing_written()


def test_create_member_rejects_unknown_fields(tree, officer):
    with pytest.raises(TypeError, match=r"create_member\(\) got unexpected fields: \['status'\]"):
        _create(tree["cell_a"], officer, status=MemberStatus.FULL)


def test_update_member(tree, officer, member_a):
    services.update_member(member_a, full_name="Lê Văn Đạt", by=officer)
    member_a.refresh_from_db()
    assert member_a.search_name == "le van dat"
    with pytest.raises(TypeError, match=r"update_member\(\) got unexpected fields: \['status'\]"):
        services.update_member(member_a, status=MemberStatus.DECEASED, by=officer)
    with pytest.raises(
        TypeError, match=r"update_member\(\) got unexpected fields: \['organization'\]"
    ):
        services.update_member(member_a, organization=tree["cell_b"], by=officer)


def test_update_member_outside_reach_is_refused(tree, other_secretary, inspector, member_a):
    for user in (other_secretary, inspector):
        with pytest.raises(PermissionDenied):  # raises-without-match: raised without a message
            services.update_member(member_a, full_name="X", by=user)
    member_a.refresh_from_db()
    assert member_a.full_name == "Lê Văn Đức"


def test_record_status_event(tree, secretary):
    member = _create(tree["cell_a"], secretary)
    services.record_status_event(
        member, kind=EventKind.FULL_MEMBERSHIP, on=date(2016, 6, 1), by=secretary
    )
    member.refresh_from_db()
    assert member.status == MemberStatus.FULL
    services.record_status_event(
        member, kind=EventKind.EXPELLED, on=date(2024, 1, 1), by=secretary, document="1-QĐ/UBKT"
    )
    member.refresh_from_db()
    assert member.status == MemberStatus.EXPELLED
    assert member.memberships.get().ends_on == date(2024, 1, 1)


def test_record_status_event_refusals(tree, secretary, other_secretary, inspector):
    member = _create(tree["cell_a"], secretary)
    for user in (other_secretary, inspector):
        with pytest.raises(PermissionDenied):  # raises-without-match: raised without a message
            services.record_status_event(
                member, kind=EventKind.DECEASED, on=date(2024, 1, 1), by=user
            )
    with pytest.raises(
        ValidationError,
        match=r"Ngày chính thức phải sau ngày vào Đảng đủ 12 tháng \(thời gian dự bị\)",
    ):  # PRB-01: one day short of 12 months
        services.record_status_event(
            member, kind=EventKind.FULL_MEMBERSHIP, on=date(2016, 5, 31), by=secretary
        )
    with pytest.raises(
        ValidationError, match="Loại sự kiện này được ghi ở trang riêng"
    ):  # transfers have their own page
        services.record_status_event(
            member, kind=EventKind.TRANSFER_OUT, on=date(2020, 1, 1), by=secretary
        )
    assert member.events.count() == 1


# --- date_errors: the rules at their boundaries ----------------------------------------


def test_date_errors_ADM_01_boundary_on_a_leap_day():
    born = date(2004, 2, 29)
    assert "admitted_on" in date_errors(
        date_of_birth=born, admitted_on=date(2022, 2, 28), today=date(2026, 1, 1)
    )
    assert (
        date_errors(date_of_birth=born, admitted_on=date(2022, 3, 1), today=date(2026, 1, 1)) == {}
    )


def test_date_errors_PRB_01_boundary_at_month_end():
    admitted = date(2024, 1, 31)
    today = date(2026, 1, 1)
    assert "full_member_on" in date_errors(
        date_of_birth=None, admitted_on=admitted, full_member_on=date(2025, 1, 30), today=today
    )
    assert (
        date_errors(
            date_of_birth=None, admitted_on=admitted, full_member_on=date(2025, 1, 31), today=today
        )
        == {}
    )
