"""Committee seats through members.services.seats: who may add and end a seat, and what
add_seat (seat_errors) and end_seat check, at their date boundaries. Nothing is saved
when a call is refused; every write is stamped with its author (history)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from members.enums import SeatRole
from members.models import CommitteeSeat
from members.services import seats as svc
from organizations.enums import CommitteeKind
from organizations.models import Committee, Term
from tests.factories import MemberFactory
from tests.members.seats_support import TERM_STARTS, make_seat_records

pytestmark = pytest.mark.django_db

NO_RIGHT = "Bạn không có quyền sửa cấp ủy của tổ chức này"


@pytest.fixture
def records(tree):
    return make_seat_records(tree)


def add(records, member, by, role=SeatRole.MEMBER, starts_on=TERM_STARTS, ends_on=None):
    return svc.add_seat(
        committee=records["committee"],
        member=member,
        role=role,
        starts_on=starts_on,
        ends_on=ends_on,
        by=by,
    )


# --- Who may -------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["officer", "secretary", "admin_user"])
def test_officers_of_the_subtree_and_the_cells_secretary_add_a_seat(request, records, persona):
    user = request.getfixturevalue(persona)
    seat = add(records, records["deputy_member"], user, role=SeatRole.DEPUTY)
    seat.refresh_from_db()
    assert (seat.committee, seat.member, seat.role, seat.starts_on, seat.ends_on) == (
        records["committee"],
        records["deputy_member"],
        SeatRole.DEPUTY,
        TERM_STARTS,
        None,
    )
    assert seat.history.get().history_user == user


@pytest.mark.parametrize("persona", ["inspector", "other_secretary", "outsider", "member_user"])
def test_add_seat_refuses_who_may_not_change_the_committees(request, records, persona):
    with pytest.raises(PermissionDenied, match=NO_RIGHT):
        add(records, records["deputy_member"], request.getfixturevalue(persona))
    assert not CommitteeSeat.objects.filter(member=records["deputy_member"]).exists()


@pytest.mark.parametrize("persona", ["inspector", "other_secretary", "outsider", "member_user"])
def test_end_seat_refuses_who_may_not_change_the_committees(request, records, persona):
    seat = records["seat"]
    with pytest.raises(PermissionDenied, match=NO_RIGHT):
        svc.end_seat(seat, on=date(2025, 12, 1), by=request.getfixturevalue(persona))
    seat.refresh_from_db()
    assert seat.ends_on is None


# --- add_seat: the dates -------------------------------------------------------------------


def test_seat_ending_the_day_before_it_starts_is_refused(records, officer):
    with pytest.raises(ValidationError, match="Ngày thôi giữ chức phải sau ngày bắt đầu"):
        add(records, records["deputy_member"], officer, ends_on=date(2025, 4, 30))
    assert not CommitteeSeat.objects.filter(member=records["deputy_member"]).exists()


def test_seat_ending_the_day_it_starts_is_accepted(records, officer):
    seat = add(records, records["deputy_member"], officer, ends_on=TERM_STARTS)
    assert seat.ends_on == seat.starts_on == TERM_STARTS


def test_seat_starts_within_the_term_from_its_first_day(records, officer):
    with pytest.raises(ValidationError, match="Ngày bắt đầu phải nằm trong nhiệm kỳ 2025–2030"):
        add(records, records["deputy_member"], officer, starts_on=date(2025, 4, 30))
    assert add(records, records["deputy_member"], officer, starts_on=TERM_STARTS).pk


def test_seat_starts_within_the_term_up_to_its_last_day(records, officer):
    term = records["term"]
    term.ends_on = date(2030, 4, 30)
    term.save()
    with pytest.raises(ValidationError, match="Ngày bắt đầu phải nằm trong nhiệm kỳ 2025–2030"):
        add(records, records["deputy_member"], officer, starts_on=date(2030, 5, 1))
    assert add(records, records["deputy_member"], officer, starts_on=date(2030, 4, 30)).pk


def test_an_open_term_takes_any_later_start(records, officer):
    assert add(records, records["deputy_member"], officer, starts_on=date(2040, 1, 1)).pk


# --- add_seat: the member ------------------------------------------------------------------


def test_member_outside_the_subtree_is_refused(records, officer, tree):
    stranger = MemberFactory(full_name="Người Ngoài", organization=tree["cell_b"])
    with pytest.raises(ValidationError, match="Đảng viên không sinh hoạt trong tổ chức này"):
        add(records, stranger, officer)
    assert not CommitteeSeat.objects.filter(member=stranger).exists()


def test_member_of_a_cell_below_sits_on_the_superiors_committee(officer, tree):
    """The subtree, not the organization itself: a cell's member on the đảng ủy."""
    grassroots = tree["grassroots"]
    term = Term.objects.create(organization=grassroots, name="2025–2030", starts_on=TERM_STARTS)
    committee = Committee.objects.create(
        organization=grassroots, term=term, kind=CommitteeKind.EXECUTIVE
    )
    member = MemberFactory(full_name="Lê Thị Hoa", organization=tree["cell_a"])
    seat = svc.add_seat(
        committee=committee, member=member, role=SeatRole.MEMBER, starts_on=TERM_STARTS, by=officer
    )
    assert seat.committee == committee
    with pytest.raises(ValidationError, match="Đảng viên không sinh hoạt trong tổ chức này"):
        svc.add_seat(
            committee=committee,
            member=MemberFactory(organization=tree["other_cell"]),
            role=SeatRole.MEMBER,
            starts_on=TERM_STARTS,
            by=officer,
        )


def test_a_member_holds_one_seat_at_a_time_on_a_committee(records, officer):
    holder = records["secretary_member"]
    with pytest.raises(ValidationError, match="Đảng viên này đang có ghế trong cấp ủy"):
        add(records, holder, officer, role=SeatRole.STANDING, starts_on=date(2025, 6, 1))
    svc.end_seat(records["seat"], on=date(2025, 11, 30), by=officer)
    # The day the seat ends the member still holds it; the next day they may take another.
    with pytest.raises(ValidationError, match="Đảng viên này đang có ghế trong cấp ủy"):
        add(records, holder, officer, starts_on=date(2025, 11, 30))
    assert add(records, holder, officer, starts_on=date(2025, 12, 1)).role == SeatRole.MEMBER


def test_an_earlier_bounded_seat_of_the_same_member_does_not_overlap(records, officer):
    member = records["deputy_member"]
    add(records, member, officer, starts_on=date(2025, 5, 1), ends_on=date(2025, 5, 31))
    with pytest.raises(ValidationError, match="Đảng viên này đang có ghế trong cấp ủy"):
        add(records, member, officer, starts_on=date(2025, 5, 31))
    assert add(records, member, officer, starts_on=date(2025, 6, 1)).pk


# --- add_seat: one secretary at a time -----------------------------------------------------


def test_second_secretary_while_the_first_sits_is_refused(records, officer):
    with pytest.raises(ValidationError, match="Cấp ủy đã có bí thư trong thời gian này"):
        add(records, records["deputy_member"], officer, role=SeatRole.SECRETARY)
    assert CommitteeSeat.objects.filter(role=SeatRole.SECRETARY).count() == 1


def test_next_secretary_starts_the_day_after_the_last_one_leaves(records, officer):
    svc.end_seat(records["seat"], on=date(2025, 11, 30), by=officer)
    with pytest.raises(ValidationError, match="Cấp ủy đã có bí thư trong thời gian này"):
        add(
            records,
            records["deputy_member"],
            officer,
            role=SeatRole.SECRETARY,
            starts_on=date(2025, 11, 30),
        )
    seat = add(
        records,
        records["deputy_member"],
        officer,
        role=SeatRole.SECRETARY,
        starts_on=date(2025, 12, 1),
    )
    assert seat.role == SeatRole.SECRETARY


def test_other_roles_are_not_limited_to_one(records, officer):
    add(records, records["deputy_member"], officer, role=SeatRole.DEPUTY)
    other = MemberFactory(full_name="Nông Văn Tú", organization=records["cell"])
    add(records, other, officer, role=SeatRole.DEPUTY)
    assert CommitteeSeat.objects.filter(role=SeatRole.DEPUTY).count() == 2


def test_seat_errors_lists_every_refusal_by_field(records, tree):
    records["term"].ends_on = date(2030, 4, 30)
    records["term"].save()
    stranger = MemberFactory(full_name="Người Ngoài", organization=tree["cell_b"])
    errors = svc.seat_errors(
        committee=records["committee"],
        member=stranger,
        role=SeatRole.SECRETARY,
        starts_on=date(2030, 5, 2),
        ends_on=date(2030, 5, 1),
    )
    assert set(errors) == {"ends_on", "starts_on", "member", "role"}
    assert errors["member"] == ["Đảng viên không sinh hoạt trong tổ chức này."]
    assert (
        svc.seat_errors(
            committee=records["committee"],
            member=None,
            role=SeatRole.MEMBER,
            starts_on=TERM_STARTS,
            ends_on=None,
        )
        == {}
    )


# --- end_seat ------------------------------------------------------------------------------


def test_end_seat_the_day_before_it_starts_is_refused(records, secretary):
    seat = records["seat"]
    with pytest.raises(
        ValidationError, match=r"Ngày thôi giữ chức phải sau ngày bắt đầu \(01/05/2025\)"
    ):
        svc.end_seat(seat, on=date(2025, 4, 30), by=secretary)
    seat.refresh_from_db()
    assert seat.ends_on is None


def test_end_seat_the_day_it_starts_keeps_the_seat_with_its_reason(records, secretary):
    seat = svc.end_seat(records["seat"], on=TERM_STARTS, reason="Chuyển công tác", by=secretary)
    seat.refresh_from_db()
    assert seat.ends_on == TERM_STARTS
    latest = seat.history.first()
    assert latest.history_user == secretary
    assert latest.history_change_reason == "Chuyển công tác"


def test_ending_a_seat_again_moves_its_end_date(records, officer):
    """end_seat does not refuse a seat already ended: a second call corrects the date."""
    seat = records["seat"]
    svc.end_seat(seat, on=date(2025, 11, 30), by=officer)
    svc.end_seat(seat, on=date(2025, 12, 31), by=officer)
    seat.refresh_from_db()
    assert seat.ends_on == date(2025, 12, 31)
    assert seat.history.count() == 3
