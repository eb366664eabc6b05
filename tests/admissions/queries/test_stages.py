"""ADM-06, the grassroots committee's vote: its base is the register's committee on the
resolution date (seats and terms), never a typed number; 2/3 of that base in favour."""

from datetime import date

import pytest
from django.urls import reverse

from admissions.enums import FullStage, Proposal, Stage
from admissions.models import AdmissionCase
from admissions.queries.stages import committee_size_on, committee_voters_on
from admissions.services.full_membership import open_full_case
from admissions.services.stages import StepRefused, advance
from members.enums import SeatRole
from members.models import CommitteeSeat
from organizations.enums import CommitteeKind
from organizations.models import Committee, Term

from ..conftest import COMMITTEE_SIZE, DAY, ON, seat, seat_committee

pytestmark = pytest.mark.django_db


def committee(case, officer, votes_for, votes_against=0, **facts):
    return advance(
        case,
        Stage.COMMITTEE_RESOLUTION,
        by=officer,
        on=ON,
        committee_for=votes_for,
        committee_against=votes_against,
        **facts,
    )


# --- who counts ------------------------------------------------------------------------------


def test_adm06_seats_counted_only_when_they_cover_the_resolution_date(tree, boundary_seats):
    names = {s.member.full_name for s in committee_voters_on(tree["grassroots"], ON)}
    assert len(names) == COMMITTEE_SIZE + 2
    assert {"Thôi đúng ngày", "Bắt đầu đúng ngày"} <= names
    assert not {"Thôi hôm trước", "Bắt đầu hôm sau"} & names
    # the day before: the seat ending then counts, the seat starting on ON does not
    day_before = {s.member.full_name for s in committee_voters_on(tree["grassroots"], ON - DAY)}
    assert "Thôi hôm trước" in day_before and "Bắt đầu đúng ngày" not in day_before
    day_after = {s.member.full_name for s in committee_voters_on(tree["grassroots"], ON + DAY)}
    assert "Bắt đầu hôm sau" in day_after and "Thôi đúng ngày" not in day_after


def test_adm06_open_seat_of_an_ended_term_and_standing_committee_not_counted(tree):
    grassroots = tree["grassroots"]
    old = seat_committee(grassroots, 3, starts_on=date(2015, 6, 1), ends_on=None, prefix="Cũ")
    old.term.ends_on = ON - DAY  # the term ended, its seats were never closed
    old.term.save()
    current = seat_committee(grassroots, 5, starts_on=date(2020, 6, 1))
    standing = Committee.objects.create(
        organization=grassroots, term=current.term, kind=CommitteeKind.STANDING
    )
    for s in current.seats.all()[:2]:  # standing members sit on the executive too
        CommitteeSeat.objects.create(
            committee=standing, member=s.member, role=SeatRole.STANDING, starts_on=s.starts_on
        )
    voters = committee_voters_on(grassroots, ON)
    assert len(voters) == 5
    assert voters[0].role == SeatRole.SECRETARY
    assert committee_size_on(grassroots, ON - DAY) == 8


def test_adm06_no_committee_in_register_is_none(tree):
    assert committee_size_on(tree["grassroots"], ON) is None


# --- the admission case (8-KNĐ) --------------------------------------------------------------


def test_adm06_committee_two_thirds_exactly_passes_on_the_register_base(
    at_cell, officer, boundary_seats
):
    committee(at_cell, officer, 8, 3)  # 11 seated: 2/3 is 8 (7.33 rounded up)
    at_cell.refresh_from_db()
    assert at_cell.stage == Stage.COMMITTEE_RESOLUTION
    assert (at_cell.committee_size, at_cell.committee_for, at_cell.committee_against) == (11, 8, 3)


def test_adm06_committee_one_vote_short_refused_nothing_saved(at_cell, officer, boundary_seats):
    with pytest.raises(
        StepRefused, match=r"7/11 tán thành, chưa đạt 2/3 \(cần ít nhất 8\)\. \(ADM-06\)"
    ) as error:
        committee(at_cell, officer, 7, 4)
    assert {f.rule_id for f in error.value.findings} == {"ADM-06"}
    assert "7/11" in str(error.value.findings[0]) and "cần ít nhất 8" in str(
        error.value.findings[0]
    )
    at_cell.refresh_from_db()
    assert at_cell.stage == Stage.CELL_RESOLUTION and at_cell.committee_resolution_on is None
    assert not at_cell.steps.filter(stage=Stage.COMMITTEE_RESOLUTION).exists()


def test_adm06_more_votes_than_committee_members_refused(at_cell, officer, boundary_seats):
    with pytest.raises(
        StepRefused,
        match=r"Tổng số phiếu \(12\) nhiều hơn số thành viên có quyền biểu quyết \(11\)\. \(ADM-06\)",
    ) as error:
        committee(at_cell, officer, 10, 2)
    message = str(error.value.findings[0])
    assert "Tổng số phiếu (12)" in message and "(11)" in message
    at_cell.refresh_from_db()
    assert at_cell.stage == Stage.CELL_RESOLUTION


def test_adm06_typed_size_that_disagrees_with_register_refused(at_cell, officer):
    with pytest.raises(
        StepRefused, match=r"Số ủy viên đã nhập \(13\) khác với sổ cấp ủy.*\(ADM-06\)"
    ) as error:
        committee(at_cell, officer, 7, committee_size=13)
    message = str(error.value.findings[0])
    assert "(13)" in message and "có 9 ủy viên" in message and "20/02/2025" in message
    committee(at_cell, officer, 7, committee_size=COMMITTEE_SIZE)  # agreeing: accepted
    at_cell.refresh_from_db()
    assert at_cell.committee_size == COMMITTEE_SIZE


def test_adm06_no_committee_in_register_refused(tree, case, walk, officer):
    walk(case, Stage.CELL_RESOLUTION)
    # The committee's term starts after the resolution date: nobody is seated on ON.
    Term.objects.filter(organization=tree["grassroots"]).update(starts_on=ON + DAY)
    with pytest.raises(StepRefused, match=r"Sổ cấp ủy chưa có ủy viên nào.*\(ADM-06\)") as error:
        committee(case, officer, 7)
    assert "Sổ cấp ủy chưa có ủy viên nào" in str(error.value.findings[0])
    case.refresh_from_db()
    assert case.stage == Stage.CELL_RESOLUTION


# --- the full-membership case (15-KNĐ) -------------------------------------------------------

FULL_ON = date(2026, 3, 25)


@pytest.fixture
def fcase_at_cell(case, walk, officer):
    walk(case, Stage.MEMBER_FILE)
    member = AdmissionCase.objects.get(pk=case.pk).member
    fcase = open_full_case(member, by=officer)
    advance(
        fcase,
        FullStage.CELL_RESOLUTION,
        by=officer,
        on=date(2026, 3, 20),
        proposal=Proposal.FULL,
        votes_for=9,
    )
    fcase.refresh_from_db()
    return fcase


def full_committee(fcase, officer, votes_for, votes_against=0, on=FULL_ON):
    return advance(
        fcase,
        FullStage.COMMITTEE_RESOLUTION,
        by=officer,
        on=on,
        committee_for=votes_for,
        committee_against=votes_against,
    )


def test_adm06_full_membership_committee_vote_on_register_base(
    fcase_at_cell, officer, grassroots_committee
):
    # A seat ending the day before the resolution is not counted: the base stays 9.
    seat(grassroots_committee, "Thôi hôm trước", date(2020, 6, 1), FULL_ON - DAY)
    with pytest.raises(
        StepRefused, match=r"5/9 tán thành, chưa đạt 2/3 \(cần ít nhất 6\)\. \(ADM-06\)"
    ):
        full_committee(fcase_at_cell, officer, 5, 4)  # 5/9 < 6
    with pytest.raises(
        StepRefused,
        match=r"Tổng số phiếu \(10\) nhiều hơn số thành viên có quyền biểu quyết \(9\)\. \(ADM-06\)",
    ):
        full_committee(fcase_at_cell, officer, 9, 1)  # 10 votes > 9 members
    full_committee(fcase_at_cell, officer, 6, 3)  # exactly 2/3
    fcase_at_cell.refresh_from_db()
    assert fcase_at_cell.stage == FullStage.COMMITTEE_RESOLUTION
    assert fcase_at_cell.committee_size == COMMITTEE_SIZE


def test_form_has_no_typed_base_and_page_shows_who_counts(login, officer, at_cell, boundary_seats):
    page = reverse("admissions:case", args=[at_cell.pk])
    body = login(officer).get(page).content.decode()
    assert 'name="committee_size"' not in body and 'name="committee_for"' in body
    assert 'data-testid="committee-base"' in body
    assert "Ủy viên 0" in body and "Bí thư" in body
