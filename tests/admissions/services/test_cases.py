"""admissions.services.cases: opening a case with its dossier checklist, sponsors (ADM-03),
dossier documents, closing a case without admission."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from admissions.enums import DocKind, Outcome, SponsorKind, Stage
from admissions.services.cases import (
    add_sponsor,
    close_case,
    open_case,
    record_document,
    remove_sponsor,
)
from admissions.services.stages import StepRefused

from ..conftest import make_member

pytestmark = pytest.mark.django_db


def rule_ids(error):
    return {f.rule_id for f in error.value.findings}


def test_open_case_builds_the_dossier_checklist(case):
    assert case.stage == Stage.SOURCE
    assert case.steps.count() == 1
    assert set(case.documents.values_list("kind", flat=True)) >= {
        DocKind.APPLICATION,
        DocKind.CERTIFICATE,
        DocKind.DECISION,
    }


def test_open_case_writes_the_dossier_checklist_with_history(case, officer):
    documents = list(case.documents.all())
    assert documents
    for doc in documents:
        [row] = doc.history.all()
        assert row.history_type == "+"
        assert row.history_user == officer


def test_adm03_probationary_sponsor_refused(case, walk, officer, cell):
    walk(case, Stage.COMMENTS)
    probationary = make_member(cell, name="Dự bị", full_on=None, admitted_on=date(2023, 6, 1))
    with pytest.raises(
        StepRefused, match=r"Người giới thiệu Dự bị không phải đảng viên chính thức.*\(ADM-03\)"
    ) as error:
        add_sponsor(
            case,
            by=officer,
            kind=SponsorKind.MEMBER,
            member=probationary,
            since=date(2023, 1, 1),
            letter_on=date(2024, 4, 10),
        )
    assert rule_ids(error) == {"ADM-03"}
    assert not case.sponsors.exists()


def test_adm03_sponsor_of_another_grassroots_refused(case, walk, officer, tree):
    walk(case, Stage.COMMENTS)
    stranger = make_member(tree["other_cell"], name="Nơi khác")
    with pytest.raises(
        StepRefused,
        match=r"Người giới thiệu Nơi khác không cùng đảng bộ, chi bộ cơ sở\. \(ADM-03\)",
    ):
        add_sponsor(
            case, by=officer, kind=SponsorKind.MEMBER, member=stranger, since=date(2023, 1, 1)
        )


def test_close_case_refused_needs_reason(case, officer):
    with pytest.raises(ValidationError, match="Cần ghi lý do"):
        close_case(case, by=officer, on=date(2024, 2, 1), outcome=Outcome.REFUSED, reason="")
    close_case(
        case, by=officer, on=date(2024, 2, 1), outcome=Outcome.REFUSED, reason="Không đạt 2/3"
    )
    case.refresh_from_db()
    assert not case.is_open


def test_open_case_refuses_a_second_open_case_and_a_future_date(candidate, officer, case):
    with pytest.raises(ValidationError, match="Người này đã có hồ sơ đang xét"):
        open_case(candidate, by=officer, on=date(2024, 1, 9))
    close_case(case, by=officer, on=date(2024, 2, 1), outcome=Outcome.WITHDRAWN, reason="Xin rút")
    with pytest.raises(ValidationError) as error:
        open_case(candidate, by=officer, on=date(2026, 12, 8))  # tomorrow (the pinned clock)
    assert "on" in error.value.message_dict


def test_open_case_needs_the_right_to_change_the_candidate(candidate, other_secretary, inspector):
    for user in (other_secretary, inspector):
        with pytest.raises(PermissionDenied, match="Bạn không có quyền lập hồ sơ"):
            open_case(candidate, by=user, on=date(2024, 1, 8))
    assert not candidate.cases.exists()


def test_two_sponsors_at_most_and_none_after_the_cell_resolution(case, walk, officer, full_members):
    walk(case, Stage.COMMENTS)
    first = add_sponsor(
        case, by=officer, kind=SponsorKind.MEMBER, member=full_members[1], since=date(2023, 1, 1)
    )
    with pytest.raises(ValidationError, match="Đảng viên này đã là người giới thiệu"):
        add_sponsor(
            case,
            by=officer,
            kind=SponsorKind.MEMBER,
            member=full_members[1],
            since=date(2023, 1, 1),
        )
    add_sponsor(
        case, by=officer, kind=SponsorKind.MEMBER, member=full_members[2], since=date(2023, 1, 1)
    )
    with pytest.raises(ValidationError, match="Đã đủ hai người giới thiệu"):
        add_sponsor(
            case,
            by=officer,
            kind=SponsorKind.MEMBER,
            member=full_members[3],
            since=date(2023, 1, 1),
        )
    remove_sponsor(first, by=officer)
    assert case.sponsors.count() == 1
    add_sponsor(
        case,
        by=officer,
        kind=SponsorKind.MEMBER,
        member=full_members[1],
        since=date(2023, 1, 1),
        letter_on=date(2024, 4, 10),
    )
    walk(case, Stage.CELL_RESOLUTION)
    with pytest.raises(ValidationError, match="Không thay đổi người giới thiệu sau khi chi bộ"):
        remove_sponsor(case.sponsors.first(), by=officer)
    assert case.sponsors.count() == 2


def test_sponsor_kinds(case, walk, officer):
    walk(case, Stage.COMMENTS)
    with pytest.raises(ValidationError, match="Cần chọn đảng viên giới thiệu"):
        add_sponsor(case, by=officer, kind=SponsorKind.MEMBER, since=date(2023, 1, 1))
    with pytest.raises(ValidationError, match="Loại người giới thiệu không hợp lệ"):
        add_sponsor(case, by=officer, kind="friend", since=date(2023, 1, 1))
    case.candidate.youth_union_member = False
    case.candidate.save()
    with pytest.raises(ValidationError, match="Chỉ đoàn viên mới được Ban Chấp hành Đoàn"):
        add_sponsor(
            case,
            by=officer,
            kind=SponsorKind.YOUTH_UNION,
            youth_union_name="BCH Đoàn xã",
            since=date(2023, 1, 1),
        )
    assert not case.sponsors.exists()


def test_record_document_dates_the_certificate_and_refuses_the_future(case, officer, inspector):
    certificate = case.documents.get(kind=DocKind.CERTIFICATE)
    record_document(certificate, by=officer, received_on=date(2024, 2, 23), note="Bản sao")
    certificate.refresh_from_db()
    assert certificate.received_on == date(2024, 2, 23)
    assert certificate.expires_on == date(2029, 2, 23)  # ADM-04: 60 months
    with pytest.raises(ValidationError, match="Ngày nhận không được ở tương lai"):
        record_document(certificate, by=officer, received_on=date(2026, 12, 8))
    with pytest.raises(PermissionDenied, match="Bạn không có quyền cập nhật hồ sơ này"):
        record_document(certificate, by=inspector, received_on=date(2024, 2, 23))
    record_document(certificate, by=officer, received_on=None, note="Thất lạc")
    certificate.refresh_from_db()
    assert certificate.received_on is None and certificate.note == "Thất lạc"


def test_close_case_outcomes(case, officer):
    with pytest.raises(ValidationError, match="Kết quả không hợp lệ"):
        close_case(case, by=officer, on=date(2024, 2, 1), outcome=Outcome.ADMITTED, reason="x")
    close_case(case, by=officer, on=date(2024, 2, 1), outcome=Outcome.WITHDRAWN, reason="Xin rút")
    case.refresh_from_db()
    assert (case.outcome, case.closed_on, case.closed_reason) == (
        Outcome.WITHDRAWN,
        date(2024, 2, 1),
        "Xin rút",
    )
    with pytest.raises(ValidationError, match="Hồ sơ đã kết thúc"):
        close_case(case, by=officer, on=date(2024, 2, 2), outcome=Outcome.REFUSED, reason="x")
