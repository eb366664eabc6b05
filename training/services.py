"""Every write of the training records: keyword-only arguments, one transaction, the
audit trail (django-simple-history) naming `by`.

- `create_course`, `update_course`: `by` must have "training.manage_courses" on the
  organizer (training.permissions), as every course write.
- `enroll_member`, `enroll_person`: a learner on a course (a member readable by `by`, or
  a person who is not a member, optionally linked to an admissions candidate that `by`
  may read, through training.links).
- `record_result`: completed / failed / absent, with the certificate. Completing an
  elementary or intermediate political theory course raises the member's theory level
  (members.Member.theory_level, STA-01), only upward, with a history row on the member;
  every result sends training.links.certificate_changed (PRB-04 dossier, admissions).
- `create_directive`, `record_study_session`: the study of directives and resolutions.
Refusals are ValidationError with a Vietnamese message (nothing written) or
PermissionDenied (a permission of training.permissions refused, with its reason).
"""

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import stamp
from members.enums import ACTIVE_STATUSES
from members.models import Member
from members.queries.register import members_for
from organizations.models import Organization

from . import links
from .enums import (
    DIRECTIVE_KIND_OF_SYMBOL,
    STUDY_LEVEL_OF_KIND,
    THEORY_LEVEL_OF_COURSE,
    THEORY_RANK,
    CourseKind,
    DirectiveKind,
    Result,
    StudyLevel,
)
from .models import Course, Directive, Enrollment, StudySession

if TYPE_CHECKING:
    from accounts.models import User

COURSE_FIELDS = ("kind", "title", "starts_on", "ends_on", "place", "notes")
# The refusal of every course write ("training.manage_courses" on the organizer).
NOT_ORGANIZER = gettext_lazy("Đồng chí không có quyền ghi lớp bồi dưỡng của đơn vị này.")


def _check_course(course: Course) -> None:
    errors = {}
    if course.kind not in CourseKind.values:
        errors["kind"] = _("Loại lớp không hợp lệ.")
    if not course.title.strip():
        errors["title"] = _("Cần ghi tên lớp.")
    if course.starts_on and course.ends_on and course.ends_on < course.starts_on:
        errors["ends_on"] = _("Ngày kết thúc trước ngày bắt đầu.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_course(
    *,
    organizer: Organization,
    kind: str,
    title: str,
    starts_on: date,
    ends_on: date,
    place: str = "",
    notes: str = "",
    by: "User",
) -> Course:
    if not by.has_perm("training.manage_courses", organizer):
        raise PermissionDenied(NOT_ORGANIZER)
    course = Course(
        organizer=organizer,
        kind=kind,
        title=title.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        place=place.strip(),
        notes=notes,
    )
    _check_course(course)
    stamp(course, by)
    course.save()
    return course


@transaction.atomic
def update_course(course: Course, *, by: "User", **changes: Any) -> Course:
    unknown = set(changes) - set(COURSE_FIELDS)
    if unknown:
        raise TypeError(f"update_course() got unexpected fields: {sorted(unknown)}")
    if not by.has_perm("training.manage_courses", course.organizer):
        raise PermissionDenied(NOT_ORGANIZER)
    if "kind" in changes and changes["kind"] != course.kind and course.enrollments.exists():
        raise ValidationError({"kind": _("Lớp đã có học viên: không đổi loại lớp.")})
    for name, value in changes.items():
        setattr(course, name, value.strip() if isinstance(value, str) else value)
    _check_course(course)
    stamp(course, by)
    course.save()
    return course


@transaction.atomic
def enroll_member(course: Course, *, member: Member, by: "User", notes: str = "") -> Enrollment:
    """A party member on the course: `by` writes the organizer and reads the member."""
    if not by.has_perm("training.manage_courses", course.organizer):
        raise PermissionDenied(NOT_ORGANIZER)
    if not members_for(by).filter(pk=member.pk).exists():
        raise PermissionDenied(_("Đảng viên này ngoài phạm vi quản lý của đồng chí."))
    if member.status not in ACTIVE_STATUSES:
        raise ValidationError(
            {"member": _("%(name)s không còn sinh hoạt đảng.") % {"name": member}}
        )
    if course.kind == CourseKind.PARTY_AWARENESS:
        raise ValidationError(
            {
                "member": _(
                    "Lớp bồi dưỡng nhận thức về Đảng dành cho quần chúng, không phải đảng viên."
                )
            }
        )
    if course.enrollments.filter(member=member).exists():
        raise ValidationError({"member": _("%(name)s đã có tên trong lớp.") % {"name": member}})
    enrollment = Enrollment(course=course, member=member, notes=notes.strip())
    stamp(enrollment, by)
    enrollment.save()
    return enrollment


@transaction.atomic
def enroll_person(
    course: Course,
    *,
    full_name: str = "",
    date_of_birth: date | None = None,
    citizen_id: str = "",
    candidate_ref: str = "",
    notes: str = "",
    by: "User",
) -> Enrollment:
    """A person who is not a party member (an awareness course learner, ADM-04).

    `candidate_ref` links the learner to an admissions candidate ("admissions.candidate:12",
    see training.queries.candidate_ref_of): it must name a person of the directory that
    `by` may read (training.links; a candidate of another subtree is refused), and the
    name, birth date and citizen ID left blank are taken from that person. Once the
    learner completes the course, the admission case's COURSE step reads the certificate
    through this link (admissions.services.certificates.advance_with_certificate, ADM-04): nobody
    types it again."""
    if not by.has_perm("training.manage_courses", course.organizer):
        raise PermissionDenied(NOT_ORGANIZER)
    errors = {}
    candidate_ref = candidate_ref.strip()
    if candidate_ref:
        person = links.directory().get_for(by, candidate_ref)
        if person is None:
            raise ValidationError(
                {"candidate_ref": _("Không tìm thấy quần chúng này trong phạm vi quản lý.")}
            )
        if course.enrollments.filter(candidate_ref=candidate_ref).exists():
            raise ValidationError(
                {"candidate_ref": _("%(name)s đã có tên trong lớp.") % {"name": person.full_name}}
            )
        full_name = full_name or person.full_name
        date_of_birth = date_of_birth or person.date_of_birth
        citizen_id = citizen_id or person.citizen_id
    full_name = " ".join((full_name or "").split())
    if course.kind == CourseKind.NEW_MEMBER:
        errors["full_name"] = _("Lớp đảng viên mới chỉ dành cho đảng viên.")
    if not full_name:
        errors["full_name"] = _("Cần ghi họ và tên.")
    if date_of_birth is None:
        errors["date_of_birth"] = _("Cần ghi ngày sinh.")
    elif date_of_birth > timezone.localdate():
        errors["date_of_birth"] = _("Ngày sinh ở tương lai.")
    citizen_id = (citizen_id or "").strip()
    if citizen_id and not re.fullmatch(r"\d{12}", citizen_id):
        errors["citizen_id"] = _("Số CCCD gồm 12 chữ số.")
    if errors:
        raise ValidationError(errors)
    enrollment = Enrollment(
        course=course,
        person_name=full_name,
        person_birth_date=date_of_birth,
        person_citizen_id=citizen_id,
        candidate_ref=candidate_ref,
        notes=notes.strip(),
    )
    stamp(enrollment, by)
    enrollment.save()
    return enrollment


def raise_theory_level(member: Member, level: str, *, by: "User", reason: str = "") -> bool:
    """Set the member's political theory level to `level` if that is higher (STA-01);
    never lowers it. Returns True when the level changed (a history row names `by`).
    Call inside a transaction."""
    member = Member.objects.select_for_update().get(pk=member.pk)
    if THEORY_RANK.get(level, 0) <= THEORY_RANK.get(member.theory_level, 0):
        return False
    member.theory_level = level
    stamp(member, by, reason)
    member.save(update_fields=["theory_level"])
    return True


@transaction.atomic
def record_result(
    enrollment: Enrollment,
    *,
    result: str,
    certificate_number: str = "",
    certificate_on: date | None = None,
    by: "User",
) -> Enrollment:
    """The learner's result and certificate.

    Completed: the certificate date defaults to the course's last day and may not be
    before its first day nor in the future; failed / absent: no certificate. Completing a
    theory course raises the member's theory level (only upward)."""
    course = enrollment.course
    if not by.has_perm("training.manage_courses", course.organizer):
        raise PermissionDenied(NOT_ORGANIZER)
    if result not in Result.values:
        raise ValidationError({"result": _("Kết quả không hợp lệ.")})
    certificate_number = certificate_number.strip()
    if result == Result.COMPLETED:
        certificate_on = certificate_on or course.ends_on
        if certificate_on < course.starts_on:
            raise ValidationError(
                {"certificate_on": _("Ngày cấp giấy chứng nhận trước ngày khai giảng lớp.")}
            )
        if certificate_on > timezone.localdate():
            raise ValidationError({"certificate_on": _("Ngày cấp giấy chứng nhận ở tương lai.")})
    else:
        if certificate_number or certificate_on:
            raise ValidationError(
                {"certificate_number": _("Chỉ cấp giấy chứng nhận cho học viên hoàn thành lớp.")}
            )
        certificate_on = None
    enrollment.result = result
    enrollment.certificate_number = certificate_number
    enrollment.certificate_on = certificate_on
    stamp(enrollment, by)
    enrollment.save()
    level = THEORY_LEVEL_OF_COURSE.get(course.kind)
    if result == Result.COMPLETED and level and enrollment.member is not None:
        raise_theory_level(
            enrollment.member,
            level,
            by=by,
            reason=_("Hoàn thành lớp %(course)s") % {"course": course.title},
        )
    # PRB-04: the admissions app marks the full-membership dossier from the certificate.
    links.certificate_changed.send(sender=Enrollment, enrollment=enrollment, by=by)
    return enrollment


def directive_kind_of(code: str) -> str:
    """ "05-CT/TW" → directive, "04-NQ/TW" → resolution …, from the symbol after the dash."""
    match = re.search(r"-\s*([^\s/]+)\s*/", code)
    symbol = match.group(1).upper() if match else ""
    return DIRECTIVE_KIND_OF_SYMBOL.get(symbol, DirectiveKind.OTHER)


@transaction.atomic
def create_directive(
    *,
    code: str,
    title: str,
    issued_on: date,
    issuer: str,
    kind: str = "",
    notes: str = "",
    by: "User",
) -> Directive:
    if not by.has_perm("training.add_directive"):
        raise PermissionDenied(_("Đồng chí không có quyền thêm văn bản vào danh sách."))
    code = " ".join(code.split())
    errors = {}
    if not code:
        errors["code"] = _("Cần ghi số, ký hiệu văn bản.")
    elif Directive.objects.filter(code__iexact=code).exists():
        errors["code"] = _("Văn bản %(code)s đã có trong danh sách.") % {"code": code}
    if not title.strip():
        errors["title"] = _("Cần ghi trích yếu.")
    if kind and kind not in DirectiveKind.values:
        errors["kind"] = _("Loại văn bản không hợp lệ.")
    if errors:
        raise ValidationError(errors)
    directive = Directive(
        code=code,
        title=title.strip(),
        issued_on=issued_on,
        issuer=issuer.strip(),
        kind=kind or directive_kind_of(code),
        notes=notes,
    )
    stamp(directive, by)
    directive.save()
    return directive


@transaction.atomic
def record_study_session(
    *,
    directive: Directive,
    organization: Organization,
    held_on: date,
    members_count: int,
    others_count: int = 0,
    level: str = "",
    notes: str = "",
    by: "User",
) -> StudySession:
    """A conference to study `directive` held by `organization` (the level defaults to
    the organization's)."""
    if not by.has_perm("training.record_study", organization):
        raise PermissionDenied(
            _("Đồng chí không có quyền ghi hội nghị học tập của %(org)s.") % {"org": organization}
        )
    errors = {}
    if held_on < directive.issued_on:
        errors["held_on"] = _("Ngày tổ chức trước ngày ban hành văn bản.")
    elif held_on > timezone.localdate():
        errors["held_on"] = _("Ngày tổ chức ở tương lai.")
    if members_count is None or members_count < 0:
        errors["members_count"] = _("Số người tham dự không hợp lệ.")
    if others_count is None or others_count < 0:
        errors["others_count"] = _("Số người tham dự không hợp lệ.")
    elif not errors and members_count + others_count == 0:
        errors["members_count"] = _("Hội nghị phải có người tham dự.")
    level = level or STUDY_LEVEL_OF_KIND.get(organization.kind, StudyLevel.GRASSROOTS)
    if level not in StudyLevel.values:
        errors["level"] = _("Cấp tổ chức không hợp lệ.")
    if errors:
        raise ValidationError(errors)
    session = StudySession(
        directive=directive,
        organization=organization,
        held_on=held_on,
        level=level,
        members_count=members_count,
        others_count=others_count,
        notes=notes,
    )
    stamp(session, by)
    session.save()
    return session


@transaction.atomic
def complete_course(course: Course, *, certificate_on: date | None = None, by: "User") -> int:
    """Close a course: every learner still "enrolled" completes it, with certificates
    dated `certificate_on` (the course's last day by default; numbers are typed per
    learner afterwards). Learners already marked failed or absent are left alone. The
    same checks and theory-level updates as `record_result`. Returns how many."""
    if not by.has_perm("training.manage_courses", course.organizer):
        raise PermissionDenied(NOT_ORGANIZER)
    pending = list(
        course.enrollments.select_for_update(of=("self",))
        .filter(result=Result.ENROLLED)
        .select_related("course", "member")
        .order_by("id")
    )
    for enrollment in pending:
        record_result(enrollment, result=Result.COMPLETED, certificate_on=certificate_on, by=by)
    return len(pending)
