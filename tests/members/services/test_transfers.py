"""Transfers (TRF-01..02) through members.services.transfers: the flow, the rules at
their boundaries, party age (AGE-01), the host's count (TRF-01), permissions, and
nothing half-saved when a step is refused."""

from datetime import date as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from members.enums import EventKind as E
from members.enums import MembershipKind, MemberStatus, TransferKind, TransferReason, TransferState
from members.models import Member, Membership, Transfer
from members.queries.register import members_of
from members.queries.transfers import find_returning_member
from members.services import transfers as svc
from members.services.events import record_event
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

ADMITTED = D(2015, 3, 1)


def make_member(org, name="Lê Văn Đức", admitted_on=ADMITTED, **extra) -> Member:
    """A full member of `org` since `admitted_on`, with the home membership (MEM-02)."""
    member = MemberFactory.create(
        full_name=name,
        organization=org,
        admitted_on=admitted_on,
        full_member_on=D(admitted_on.year + 1, admitted_on.month, admitted_on.day),
        party_age_from=admitted_on,
        **extra,
    )
    Membership.objects.create(
        member=member, organization=org, kind=MembershipKind.HOME, starts_on=admitted_on
    )
    return member


def official(member, to, by, trigger_on=D(2026, 1, 9), **extra):
    return svc.create_transfer(
        member=member,
        kind=TransferKind.OFFICIAL,
        reason=TransferReason.JOB_MOVE,
        trigger_on=trigger_on,
        to_organization=to,
        by=by,
        **extra,
    )


def temporary(member, to, by, trigger_on, until, reason=TransferReason.TEMPORARY_WORK):
    return svc.create_transfer(
        member=member,
        kind=TransferKind.TEMPORARY,
        reason=reason,
        trigger_on=trigger_on,
        to_organization=to,
        until=until,
        by=by,
    )


@pytest.fixture
def duc(tree):
    return make_member(tree["cell_a"])


# --- The official flow between two organizations in the system --------------------------


def test_official_transfer_send_then_receive(duc, tree, secretary, outsider):
    transfer = official(duc, tree["other_cell"], secretary)
    assert transfer.state == TransferState.PENDING
    assert transfer.from_organization == tree["cell_a"]

    svc.send_transfer(transfer, letter_number="12-GGT/CB", letter_on=D(2026, 3, 2), by=secretary)
    transfer.refresh_from_db()
    duc.refresh_from_db()
    assert transfer.state == TransferState.SENT
    # In transit: still active, no longer counted at home after the letter date.
    assert duc.status == MemberStatus.FULL
    assert duc in members_of(tree["cell_a"], D(2026, 3, 2))
    assert duc not in members_of(tree["cell_a"], D(2026, 3, 3))
    assert duc.events.last().kind == E.TRANSFER_OUT

    svc.receive_transfer(transfer, received_on=D(2026, 3, 10), by=outsider)
    transfer.refresh_from_db()
    duc.refresh_from_db()
    assert transfer.state == TransferState.RECEIVED
    assert duc.organization == tree["other_cell"]
    assert duc in members_of(tree["other_cell"], D(2026, 3, 10))
    assert duc not in members_of(tree["other_cell"], D(2026, 3, 9))
    assert [e.kind for e in duc.events.all()] == [E.TRANSFER_OUT, E.TRANSFER_IN]


def test_age_01_a_one_day_transfer_gap_reduces_party_age_by_one_day(duc, tree, secretary, outsider):
    # AGE-01 / TRF-02: letter on 02/03, received on 04/03: 03/03 is a day without a cell.
    transfer = official(duc, tree["other_cell"], secretary)
    svc.send_transfer(transfer, letter_number="1", letter_on=D(2026, 3, 2), by=secretary)
    svc.receive_transfer(transfer, received_on=D(2026, 3, 4), by=outsider)
    duc.refresh_from_db()
    assert duc.party_age_from == D(2015, 3, 2)


def test_age_01_received_the_day_after_the_letter_leaves_no_gap(duc, tree, secretary, outsider):
    transfer = official(duc, tree["other_cell"], secretary)
    svc.send_transfer(transfer, letter_number="1", letter_on=D(2026, 3, 2), by=secretary)
    svc.receive_transfer(transfer, received_on=D(2026, 3, 3), by=outsider)
    duc.refresh_from_db()
    assert duc.party_age_from == ADMITTED


# --- To and from outside the system ---------------------------------------------------


def test_official_transfer_to_outside_makes_the_member_transferred_out(duc, tree, secretary):
    transfer = official(duc, None, secretary, to_outside="Đảng bộ xã Hòa Bình, tỉnh Cao Bằng")
    svc.send_transfer(transfer, letter_number="7", letter_on=D(2026, 3, 2), by=secretary)
    duc.refresh_from_db()
    assert duc.status == MemberStatus.TRANSFERRED_OUT
    assert duc.memberships.get().ends_on == D(2026, 3, 2)
    assert transfer.to_label == "Đảng bộ xã Hòa Bình, tỉnh Cao Bằng"


def test_member_back_from_outside_is_received_with_the_letter(duc, tree, secretary, outsider):
    out = official(duc, None, secretary, to_outside="Tỉnh Cao Bằng")
    svc.send_transfer(out, letter_number="7", letter_on=D(2026, 3, 2), by=secretary)
    duc.refresh_from_db()
    duc.citizen_id = "001080012345"
    duc.save()
    found = find_returning_member(citizen_id="001080012345")
    assert found == duc
    back = svc.receive_from_outside(
        member=found,
        to_organization=tree["other_cell"],
        from_outside="Đảng ủy xã Hòa Bình",
        reason=TransferReason.RESIDENCE,
        letter_number="3-GGT",
        letter_on=D(2026, 6, 1),
        received_on=D(2026, 6, 5),
        by=outsider,
    )
    duc.refresh_from_db()
    assert back.state == TransferState.RECEIVED and back.from_label == "Đảng ủy xã Hòa Bình"
    assert duc.status == MemberStatus.FULL
    assert duc.organization == tree["other_cell"]
    assert duc in members_of(tree["other_cell"], D(2026, 6, 5))


def test_receive_from_outside_needs_a_transferred_out_member(duc, tree, outsider):
    with pytest.raises(
        ValidationError,
        match="Chỉ tiếp nhận từ ngoài hệ thống đảng viên có trạng thái “Đã chuyển đi”",
    ):
        svc.receive_from_outside(
            member=duc,
            to_organization=tree["other_cell"],
            from_outside="Tỉnh Cao Bằng",
            reason=TransferReason.RESIDENCE,
            letter_number="3",
            letter_on=D(2026, 6, 1),
            received_on=D(2026, 6, 5),
            by=outsider,
        )
    assert not Transfer.objects.exists()


# --- Temporary transfers (TRF-01) -----------------------------------------------------


def test_trf_01_temporary_member_is_counted_at_home_not_in_the_host(duc, tree, secretary, outsider):
    transfer = temporary(duc, tree["other_cell"], secretary, D(2026, 1, 15), D(2026, 7, 15))
    svc.send_transfer(transfer, letter_number="5", letter_on=D(2026, 1, 20), by=secretary)
    svc.receive_transfer(transfer, received_on=D(2026, 1, 22), by=outsider)
    on = D(2026, 3, 1)
    assert duc in members_of(tree["cell_a"], on)
    assert duc not in members_of(tree["other_cell"], on)
    assert duc in members_of(tree["other_cell"], on, temporary=True)
    duc.refresh_from_db()
    assert duc.organization == tree["cell_a"] and duc.status == MemberStatus.FULL

    svc.return_transfer(transfer, returned_on=D(2026, 7, 10), by=outsider)
    transfer.refresh_from_db()
    assert transfer.state == TransferState.RETURNED
    assert duc not in members_of(tree["other_cell"], D(2026, 7, 11), temporary=True)
    assert duc in members_of(tree["cell_a"], D(2026, 7, 11))
    assert duc.events.last().kind == E.TEMPORARY_RETURNED


TOO_SHORT = "Sinh hoạt tạm thời từ 3 tháng trở lên"
TOO_LONG = "Sinh hoạt tạm thời dưới 1 năm; dài hơn thì chuyển sinh hoạt chính thức"
STUDY_TOO_LONG = "Đi học tập trung: sinh hoạt tạm thời tối đa 2 năm"


@pytest.mark.parametrize(
    "until, reason, refusal",
    [
        (D(2026, 4, 15), TransferReason.TEMPORARY_WORK, None),  # exactly 3 months
        (D(2026, 4, 14), TransferReason.TEMPORARY_WORK, TOO_SHORT),  # 3 months minus a day
        (D(2027, 1, 14), TransferReason.TEMPORARY_WORK, None),  # under 1 year
        (D(2027, 1, 15), TransferReason.TEMPORARY_WORK, TOO_LONG),  # 1 year: official instead
        (D(2028, 1, 15), TransferReason.STUDY, None),  # study: up to 2 years
        (D(2028, 1, 16), TransferReason.STUDY, STUDY_TOO_LONG),
    ],
)
def test_trf_01_temporary_length_boundaries(duc, tree, secretary, until, reason, refusal):
    if refusal is None:
        transfer = temporary(duc, tree["cell_b"], secretary, D(2026, 1, 15), until, reason)
        assert transfer.until == until
    else:
        with pytest.raises(ValidationError, match=refusal) as error:
            temporary(duc, tree["cell_b"], secretary, D(2026, 1, 15), until, reason)
        assert "TRF-01" in str(error.value.message_dict["until"])
        assert not Transfer.objects.exists()


def test_trf_01_temporary_needs_an_end_date(duc, tree, secretary):
    with pytest.raises(
        ValidationError, match=r"Chuyển sinh hoạt tạm thời phải có thời hạn\. \(TRF-01\)"
    ) as error:
        temporary(duc, tree["cell_b"], secretary, D(2026, 1, 15), None)
    assert "until" in error.value.message_dict


def test_temporary_to_outside_returns_without_a_host(duc, tree, secretary):
    transfer = svc.create_transfer(
        member=duc,
        kind=TransferKind.TEMPORARY,
        reason=TransferReason.STUDY,
        trigger_on=D(2025, 9, 1),
        to_outside="Học viện Chính trị quốc gia Hồ Chí Minh",
        until=D(2026, 9, 1),
        by=secretary,
    )
    svc.send_transfer(transfer, letter_number="9", letter_on=D(2025, 9, 1), by=secretary)
    svc.return_transfer(transfer, returned_on=D(2026, 8, 20), by=secretary)
    transfer.refresh_from_db()
    assert transfer.state == TransferState.RETURNED
    assert duc in members_of(tree["cell_a"], D(2026, 1, 1))


# --- Refusals: permissions, state, nothing half-saved ----------------------------------


def test_only_the_sending_side_creates_and_sends(duc, tree, other_secretary, outsider, inspector):
    for user in (other_secretary, outsider, inspector):
        with pytest.raises(PermissionDenied):  # raises-without-match: raised without a message
            official(duc, tree["other_cell"], user)
    assert not Transfer.objects.exists()


def test_only_the_receiving_side_confirms(duc, tree, secretary, other_secretary, inspector):
    transfer = official(duc, tree["other_cell"], secretary)
    svc.send_transfer(transfer, letter_number="1", letter_on=D(2026, 3, 2), by=secretary)
    for user in (secretary, other_secretary, inspector):
        with pytest.raises(PermissionDenied):  # raises-without-match: raised without a message
            svc.receive_transfer(transfer, received_on=D(2026, 3, 5), by=user)
    transfer.refresh_from_db()
    assert transfer.state == TransferState.SENT


def test_one_open_transfer_per_member(duc, tree, secretary):
    official(duc, tree["cell_b"], secretary)
    with pytest.raises(
        ValidationError, match="Đảng viên đang có một việc chuyển sinh hoạt chưa hoàn tất"
    ):
        official(duc, tree["other_cell"], secretary)
    assert Transfer.objects.count() == 1


def test_destination_must_be_one_place_and_not_home(duc, tree, secretary):
    with pytest.raises(
        ValidationError,
        match="Chọn tổ chức nơi đến trong hệ thống, hoặc ghi tên nơi đến ngoài hệ thống",
    ) as error:
        official(duc, None, secretary)
    assert "to_organization" in error.value.message_dict
    with pytest.raises(ValidationError, match="Nơi đến trùng với nơi đảng viên đang sinh hoạt"):
        official(duc, tree["cell_a"], secretary)
    assert not Transfer.objects.exists()


def test_a_refused_letter_leaves_nothing_half_saved(duc, tree, secretary):
    transfer = official(duc, tree["other_cell"], secretary)
    with pytest.raises(ValidationError, match="Ngày của sự kiện không được ở tương lai") as error:
        # record_event refuses a date in the future: the letter fields roll back too.
        svc.send_transfer(transfer, letter_number="1", letter_on=D(2999, 1, 1), by=secretary)
    assert "letter_on" in error.value.message_dict
    transfer.refresh_from_db()
    duc.refresh_from_db()
    assert (transfer.state, transfer.letter_number, transfer.letter_on) == (
        TransferState.PENDING,
        "",
        None,
    )
    assert not duc.events.exists()
    assert duc.memberships.get().ends_on is None


def test_a_refused_receipt_leaves_nothing_half_saved(duc, tree, secretary, outsider):
    transfer = official(duc, tree["other_cell"], secretary)
    svc.send_transfer(transfer, letter_number="1", letter_on=D(2026, 3, 2), by=secretary)
    with pytest.raises(
        ValidationError, match=r"Ngày tiếp nhận trước ngày giấy giới thiệu \(TRF-02\)"
    ):
        svc.receive_transfer(transfer, received_on=D(2026, 3, 1), by=outsider)
    with pytest.raises(ValidationError, match="Ngày của sự kiện không được ở tương lai") as error:
        svc.receive_transfer(transfer, received_on=D(2999, 1, 1), by=outsider)
    assert "received_on" in error.value.message_dict
    transfer.refresh_from_db()
    assert transfer.state == TransferState.SENT and transfer.received_on is None
    assert not duc.memberships.filter(organization=tree["other_cell"]).exists()


def test_cancel_only_before_the_letter(duc, tree, secretary, outsider):
    transfer = official(duc, tree["other_cell"], secretary)
    with pytest.raises(PermissionDenied):  # raises-without-match: raised without a message
        svc.cancel_transfer(transfer, by=outsider)
    svc.cancel_transfer(transfer, by=secretary)
    transfer.refresh_from_db()
    assert transfer.state == TransferState.CANCELLED
    # A cancelled transfer no longer blocks a new one.
    official(duc, tree["cell_b"], secretary)


def test_a_member_who_left_cannot_be_transferred(duc, tree, secretary, officer):
    record_event(duc, E.DECEASED, D(2026, 1, 2), by=officer)
    duc.refresh_from_db()
    with pytest.raises(ValidationError, match="Đảng viên không còn sinh hoạt đảng"):
        official(duc, tree["cell_b"], secretary)
