"""admissions.services.candidates: the cell's list of outstanding people (ADM-05): adding a
person, moving them on or off the list (a sympathizer needs a helper, a removal a reason),
the monthly review."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from admissions.enums import CandidateSource, CandidateState
from admissions.services.candidates import (
    add_candidate,
    add_review,
    set_candidate_state,
    update_candidate,
)
from members.enums import Sex

from ..conftest import make_member

pytestmark = pytest.mark.django_db

PERSON = {
    "full_name": "Hoàng Văn Bình",
    "sex": Sex.MALE,
    "date_of_birth": date(2001, 9, 2),
    "source": CandidateSource.TRADE_UNION,
}


def test_add_candidate_puts_the_person_on_the_list_with_an_event(secretary, cell):
    candidate = add_candidate(by=secretary, cell=cell, on=date(2025, 10, 1), **PERSON)
    assert (candidate.state, candidate.state_since) == (
        CandidateState.OUTSTANDING,
        date(2025, 10, 1),
    )
    [event] = candidate.events.all()
    assert (event.state, event.on, event.recorded_by) == (
        CandidateState.OUTSTANDING,
        date(2025, 10, 1),
        secretary,
    )


def test_add_candidate_refusals(secretary, other_secretary, officer, cell, tree):
    with pytest.raises(TypeError, match="unexpected fields"):
        add_candidate(by=secretary, cell=cell, on=date(2025, 10, 1), salary=1, **PERSON)
    with pytest.raises(PermissionDenied, match="Bạn không có quyền thêm quần chúng ưu tú"):
        add_candidate(by=other_secretary, cell=cell, on=date(2025, 10, 1), **PERSON)
    with pytest.raises(ValidationError, match="thuộc danh sách của một chi bộ"):
        add_candidate(
            by=officer,
            cell=tree["commune"],
            on=date(2025, 10, 1),
            **PERSON,
        )
    with pytest.raises(ValidationError) as error:
        add_candidate(by=secretary, cell=cell, on=date(2026, 12, 8), **PERSON)
    assert "on" in error.value.message_dict


def test_update_candidate(candidate, officer, other_secretary):
    update_candidate(candidate, by=officer, address="Thôn Khau Khoang")
    candidate.refresh_from_db()
    assert candidate.address == "Thôn Khau Khoang"
    with pytest.raises(TypeError, match="unexpected fields"):
        update_candidate(candidate, by=officer, state=CandidateState.ADMITTED)
    with pytest.raises(PermissionDenied, match="Bạn không có quyền cập nhật người này"):
        update_candidate(candidate, by=other_secretary, address="x")


def test_a_sympathizer_needs_a_full_member_of_the_cell_as_helper(
    candidate, officer, full_members, tree
):
    with pytest.raises(ValidationError, match="Cần phân công đảng viên chính thức giúp đỡ"):
        set_candidate_state(candidate, CandidateState.SYMPATHIZER, by=officer, on=date(2024, 1, 10))
    stranger = make_member(tree["cell_b"], name="Chi bộ khác")
    probationary = make_member(
        candidate.cell, name="Dự bị", full_on=None, admitted_on=date(2023, 6, 1)
    )
    for helper in (stranger, probationary):
        with pytest.raises(ValidationError, match="phải là đảng viên chính thức của chi bộ"):
            set_candidate_state(
                candidate,
                CandidateState.SYMPATHIZER,
                by=officer,
                on=date(2024, 1, 10),
                helper=helper,
            )
    event = set_candidate_state(
        candidate,
        CandidateState.SYMPATHIZER,
        by=officer,
        on=date(2024, 1, 10),
        helper=full_members[0],
    )
    candidate.refresh_from_db()
    assert (candidate.state, candidate.state_since, candidate.helper) == (
        CandidateState.SYMPATHIZER,
        date(2024, 1, 10),
        full_members[0],
    )
    assert event.state == CandidateState.SYMPATHIZER and candidate.events.count() == 2


def test_state_changes_are_dated_forward_and_removal_needs_a_reason(candidate, officer):
    with pytest.raises(ValidationError, match="Tình trạng không thay đổi"):
        set_candidate_state(candidate, CandidateState.OUTSTANDING, by=officer, on=date(2024, 1, 3))
    with pytest.raises(ValidationError, match="Tình trạng không hợp lệ"):
        set_candidate_state(candidate, CandidateState.ADMITTED, by=officer, on=date(2024, 1, 3))
    with pytest.raises(ValidationError, match="Ngày trước lần thay đổi gần nhất"):
        set_candidate_state(
            candidate, CandidateState.REMOVED, by=officer, on=date(2024, 1, 1), reason="Chuyển đi"
        )
    with pytest.raises(ValidationError, match="Cần ghi lý do đưa ra khỏi danh sách"):
        set_candidate_state(candidate, CandidateState.REMOVED, by=officer, on=date(2024, 1, 3))
    event = set_candidate_state(
        candidate, CandidateState.REMOVED, by=officer, on=date(2024, 1, 3), reason="Chuyển đi"
    )
    assert event.reason == "Chuyển đi"
    candidate.refresh_from_db()
    assert candidate.state == CandidateState.REMOVED


def test_the_monthly_review_is_one_per_month(candidate, officer, other_secretary):
    first = add_review(candidate, by=officer, month=date(2024, 3, 15), note="Tích cực")
    again = add_review(candidate, by=officer, month=date(2024, 3, 2), note="Rất tích cực")
    assert again.pk == first.pk and again.month == date(2024, 3, 1)
    assert candidate.reviews.get().note == "Rất tích cực"
    with pytest.raises(ValidationError, match="Cần ghi nội dung nhận xét"):
        add_review(candidate, by=officer, month=date(2024, 4, 1), note="  ")
    with pytest.raises(ValidationError, match="Tháng nhận xét không được ở tương lai"):
        add_review(candidate, by=officer, month=date(2027, 1, 1), note="x")
    with pytest.raises(PermissionDenied, match="Bạn không có quyền cập nhật người này"):
        add_review(candidate, by=other_secretary, month=date(2024, 4, 1), note="x")
