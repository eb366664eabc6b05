"""advance(): the ADM-05 state machine, the checks of each step, the side effects."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from admissions.enums import CandidateState, DocKind, Outcome, SponsorKind, Stage
from admissions.models import AdmissionCase, CaseStep
from admissions.rules.stages import stages_for
from admissions.services.candidates import add_candidate
from admissions.services.cases import add_sponsor, open_case
from admissions.services.stages import StepRefused, advance
from members.enums import EventKind, MemberStatus

from ..conftest import DATES, make_member

pytestmark = pytest.mark.django_db


def rule_ids(error):
    return {f.rule_id for f in error.value.findings}


def test_adm05_refuses_skipped_stage(case, officer):
    with pytest.raises(
        StepRefused,
        match=r"Không được bỏ qua hoặc quay lại bước: bước tiếp theo là “Cảm tình đảng.*\(ADM-05\)",
    ) as error:
        advance(case, Stage.COURSE, by=officer, on=date(2024, 2, 1))
    assert rule_ids(error) == {"ADM-05"}
    case.refresh_from_db()
    assert case.stage == Stage.SOURCE
    assert case.steps.count() == 1


def test_adm05_refuses_going_back(case, walk, officer):
    walk(case, Stage.COURSE)
    with pytest.raises(
        StepRefused,
        match=r"Không được bỏ qua hoặc quay lại bước: bước tiếp theo là “Đơn xin vào Đảng.*\(ADM-05\)",
    ):
        advance(case, Stage.SYMPATHIZER, by=officer, on=date(2024, 3, 2))


def test_adm05_refuses_date_before_previous_step_or_in_future(case, walk, officer):
    walk(case, Stage.SYMPATHIZER)
    with pytest.raises(
        StepRefused,
        match=r"Ngày của bước \(10/01/2024\) trước ngày của bước trước \(15/01/2024\)\. \(ADM-05\)",
    ) as error:
        advance(
            case, Stage.COURSE, by=officer, on=date(2024, 1, 10), certificate_on=date(2024, 1, 9)
        )
    assert "ADM-05" in rule_ids(error)
    with pytest.raises(StepRefused, match=r"Ngày của bước không được ở tương lai\. \(ADM-05\)"):
        advance(
            case, Stage.COURSE, by=officer, on=date(2099, 1, 1), certificate_on=date(2024, 1, 9)
        )


def test_sympathizer_step_moves_the_candidate(case, walk, full_members):
    walk(case, Stage.SYMPATHIZER)
    candidate = case.candidate
    candidate.refresh_from_db()
    assert candidate.state == CandidateState.SYMPATHIZER
    assert candidate.helper == full_members[0]
    assert list(candidate.events.values_list("state", flat=True)) == [
        CandidateState.OUTSTANDING,
        CandidateState.SYMPATHIZER,
    ]


def test_full_walk_creates_the_probationary_member(case, walk):
    walk(case, Stage.MEMBER_FILE)
    case.refresh_from_db()
    member = case.member
    assert member is not None
    assert member.full_name == "Lường Thị Hoa"
    assert member.status == MemberStatus.PROBATIONARY
    # AGE-01: party age counts from the decision date
    assert member.admitted_on == DATES[Stage.DECISION]
    assert member.organization == case.cell
    event = member.events.get()
    assert event.kind == EventKind.ADMITTED and event.on == DATES[Stage.DECISION]
    assert member.memberships.get().starts_on == DATES[Stage.DECISION]
    assert case.outcome == Outcome.ADMITTED
    assert case.vote_base == 9
    case.candidate.refresh_from_db()
    assert case.candidate.state == CandidateState.ADMITTED
    assert case.steps.count() == 13


def test_adm06_cell_vote_base_is_the_full_members_on_that_day(case, walk, cell):
    # a probationary member and a member who joined after the meeting are not counted
    make_member(cell, name="Dự bị", full_on=None, admitted_on=date(2024, 6, 1))
    make_member(cell, name="Đến sau", admitted_on=date(2025, 6, 1), full_on=date(2025, 6, 1))
    walk(case, Stage.CELL_RESOLUTION)
    assert case.vote_base == 9


def test_adm06_more_votes_than_members_refused_nothing_saved(case, walk, officer):
    walk(case, Stage.SPONSORS)
    with pytest.raises(
        StepRefused,
        match=r"Tổng số phiếu \(10\) nhiều hơn số thành viên có quyền biểu quyết \(9\)\. \(ADM-06\)",
    ) as error:
        advance(
            case,
            Stage.CELL_RESOLUTION,
            by=officer,
            on=DATES[Stage.CELL_RESOLUTION],
            votes_for=9,
            votes_against=1,
        )
    assert rule_ids(error) == {"ADM-06"}
    case.refresh_from_db()
    assert case.stage == Stage.SPONSORS
    assert case.votes_for is None
    assert not case.steps.filter(stage=Stage.CELL_RESOLUTION).exists()


def test_adm03_youth_union_variant(case, walk, officer, full_members):
    walk(case, Stage.COMMENTS)
    add_sponsor(
        case,
        by=officer,
        kind=SponsorKind.YOUTH_UNION,
        youth_union_name="BCH Đoàn xã Tân Lập",
        since=date(2023, 1, 1),
    )
    add_sponsor(
        case, by=officer, kind=SponsorKind.MEMBER, member=full_members[1], since=date(2023, 1, 1)
    )
    walk(case, Stage.CELL_RESOLUTION)
    assert case.stage == Stage.CELL_RESOLUTION


def test_adm03_twelve_months_judged_on_the_cell_day(case, walk, officer, full_members):
    walk(case, Stage.COMMENTS)
    add_sponsor(
        case, by=officer, kind=SponsorKind.MEMBER, member=full_members[1], since=date(2023, 1, 1)
    )
    add_sponsor(
        case,
        by=officer,
        kind=SponsorKind.MEMBER,
        member=full_members[2],
        since=date(2024, 2, 15),  # 12 months on 15/02/2025, the cell meets 14/02/2025
    )
    walk(case, Stage.SPONSORS)
    with pytest.raises(
        StepRefused,
        match=r"chưa cùng công tác, học tập, sinh sống với người vào Đảng đủ 12 tháng\. \(ADM-03\)",
    ) as error:
        walk(case, Stage.CELL_RESOLUTION)
    assert rule_ids(error) == {"ADM-03"}
    walk(case, Stage.CELL_RESOLUTION, overrides={Stage.CELL_RESOLUTION: {"on": date(2025, 2, 17)}})


def test_adm04_certificate_after_the_cell_meeting_refused(case, walk, officer):
    walk(case, Stage.SPONSORS)
    case.certificate_on = date(2025, 3, 1)
    case.save()
    with pytest.raises(
        StepRefused,
        match=r"Giấy chứng nhận \(01/03/2025\) đề ngày sau ngày chi bộ xét \(14/02/2025\)\. \(ADM-04\)",
    ) as error:
        walk(case, Stage.CELL_RESOLUTION)
    assert "ADM-04" in rule_ids(error)


def test_adm08_ceremony_before_decision_refused_no_member(case, walk, officer):
    walk(case, Stage.DECISION)
    with pytest.raises(
        StepRefused, match=r"Lễ kết nạp không được trước ngày quyết định kết nạp\. \(ADM-08\)"
    ) as error:
        advance(case, Stage.CEREMONY, by=officer, on=date(2025, 3, 2))
    assert {"ADM-05", "ADM-08"} & rule_ids(error)
    case.refresh_from_db()
    assert case.member is None and case.stage == Stage.DECISION


def test_ceremony_admits_the_candidate_with_a_history_row_naming_the_officer(case, walk, officer):
    walk(case, Stage.DECISION)
    advance(case, Stage.CEREMONY, by=officer, on=DATES[Stage.CEREMONY])
    candidate = case.candidate
    candidate.refresh_from_db()
    assert candidate.state == CandidateState.ADMITTED
    assert candidate.state_since == DATES[Stage.DECISION]
    last = candidate.history.first()
    assert last.state == CandidateState.ADMITTED
    assert last.history_type == "~"
    assert last.history_user == officer


def test_warning_needs_a_reason_then_is_recorded(case, walk, officer):
    walk(case, Stage.DECISION)
    late = date(2025, 6, 2)  # more than 30 working days after 03/03/2025
    with pytest.raises(
        StepRefused, match=r"Lễ kết nạp sau thời hạn 30 ngày làm việc.*\(ADM-08\)"
    ) as error:
        advance(case, Stage.CEREMONY, by=officer, on=late)
    assert rule_ids(error) == {"ADM-08"}
    case.refresh_from_db()
    assert case.member is None
    step = advance(
        case, Stage.CEREMONY, by=officer, on=late, override_reason="Huyện ủy đồng ý ngày 10/4"
    )
    assert step.override_reason == "Huyện ủy đồng ý ngày 10/4"
    assert step.findings[0]["rule_id"] == "ADM-08"
    case.refresh_from_db()
    assert case.member is not None


def test_decision_step_needs_the_committee_writer(case, walk, secretary):
    walk(case, Stage.COMMITTEE_RESOLUTION)
    with pytest.raises(PermissionDenied):  # raises-without-match: raised without a message
        advance(case, Stage.DECISION, by=secretary, on=DATES[Stage.DECISION])


def test_outsider_cannot_advance(case, outsider):
    with pytest.raises(PermissionDenied):  # raises-without-match: raised without a message
        advance(case, Stage.SYMPATHIZER, by=outsider, on=date(2024, 1, 15))


def test_adm10_readmission_refused_for_those_who_asked_to_leave(candidate, officer, cell, walk):
    former = make_member(cell, name="Đảng viên cũ")
    former.status = MemberStatus.RESIGNED
    former.save()
    case = open_case(
        candidate,
        by=officer,
        on=date(2024, 1, 8),
        previous_member=former,
        left_on=date(2019, 1, 1),
        leaving_way="asked_to_leave",
    )
    walk(case, Stage.SPONSORS)
    with pytest.raises(
        StepRefused,
        match=r"Không xem xét kết nạp lại người đã ra khỏi Đảng vì bỏ sinh hoạt.*\(ADM-10\)",
    ) as error:
        walk(case, Stage.CELL_RESOLUTION)
    assert rule_ids(error) == {"ADM-10"}


def test_adm10_readmission_records_readmitted_event(candidate, officer, cell, walk):
    former = make_member(
        cell, name="Đảng viên cũ", admitted_on=date(2005, 1, 1), full_on=date(2006, 1, 1)
    )
    from members.services.events import record_event

    record_event(former, EventKind.STRUCK_OFF, date(2020, 1, 2), by=officer)
    case = open_case(
        candidate,
        by=officer,
        on=date(2024, 1, 8),
        previous_member=former,
        left_on=date(2020, 1, 2),
        leaving_way="struck_off",
    )
    walk(case, Stage.CEREMONY)
    former.refresh_from_db()
    assert former.status == MemberStatus.PROBATIONARY
    assert former.events.filter(kind=EventKind.READMITTED, on=DATES[Stage.DECISION]).exists()
    assert case.member == former


def test_grassroots_cell_has_no_committee_stage(tree, officer):
    from admissions.enums import CandidateSource
    from members.enums import Sex

    c = add_candidate(
        by=officer,
        cell=tree["commune"].get_children().first() if False else tree["cell_b"],
        on=date(2024, 1, 2),
        full_name="A",
        sex=Sex.MALE,
        date_of_birth=date(1999, 1, 1),
        source=CandidateSource.RESIDENCE,
    )
    case = open_case(c, by=officer, on=date(2024, 1, 3))
    assert Stage.COMMITTEE_RESOLUTION in stages_for(case)
    case.cell = tree["other_cell"]
    assert Stage.COMMITTEE_RESOLUTION not in stages_for(case)


def test_steps_and_case_have_history(case, walk):
    walk(case, Stage.SYMPATHIZER)
    assert AdmissionCase.history.filter(id=case.pk).count() >= 2
    assert CaseStep.history.count() >= 2


def test_ceremony_refused_by_the_register_leaves_nothing_half_saved(case, walk, officer):
    from members.models import Member

    walk(case, Stage.DECISION)
    case.candidate.citizen_id = "123"  # the register refuses it (MEM-01)
    case.candidate.save()
    before = Member.objects.count()
    with pytest.raises(ValidationError, match="Số CCCD phải gồm đúng 12 chữ số"):
        advance(case, Stage.CEREMONY, by=officer, on=date(2025, 3, 19))
    case.refresh_from_db()
    assert case.stage == Stage.DECISION and case.member is None
    assert not case.steps.filter(stage=Stage.CEREMONY).exists()
    assert Member.objects.count() == before


def test_dossier_document_marked_with_the_upload(case, walk, officer, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    walk(case, Stage.COURSE)
    scan = SimpleUploadedFile("don.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    advance(case, Stage.APPLICATION, by=officer, on=date(2024, 3, 5), document=scan)
    doc = case.documents.get(kind=DocKind.APPLICATION)
    assert doc.received_on == date(2024, 3, 5) and doc.scan.name.endswith(".pdf")
    certificate = case.documents.get(kind=DocKind.CERTIFICATE)
    assert certificate.expires_on == date(2029, 2, 28)  # ADM-04: 60 months
