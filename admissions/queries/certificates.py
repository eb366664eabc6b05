"""Reads of the course certificates recorded in training, as the admission pages show
them (ADM-04 awareness course for the admission case, PRB-04 new-member course for the
full-membership case). The case itself is already scoped by the caller
(admissions.queries.get_case_for); the certificates are found through
training.queries (by the linked reference, the citizen ID, or the name and birth date).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.utils import timezone

from training.models import Enrollment
from training.queries import Certificate, awareness_certificates, courses_for

from ..models import AdmissionCase, Candidate
from ..rules.person import certificate_expires_on

if TYPE_CHECKING:
    from accounts.scope import RequestUser


def training_certificates(case: AdmissionCase, on: date | None = None) -> list[Certificate]:
    """ADM-04: the candidate's awareness certificates issued on or before `on` (today by
    default), newest first, expired ones included. One query."""
    return awareness_certificates(case.candidate, on or timezone.localdate())


def candidate_certificates(candidate: Candidate, on: date | None = None) -> list[Certificate]:
    """ADM-04 on the candidate page: the awareness certificates training holds for the
    candidate (linked, or found by citizen ID or name and birth date). One query."""
    return awareness_certificates(candidate, on or timezone.localdate())


def latest_training_certificate(case: AdmissionCase, on: date | None = None) -> Certificate | None:
    """The certificate the COURSE step takes when no date is typed, or None."""
    found = training_certificates(case, on)
    return found[0] if found else None


def resolve_course_certificate(
    case: AdmissionCase, *, on: date, certificate_on: date | None, certificate_number: str = ""
) -> tuple[date, str, Enrollment | None] | None:
    """ADM-04: (date, number, enrolment or None) of the certificate the COURSE step on
    `on` uses. No date typed: the candidate's latest training certificate issued on or
    before `on` (None when there is none: the step is refused). A typed date (and number,
    if typed) equal to a training certificate's: that one. Otherwise the typed outside
    certificate."""
    number = (certificate_number or "").strip()
    found = awareness_certificates(case.candidate, on)
    if certificate_on is None:
        if not found:
            return None
        return found[0].issued_on, number or found[0].number, found[0].enrollment
    for certificate in found:
        if certificate.issued_on == certificate_on and (
            not number or not certificate.number or number == certificate.number
        ):
            return certificate_on, number or certificate.number, certificate.enrollment
    return certificate_on, number, None


@dataclass(frozen=True)
class CertificateSource:
    """Where the case's ADM-04 certificate came from, for the case page."""

    recorded: bool  # the COURSE step has been taken
    certificate_on: date | None
    number: str
    expires_on: date | None
    from_training: bool
    course_title: str = ""
    organizer: str = ""
    course_url: str = ""  # empty when the user may not read the course
    changed_since: bool = False  # the enrolment's certificate was edited after the step
    available: Certificate | None = None  # before the step: what the step would take
    available_expired: bool = False  # ADM-04: that certificate has expired: retake the course


def certificate_source(user: RequestUser, case: AdmissionCase, today: date) -> CertificateSource:
    """ADM-04 on the case page: the certificate recorded at the COURSE step and where it
    came from (a training course, or typed from outside), or, before that step, the
    certificate that training holds for the candidate. At most two queries."""
    if case.certificate_on is None:
        available = latest_training_certificate(case, today)
        return CertificateSource(
            False,
            None,
            "",
            None,
            False,
            available=available,
            available_expired=available is not None and not available.valid_on(today),
        )
    expires = certificate_expires_on(case.certificate_on)
    enrollment = (
        Enrollment.objects.select_related("course__organizer")
        .filter(pk=case.certificate_enrollment_id)
        .first()
        if case.certificate_enrollment_id
        else None
    )
    if enrollment is None:
        return CertificateSource(True, case.certificate_on, case.certificate_number, expires, False)
    course = enrollment.course
    readable = courses_for(user).filter(pk=course.pk).exists()
    return CertificateSource(
        True,
        case.certificate_on,
        case.certificate_number,
        expires,
        True,
        course_title=course.title,
        organizer=course.organizer.name,
        course_url=course.get_absolute_url() if readable else "",
        changed_since=(
            enrollment.certificate_on != case.certificate_on
            or (enrollment.certificate_number or "") != (case.certificate_number or "")
        ),
    )
