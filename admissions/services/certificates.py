"""The course certificates recorded in training, used by the cases without typing twice.

- ADM-04: the COURSE step takes the candidate's awareness certificate from training
  (admissions.queries.certificates.resolve_course_certificate, judged by the COURSE
  handler of admissions.services.stages); the case stores the enrolment it came from.
- PRB-04: `sync_new_member_course` marks the full-membership dossier item "new-member
  course certificate" received from the member's completed new-member course (the date
  of the certificate, CaseDocument.enrollment naming it), or missing again when that
  certificate is withdrawn. An item marked by hand is left as the officer recorded it.
  It runs when the case is opened (`open_full_case_with_certificate`) and whenever
  training records a result (training.links.certificate_changed → admissions.links).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import stamp
from members.models import Member
from training.queries import new_member_certificate

from ..enums import DocKind
from ..models import CaseDocument, FullMembershipCase
from .full_membership import open_full_case

if TYPE_CHECKING:
    from accounts.models import User
    from training.queries import Certificate


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
