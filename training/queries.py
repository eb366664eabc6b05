"""Reads of the training records: scoped lists for the screens, certificates for the
admission and full-membership dossiers (ADM-04, PRB-04), and totals for the reports.

Scoped reads take the user first and return only what lies in the user's part of the
tree (accounts.scope): a course or a study session whose organizer is outside it is a
404. Totals are SQL aggregates over a subtree with a fixed number of queries whatever
its size; they take `(organization, ...)` and no user, so the annual report (which
checks the organization is in reach first) can call them as they are.
"""

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

from django.db.models import Count, F, Model, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.scope import org_read_filter
from core.text import fold
from members.enums import ACTIVE_STATUSES
from members.models import Member
from members.queries.register import members_for
from members.rules import add_months
from organizations.models import Organization
from organizations.queries import writable_organizations_for

from .enums import CourseKind, Result, StudyLevel
from .models import Course, Directive, Enrollment, StudySession

if TYPE_CHECKING:
    from accounts.scope import RequestUser

# ADM-04 [s]: the party awareness course certificate is valid for 60 months.
AWARENESS_CERTIFICATE_MONTHS = 60


# --- scoped reads -----------------------------------------------------------------------


def courses_for(user: "RequestUser") -> QuerySet[Course]:
    """Courses whose organizer the user may read."""
    return Course.objects.filter(org_read_filter(user, "organizer__"))


def get_course_for(user: "RequestUser", pk: int) -> Course:
    return get_object_or_404(courses_for(user).select_related("organizer"), pk=pk)


def courses_in(
    organization: "Organization", *, kind: str = "", year: int | None = None
) -> QuerySet[Course]:
    """Courses organized in `organization`'s subtree, with learner counts (one query)."""
    qs = Course.objects.filter(organization.subtree_q("organizer__"))
    if kind:
        qs = qs.filter(kind=kind)
    if year:
        qs = qs.filter(starts_on__year=year)
    return (
        qs.select_related("organizer")
        .annotate(
            enrolled=Count("enrollments"),
            completed=Count("enrollments", filter=Q(enrollments__result=Result.COMPLETED)),
        )
        .order_by("-starts_on", "-id")
    )


def enrollments_of(course: Course) -> QuerySet[Enrollment]:
    """The learners of a course: members in name order, then learners who are not members
    (no sort key: last on every database)."""
    return course.enrollments.select_related("member__organization").order_by(
        F("member__sort_key").asc(nulls_last=True), "person_search_name", "id"
    )


def enrollable_members_for(user: "RequestUser", course: Course) -> QuerySet[Member]:
    """Active members of the organizer's subtree that the user reads and that are not on
    the course yet (ordered by name)."""
    return (
        members_for(user)
        .filter(course.organizer.subtree_q("organization__"), status__in=ACTIVE_STATUSES)
        .exclude(enrollments__course=course)
        .order_by("sort_key", "id")
    )


def candidate_refs_on(course: Course) -> set[str]:
    """The admissions candidates already linked to a learner of the course."""
    return set(course.enrollments.exclude(candidate_ref="").values_list("candidate_ref", flat=True))


def training_of(member: Member) -> QuerySet[Enrollment]:
    """A member's courses, newest first, for the member page (one query)."""
    return member.enrollments.select_related("course__organizer").order_by(
        "-course__starts_on", "-id"
    )


def get_enrollment_for(user: "RequestUser", pk: int) -> Enrollment:
    return get_object_or_404(
        Enrollment.objects.filter(org_read_filter(user, "course__organizer__")).select_related(
            "course__organizer", "member"
        ),
        pk=pk,
    )


def directives_in(organization: "Organization", *, year: int | None = None) -> QuerySet[Directive]:
    """Every directive, with its conferences and attendances in the subtree (one query)."""
    condition = Q(sessions__organization__path__startswith=organization.path)
    if year:
        condition &= Q(sessions__held_on__year=year)
    return Directive.objects.annotate(
        conferences=Count("sessions", filter=condition),
        members=Coalesce(Sum("sessions__members_count", filter=condition), 0),
        others=Coalesce(Sum("sessions__others_count", filter=condition), 0),
    ).order_by("-issued_on", "code")


def get_directive(pk: int) -> Directive:
    """One directive of the shared list (not scoped: every reader studies the same ones)."""
    return get_object_or_404(Directive, pk=pk)


def study_organizations_for(
    user: "RequestUser", organization: Organization
) -> QuerySet[Organization]:
    """The organizations of `organization`'s subtree the user may record a study
    conference for (those the user writes), in tree order."""
    return writable_organizations_for(user).filter(organization.subtree_q()).order_by("path")


def sessions_in(
    organization: "Organization", directive: Directive | None = None
) -> QuerySet[StudySession]:
    qs = StudySession.objects.filter(organization.subtree_q("organization__"))
    if directive is not None:
        qs = qs.filter(directive=directive)
    return qs.select_related("organization", "directive").order_by("-held_on", "-id")


# --- certificates: ADM-04, PRB-04 --------------------------------------------------------


@dataclass(frozen=True)
class Certificate:
    """A course certificate as the dossiers need it (typed once, on the course)."""

    enrollment: Enrollment
    kind: str
    number: str
    issued_on: date
    expires_on: date | None  # None: does not expire

    @property
    def course(self) -> Course:
        return self.enrollment.course

    def valid_on(self, on: date) -> bool:
        return self.issued_on <= on and (self.expires_on is None or on <= self.expires_on)


def awareness_expires_on(certificate_on: date) -> date:
    """ADM-04: the last day the certificate is valid: the same day 60 months later.

    Matches admissions.rules.certificate_findings: valid while the cell's date ≤ this.
    """
    return add_months(certificate_on, AWARENESS_CERTIFICATE_MONTHS)


class Person(Protocol):
    """A member, an admissions Candidate, or anyone with a name and a birth date."""

    @property
    def full_name(self) -> str: ...

    @property
    def date_of_birth(self) -> date | None: ...


def candidate_ref_of(obj: Model) -> str:
    """The text reference of a record of another app: "admissions.candidate:12"."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def _person_q(person: Person) -> Q:
    """Enrollments of `person`: a Member by key; anyone else (an admissions Candidate, or
    any object with full_name and date_of_birth) by the linked reference, the citizen ID,
    or the same name (diacritics and case ignored) with the same birth date."""
    if isinstance(person, Member):
        return Q(member=person)
    q = Q(member__isnull=True, person_search_name=fold(person.full_name)) & Q(
        person_birth_date=person.date_of_birth
    )
    citizen_id = getattr(person, "citizen_id", "") or ""
    if citizen_id:
        q |= Q(member__isnull=True, person_citizen_id=citizen_id)
    if isinstance(person, Model) and person.pk is not None:
        q |= Q(candidate_ref=candidate_ref_of(person))
    return q


def _certificates(person: Person, kind: str) -> QuerySet[Enrollment]:
    return (
        Enrollment.objects.filter(_person_q(person))
        .filter(course__kind=kind, result=Result.COMPLETED, certificate_on__isnull=False)
        .select_related("course__organizer")
        .order_by("-certificate_on", "-id")
    )


def _issued_on(enrollment: Enrollment) -> date:
    assert enrollment.certificate_on is not None  # _certificates reads issued ones only
    return enrollment.certificate_on


def awareness_certificate(person: Person, on: date | None = None) -> Certificate | None:
    """ADM-04: the latest party awareness certificate of `person` valid on `on` (today by
    default), with its expiry (certificate date + 60 months, the last valid day); None
    when there is none or the latest has expired (the course must be taken again).
    One query."""
    on = on or timezone.localdate()
    enrollment = (
        _certificates(person, CourseKind.PARTY_AWARENESS).filter(certificate_on__lte=on).first()
    )
    if enrollment is None:
        return None
    certificate = Certificate(
        enrollment,
        CourseKind.PARTY_AWARENESS,
        enrollment.certificate_number,
        _issued_on(enrollment),
        awareness_expires_on(_issued_on(enrollment)),
    )
    return certificate if certificate.valid_on(on) else None


def awareness_certificates(person: Person, on: date | None = None) -> list[Certificate]:
    """ADM-04: every party awareness certificate of `person` issued on or before `on`
    (today by default), newest first, expired ones included (each with its expiry): the
    admission case's COURSE step takes one of them, and the rule check
    (admissions.rules.certificate_findings) says when it has expired. One query."""
    on = on or timezone.localdate()
    return [
        Certificate(
            e,
            CourseKind.PARTY_AWARENESS,
            e.certificate_number,
            _issued_on(e),
            awareness_expires_on(_issued_on(e)),
        )
        for e in _certificates(person, CourseKind.PARTY_AWARENESS).filter(certificate_on__lte=on)
    ]


def new_member_certificate(member: Member, on: date | None = None) -> Certificate | None:
    """PRB-04: the member's latest new-member political theory course certificate issued
    on or before `on` (today by default); it does not expire. One query."""
    on = on or timezone.localdate()
    enrollment = _certificates(member, CourseKind.NEW_MEMBER).filter(certificate_on__lte=on).first()
    if enrollment is None:
        return None
    return Certificate(
        enrollment,
        CourseKind.NEW_MEMBER,
        enrollment.certificate_number,
        _issued_on(enrollment),
        None,
    )


# --- totals for the reports (pure: organization and period in, rows out) ------------------


@dataclass(frozen=True)
class StudyTotal:
    conferences: int
    members: int
    others: int

    @property
    def attendances(self) -> int:
        return self.members + self.others


def _period_q(field: str, start: date | None, end: date | None) -> Q:
    q = Q()
    if start is not None:
        q &= Q(**{f"{field}__gte": start})
    if end is not None:
        q &= Q(**{f"{field}__lte": end})
    return q


def study_totals(
    organization: "Organization",
    *,
    directive: Directive | None = None,
    start: date | None = None,
    end: date | None = None,
) -> StudyTotal:
    """Conferences and attendances in the subtree ("115 hội nghị với trên 21 nghìn lượt
    cán bộ, đảng viên"), for one directive or all, in a period. One query."""
    qs = StudySession.objects.filter(organization.subtree_q("organization__")).filter(
        _period_q("held_on", start, end)
    )
    if directive is not None:
        qs = qs.filter(directive=directive)
    row = qs.aggregate(
        conferences=Count("id"),
        members=Coalesce(Sum("members_count"), 0),
        others=Coalesce(Sum("others_count"), 0),
    )
    return StudyTotal(row["conferences"], row["members"], row["others"])


@dataclass(frozen=True)
class DirectiveTotal:
    directive_id: int
    code: str
    title: str
    conferences: int
    members: int
    others: int

    @property
    def attendances(self) -> int:
        return self.members + self.others


def study_totals_by_directive(
    organization: "Organization", *, start: date | None = None, end: date | None = None
) -> list[DirectiveTotal]:
    """Per directive studied in the subtree in the period (directives with no conference
    there are left out), newest directive first. One query."""
    rows = (
        StudySession.objects.filter(organization.subtree_q("organization__"))
        .filter(_period_q("held_on", start, end))
        .values("directive_id", code=F("directive__code"), title=F("directive__title"))
        .annotate(
            conferences=Count("id"),
            members=Coalesce(Sum("members_count"), 0),
            others=Coalesce(Sum("others_count"), 0),
        )
        .order_by("-directive__issued_on", "directive__code")
    )
    return [DirectiveTotal(**row) for row in rows]


@dataclass(frozen=True)
class LevelTotal:
    level: str
    label: str
    conferences: int
    members: int
    others: int

    @property
    def attendances(self) -> int:
        return self.members + self.others


def study_totals_by_level(
    organization: "Organization",
    *,
    directive: Directive | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[LevelTotal]:
    """Conferences and attendances per level (province, commune, grassroots, cell …), in
    the order of StudyLevel; levels with no conference are left out. One query."""
    qs = StudySession.objects.filter(organization.subtree_q("organization__")).filter(
        _period_q("held_on", start, end)
    )
    if directive is not None:
        qs = qs.filter(directive=directive)
    found = {
        row["level"]: row
        for row in qs.values("level").annotate(
            conferences=Count("id"),
            members=Coalesce(Sum("members_count"), 0),
            others=Coalesce(Sum("others_count"), 0),
        )
    }
    return [
        LevelTotal(
            level,
            str(label),
            found[level]["conferences"],
            found[level]["members"],
            found[level]["others"],
        )
        for level, label in StudyLevel.choices
        if level in found
    ]


@dataclass(frozen=True)
class CourseTotal:
    kind: str
    label: str
    courses: int
    enrolled: int
    completed: int
    certificates: int
    members: int  # learners who are party members
    non_members: int  # learners who are not (awareness courses: the admission pipeline)


def course_totals(
    organization: "Organization", *, start: date | None = None, end: date | None = None
) -> list[CourseTotal]:
    """Per course kind, for courses organized in the subtree starting in the period:
    courses, learners enrolled, completed, certificates, members and non-members
    ("2–3 lớp mỗi năm cho quần chúng và đảng viên mới"). Every kind is listed, with
    zeros when none was held. Two queries."""
    courses = Course.objects.filter(organization.subtree_q("organizer__")).filter(
        _period_q("starts_on", start, end)
    )
    course_counts = dict(
        courses.values("kind").annotate(n=Count("id")).values_list("kind", "n").order_by()
    )
    learners = {
        row["course__kind"]: row
        for row in Enrollment.objects.filter(course__in=courses)
        .values("course__kind")
        .annotate(
            enrolled=Count("id"),
            completed=Count("id", filter=Q(result=Result.COMPLETED)),
            certificates=Count("id", filter=Q(certificate_on__isnull=False)),
            members=Count("id", filter=Q(member__isnull=False)),
            non_members=Count("id", filter=Q(member__isnull=True)),
        )
        .order_by()
    }
    rows = []
    for kind, label in CourseKind.choices:
        row = learners.get(kind)
        rows.append(
            CourseTotal(
                kind,
                str(label),
                course_counts.get(kind, 0),
                row["enrolled"] if row else 0,
                row["completed"] if row else 0,
                row["certificates"] if row else 0,
                row["members"] if row else 0,
                row["non_members"] if row else 0,
            )
        )
    return rows
