"""Probation and full membership (PRB-01..05) through advance_full and the register."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from admissions.enums import FullStage, Proposal, Stage
from admissions.queries.cases import probation_list_for
from admissions.queries.due import due_rows_for
from admissions.services.full_membership import open_full_case
from admissions.services.stages import StepRefused, advance
from members.enums import EventKind, MembershipKind, MemberStatus
from members.services.events import record_event

pytestmark = pytest.mark.django_db

END = date(2026, 3, 19)  # ceremony 19/03/2025 + 12 months (PRB-01)


@pytest.fixture
def member(case, walk):
    walk(case, Stage.MEMBER_FILE)
    case.refresh_from_db()
    return case.member


@pytest.fixture
def fcase(member, officer):
    return open_full_case(member, by=officer)


def cell_step(fcase, officer, **kwargs):
    facts = {"on": date(2026, 3, 20), "proposal": Proposal.FULL, "votes_for": 9, "votes_against": 0}
    facts.update(kwargs)
    return advance(fcase, FullStage.CELL_RESOLUTION, by=officer, **facts)


def committee_step(fcase, officer, on=date(2026, 3, 25)):
    return advance(
        fcase,
        FullStage.COMMITTEE_RESOLUTION,
        by=officer,
        on=on,
        committee_for=7,
        committee_against=0,
        committee_size=9,
    )


def test_prb01_probation_counted_from_the_ceremony(fcase, member):
    assert fcase.probation_from == date(2025, 3, 19)
    assert fcase.probation_ends_on == END
    assert member.admitted_on == date(2025, 3, 3)  # the decision (AGE-01)
    assert fcase.documents.count() == 7  # PRB-04 dossier


def test_prb02_cell_cannot_consider_before_the_12_months_end(fcase, officer):
    with pytest.raises(
        StepRefused, match=r"Chưa hết 12 tháng dự bị.*chưa xét chuyển chính thức\. \(PRB-02\)"
    ) as error:
        cell_step(fcase, officer, on=date(2026, 3, 18))
    assert {f.rule_id for f in error.value.findings} == {"PRB-02"}
    fcase.refresh_from_db()
    assert fcase.stage == FullStage.OPEN


def test_prb02_two_thirds_of_full_members_excluding_the_member(fcase, officer):
    # nine full members + the probationary member: the base is 9, 5 votes are too few
    with pytest.raises(
        StepRefused, match=r"5/9 tán thành, chưa đạt 2/3 \(cần ít nhất 6\)\. \(PRB-02\)"
    ):
        cell_step(fcase, officer, votes_for=5, votes_against=4)
    step = cell_step(fcase, officer, votes_for=6, votes_against=3)
    fcase.refresh_from_db()
    assert fcase.vote_base == 9 and step.stage == FullStage.CELL_RESOLUTION


def test_prb02_skipping_to_decision_refused(fcase, officer):
    with pytest.raises(StepRefused, match=r"Không được bỏ qua hoặc quay lại bước.*\(PRB-02\)"):
        advance(fcase, FullStage.DECISION, by=officer, on=date(2026, 3, 20))


def test_prb03_full_membership_on_the_day_probation_ends(fcase, officer, member):
    cell_step(fcase, officer)
    committee_step(fcase, officer)
    advance(fcase, FullStage.DECISION, by=officer, on=date(2026, 4, 2))
    member.refresh_from_db()
    assert member.status == MemberStatus.FULL
    assert member.full_member_on == END
    assert member.events.filter(kind=EventKind.FULL_MEMBERSHIP, on=END).exists()
    fcase.refresh_from_db()
    assert fcase.effective_on == END and fcase.outcome == Proposal.FULL


def test_prb03_late_decision_needs_a_reason_effective_date_unchanged(fcase, officer, member):
    cell_step(fcase, officer)
    committee_step(fcase, officer)
    late = date(2026, 6, 1)  # after 06/05/2026 (30 working days), within the extension
    with pytest.raises(
        StepRefused, match=r"Quyết định sau thời hạn 30 ngày làm việc.*\(PRB-03\)"
    ) as error:
        advance(fcase, FullStage.DECISION, by=officer, on=late)
    assert {f.rule_id for f in error.value.findings} == {"PRB-03"}
    member.refresh_from_db()
    assert member.status == MemberStatus.PROBATIONARY
    advance(fcase, FullStage.DECISION, by=officer, on=late, extension_reason="Chờ xác minh lý lịch")
    member.refresh_from_db()
    assert member.full_member_on == END and member.status == MemberStatus.FULL


def test_prb03_late_decision_after_a_later_register_event(fcase, officer, member):
    # record_event refuses dates before the member's last event: an exemption started on
    # 01/04/2026 is already in the register when the late decision arrives.
    cell_step(fcase, officer)
    committee_step(fcase, officer)
    record_event(member, EventKind.EXEMPTION_STARTED, date(2026, 4, 1), by=officer)
    advance(fcase, FullStage.DECISION, by=officer, on=date(2026, 6, 1), extension_reason="x")
    member.refresh_from_db()
    assert member.status == MemberStatus.FULL
    assert member.full_member_on == END
    event = member.events.get(kind=EventKind.FULL_MEMBERSHIP)
    assert event.on == date(2026, 4, 1) and "19/03/2026" in event.reason


def test_strike_off_path(fcase, officer, member):
    cell_step(fcase, officer, proposal=Proposal.STRIKE_OFF, votes_for=7, votes_against=2)
    committee_step(fcase, officer)
    advance(fcase, FullStage.DECISION, by=officer, on=date(2026, 4, 2))
    member.refresh_from_db()
    assert member.status == MemberStatus.STRUCK_OFF
    home = member.memberships.get(kind=MembershipKind.HOME)
    assert home.ends_on == date(2026, 4, 2)
    assert member.full_member_on is None


def test_open_full_case_writes_the_dossier_checklist_with_history(fcase, officer):
    documents = list(fcase.documents.all())
    assert documents
    for doc in documents:
        [row] = doc.history.all()
        assert row.history_type == "+"
        assert row.history_user == officer


def test_open_full_case_only_for_probationary(member, officer, fcase):
    with pytest.raises(
        ValidationError, match="Đảng viên này đã có hồ sơ chuyển chính thức đang xét"
    ):
        open_full_case(member, by=officer)  # one open case at a time
    from tests.admissions.conftest import make_member

    full = make_member(member.organization, name="Chính thức")
    with pytest.raises(ValidationError, match="Chỉ đảng viên dự bị mới xét chuyển chính thức"):
        open_full_case(full, by=officer)


def test_due_list_and_dashboard_rows(member, officer, fcase):
    rows = probation_list_for(officer, within_days=None, today=date(2026, 3, 1))
    assert [r.member for r in rows] == [member]
    assert rows[0].ends_on == END and rows[0].cell_due == date(2026, 5, 5)
    due = due_rows_for(officer, today=date(2026, 5, 6))
    prb = [r for r in due if r.rule_id == "PRB-02"]
    assert prb and prb[0].overdue
