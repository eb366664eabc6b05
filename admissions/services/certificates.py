"""The course certificates recorded in training, used by the cases without typing twice.

- ADM-04: `advance_with_certificate` is `advance` (services.stages) for the case page:
  at the COURSE step it takes the candidate's awareness certificate from training
  (training.queries.awareness_certificates: the enrolment linked to the candidate, or
  found by citizen ID or by name and birth date) when no date is typed, links a typed
  date and number that match a training certificate to it, and keeps a typed certificate
  that matches none as an outside one. The case stores the enrolment it came from
  (AdmissionCase.certificate_enrollment, null for an outside certificate) and the rule
  check of `advance` judges the 60 months on the step's date, as for a typed one.
- PRB-04: `sync_new_member_course` marks the full-membership dossier item "new-member
  course certificate" received from the member's completed new-member course (the date
  of the certificate, CaseDocument.enrollment naming it), or missing again when that
  certificate is withdrawn. An item marked by hand is left as the officer recorded it.
  It runs when the case is opened (`open_full_case_with_certificate`) and whenever
  training records a result (training.links.certificate_changed → admissions.links).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import stamp
from core.findings import Finding, Severity
from members.models import Member
from training.queries import awareness_certificates, new_member_certificate

from ..enums import DocKind, Stage
from ..models import AdmissionCase, CaseDocument, CaseStep, FullMembershipCase
from .common import StepRefused, _require_write, next_stage
from .full_membership import open_full_case
from .stages import advance

if TYPE_CHECKING:
    from django.core.files import File

    from accounts.models import User
    from training.models import Enrollment
    from training.queries import Certificate


def resolve_course_certificate(
    case: AdmissionCase, *, on: date, certificate_on: date | None, certificate_number: str = ""
) -> tuple[date, str, Enrollment | None]:
    """ADM-04: (date, number, enrolment or None) of the certificate the COURSE step on
    `on` uses. No date typed: the candidate's latest training certificate issued on or
    before `on` (refused when there is none). A typed date (and number, if typed) equal
    to a training certificate's: that one. Otherwise the typed outside certificate."""
    number = (certificate_number or "").strip()
    found = awareness_certificates(case.candidate, on)
    if certificate_on is None:
        if not found:
            raise StepRefused(
                [
                    Finding(
                        "ADM-04",
                        Severity.BLOCKING,
                        _(
                            "Chưa có giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng của "
                            "người này trong hệ thống: nhập ngày cấp và số giấy chứng nhận."
                        ),
                        "certificate_on",
                    )
                ]
            )
        return found[0].issued_on, number or found[0].number, found[0].enrollment
    for certificate in found:
        if certificate.issued_on == certificate_on and (
            not number or not certificate.number or number == certificate.number
        ):
            return certificate_on, number or certificate.number, certificate.enrollment
    return certificate_on, number, None


@transaction.atomic
def advance_with_certificate(
    case: AdmissionCase,
    to_stage: str,
    *,
    by: User,
    on: date,
    document: File[bytes] | None = None,
    override_reason: str = "",
    **facts: Any,
) -> CaseStep:
    """`advance` (ADM-05), with the ADM-04 certificate taken from training at COURSE.

    Other stages go straight to `advance`. At COURSE the facts `certificate_on` and
    `certificate_number` are resolved by `resolve_course_certificate`; then `advance`
    judges and records the step (refused → nothing saved, the link included).
    Side effects beyond `advance`'s: AdmissionCase.certificate_enrollment (in the same
    history row as the step's facts); the dossier item CERTIFICATE names the enrolment
    when it was marked from this certificate."""
    if to_stage != Stage.COURSE or next_stage(case) != Stage.COURSE:
        return advance(
            case,
            to_stage,
            by=by,
            on=on,
            document=document,
            override_reason=override_reason,
            **facts,
        )
    _require_write(by, case.cell)
    certificate_on, number, enrollment = resolve_course_certificate(
        case,
        on=on,
        certificate_on=facts.pop("certificate_on", None),
        certificate_number=facts.pop("certificate_number", "") or "",
    )
    # Written before `advance` reloads the case, so its one audited save carries it.
    AdmissionCase.objects.filter(pk=case.pk).update(certificate_enrollment=enrollment)
    step = advance(
        case,
        Stage.COURSE,
        by=by,
        on=on,
        document=document,
        override_reason=override_reason,
        certificate_on=certificate_on,
        certificate_number=number,
        **facts,
    )
    if enrollment is not None:
        doc = CaseDocument.objects.filter(case=case, kind=DocKind.CERTIFICATE).first()
        if doc is not None and doc.received_on == certificate_on and doc.enrollment_id is None:
            doc.enrollment = enrollment
            stamp(doc, by)
            doc.save(update_fields=["enrollment"])
    case.refresh_from_db()
    return step


# --- PRB-04: the new-member course certificate in the full-membership dossier ---------------


def _certificate_note(certificate: Certificate) -> str:
    return (
        _("Giấy chứng nhận số %(number)s, lớp “%(course)s” (tự động từ hồ sơ đào tạo)")
        % {"number": certificate.number or "—", "course": certificate.course.title}
    )[:255]


def sync_new_member_course(fcase: FullMembershipCase, *, by: User) -> CaseDocument | None:
    """PRB-04: the dossier item NEW_MEMBER_COURSE of an open case, from the member's
    latest completed new-member course certificate (training.queries.new_member_certificate).

    - a certificate, item missing or marked from training: received on the certificate's
      date, linked to the enrolment, with its number and course in the note;
    - no certificate (any more), item marked from training: missing again;
    - item marked by hand (no enrolment): left alone, the officer's record stands.
    A consequence of a recorded fact, not a decision of `by`: no write check (`by` is
    named in the audit trail). Returns the item, or None (case closed, no such item)."""
    if not fcase.is_open:
        return None
    doc = fcase.documents.filter(kind=DocKind.NEW_MEMBER_COURSE).first()
    if doc is None:
        return None
    certificate = new_member_certificate(fcase.member)
    if certificate is not None:
        if doc.received_on is not None and doc.enrollment_id is None:
            return doc
        note = _certificate_note(certificate)
        if (
            doc.enrollment_id == certificate.enrollment.pk
            and doc.received_on == certificate.issued_on
            and doc.note == note
        ):
            return doc
        doc.received_on, doc.enrollment, doc.note = (
            certificate.issued_on,
            certificate.enrollment,
            note,
        )
    else:
        if doc.enrollment_id is None:
            return doc
        doc.received_on, doc.enrollment, doc.note = None, None, ""
    stamp(doc, by)
    doc.save()
    return doc


def sync_new_member_course_of(member: Member, *, by: User) -> None:
    """PRB-04 for every open full-membership case of `member` (there is at most one)."""
    for fcase in member.full_cases.filter(outcome="").select_related("member"):
        sync_new_member_course(fcase, by=by)


@transaction.atomic
def open_full_case_with_certificate(member: Member, *, by: User) -> FullMembershipCase:
    """`open_full_case` (PRB-01..04), then the PRB-04 item of the new-member course
    marked from training when the member holds its certificate."""
    fcase = open_full_case(member, by=by)
    sync_new_member_course(fcase, by=by)
    return fcase
