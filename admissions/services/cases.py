"""Admission cases: opening, sponsors, dossier documents, closing without admission."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from core.audit import stamp
from members.models import Member

from ..enums import (
    ADMISSION_DOSSIER,
    STAGE_ORDER,
    CandidateState,
    DocKind,
    Outcome,
    SponsorKind,
    Stage,
)
from ..models import (
    AdmissionCase,
    Candidate,
    CaseDocument,
    CaseStep,
    Sponsor,
)
from ..queries.stages import sponsor_facts
from ..rules.person import certificate_expires_on
from ..rules.sponsors import sponsor_status_findings
from .stages import StepRefused

if TYPE_CHECKING:
    from django.core.files import File

    from accounts.models import User

    from ..models import FullMembershipCase

# --- admission cases --------------------------------------------------------------------------


@transaction.atomic
def open_case(
    candidate: Candidate,
    *,
    by: User,
    on: date,
    previous_member: Member | None = None,
    left_on: date | None = None,
    leaving_way: str = "",
) -> AdmissionCase:
    """Open the admission case of a person on the list (ADM-05, stage "source").

    A former member (ADM-10) is named by `previous_member`, with the date and the way
    they left. Side effects: the case, its SOURCE step, its dossier checklist (every
    ADM-05 document, missing)."""
    if not by.has_perm("admissions.change_candidate", candidate):
        raise PermissionDenied(_("Bạn không có quyền lập hồ sơ cho người này."))
    if candidate.state in (CandidateState.REMOVED, CandidateState.ADMITTED):
        raise ValidationError(_("Người này không còn trong danh sách quần chúng ưu tú."))
    if candidate.cases.filter(outcome=Outcome.OPEN).exists():
        raise ValidationError(_("Người này đã có hồ sơ đang xét."))
    if on > timezone.localdate():
        raise ValidationError({"on": _("Ngày không được ở tương lai.")})
    case = AdmissionCase(
        candidate=candidate,
        cell=candidate.cell,
        stage=Stage.SOURCE,
        opened_on=on,
        readmission=previous_member is not None,
        previous_member=previous_member,
        left_on=left_on,
        leaving_way=leaving_way,
    )
    stamp(case, by)
    case.save()
    CaseStep.objects.create(case=case, stage=Stage.SOURCE, on=on, done_by=by)
    bulk_create_with_history(
        [CaseDocument(case=case, kind=kind) for kind in ADMISSION_DOSSIER],
        CaseDocument,
        default_user=by,
    )
    return case


@transaction.atomic
def add_sponsor(
    case: AdmissionCase,
    *,
    by: User,
    kind: str,
    since: date,
    member: Member | None = None,
    youth_union_name: str = "",
    letter_on: date | None = None,
) -> Sponsor:
    """ADM-03: a sponsor. A member must be a full member of the same grassroots
    organization on the day of their letter (or today); checked again on the cell's day."""
    if not by.has_perm("admissions.change_case", case):
        raise PermissionDenied(_("Bạn không có quyền cập nhật hồ sơ này."))
    if not case.is_open or STAGE_ORDER.index(case.stage) >= STAGE_ORDER.index(
        Stage.CELL_RESOLUTION
    ):
        raise ValidationError(_("Không thay đổi người giới thiệu sau khi chi bộ đã xét."))
    on = letter_on or timezone.localdate()
    if on > timezone.localdate() or since > on:
        raise ValidationError({"since": _("Ngày không hợp lệ.")})
    if kind == SponsorKind.MEMBER:
        if member is None:
            raise ValidationError({"member": _("Cần chọn đảng viên giới thiệu.")})
        youth_union_name = ""
    elif kind == SponsorKind.YOUTH_UNION:
        member = None
        if not case.candidate.youth_union_member:
            raise ValidationError(
                {"kind": _("Chỉ đoàn viên mới được Ban Chấp hành Đoàn cơ sở giới thiệu.")}
            )
    else:
        raise ValidationError({"kind": _("Loại người giới thiệu không hợp lệ.")})
    if case.sponsors.count() >= 2:
        raise ValidationError(_("Đã đủ hai người giới thiệu."))
    if member is not None and case.sponsors.filter(member=member).exists():
        raise ValidationError({"member": _("Đảng viên này đã là người giới thiệu.")})
    sponsor = Sponsor(
        case=case,
        kind=kind,
        member=member,
        youth_union_name=youth_union_name,
        since=since,
        letter_on=letter_on,
    )
    # Each sponsor on its own now; the pair and the 12 months are judged on the cell's day.
    problems = sponsor_status_findings(sponsor_facts(case, [sponsor], on), on)
    if problems:
        raise StepRefused(problems)
    stamp(sponsor, by)
    sponsor.save()
    return sponsor


@transaction.atomic
def remove_sponsor(sponsor: Sponsor, *, by: User) -> None:
    case = sponsor.case
    if not by.has_perm("admissions.change_case", case):
        raise PermissionDenied(_("Bạn không có quyền cập nhật hồ sơ này."))
    if STAGE_ORDER.index(case.stage) >= STAGE_ORDER.index(Stage.CELL_RESOLUTION):
        raise ValidationError(_("Không thay đổi người giới thiệu sau khi chi bộ đã xét."))
    stamp(sponsor, by)
    sponsor.delete()


def _full_case(document: CaseDocument) -> FullMembershipCase:
    assert document.full_case is not None  # a dossier document belongs to one case or the other
    return document.full_case


@transaction.atomic
def record_document(
    document: CaseDocument,
    *,
    by: User,
    received_on: date | None,
    scan: File[bytes] | None = None,
    note: str = "",
) -> CaseDocument:
    """Mark a dossier document received (or missing, with `received_on=None`), with its scan."""
    owner = document.case if document.case is not None else _full_case(document)
    if not by.has_perm("admissions.change_case", owner):
        raise PermissionDenied(_("Bạn không có quyền cập nhật hồ sơ này."))
    if received_on is not None and received_on > timezone.localdate():
        raise ValidationError({"received_on": _("Ngày nhận không được ở tương lai.")})
    if document.enrollment_id and received_on != document.received_on:
        # PRB-04: a date typed by hand replaces the certificate marked from training.
        document.enrollment = None
    document.received_on = received_on
    if scan is not None:
        document.scan = scan
    document.note = note[:255]
    if document.kind == DocKind.CERTIFICATE and received_on is not None:
        document.expires_on = certificate_expires_on(received_on)
    stamp(document, by)
    document.save()
    return document


@transaction.atomic
def close_case(
    case: AdmissionCase, *, by: User, on: date, outcome: str, reason: str
) -> AdmissionCase:
    """End a case without admission (the cell or the committee did not agree, or the person
    withdrew); the decision is told to the cell either way (ADM-07)."""
    if not by.has_perm("admissions.change_case", case):
        raise PermissionDenied(_("Bạn không có quyền cập nhật hồ sơ này."))
    if not case.is_open:
        raise ValidationError(_("Hồ sơ đã kết thúc."))
    if outcome not in (Outcome.REFUSED, Outcome.WITHDRAWN):
        raise ValidationError({"outcome": _("Kết quả không hợp lệ.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Cần ghi lý do.")})
    if on > timezone.localdate():
        raise ValidationError({"on": _("Ngày không được ở tương lai.")})
    case.outcome, case.closed_on, case.closed_reason = outcome, on, reason[:255]
    stamp(case, by)
    case.save()
    return case
