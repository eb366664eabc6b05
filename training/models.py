"""Training (courses, enrollments, certificates) and the study of directives and resolutions.

Data and small derived properties only: every write goes through training.services.
An enrollment is either a party member (`member`) or a person who is not (yet) one,
named by `person_name` and `person_birth_date`; the admissions app may link its
candidate through `candidate_ref` ("admissions.candidate:12"), a plain text reference so
that no key points from training to admissions.
"""

from datetime import date
from typing import Any

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.text import fold

from .enums import CourseKind, DirectiveKind, Result, StudyLevel

ORG = "organizations.Organization"
MEMBER = "members.Member"


class Course(models.Model):
    """A training course (lớp bồi dưỡng, lớp lý luận chính trị) run by an organization."""

    kind = models.CharField(_("loại lớp"), max_length=24, choices=CourseKind.choices)
    title = models.CharField(_("tên lớp"), max_length=255)
    organizer = models.ForeignKey(
        ORG, on_delete=models.PROTECT, related_name="courses", verbose_name=_("đơn vị tổ chức")
    )
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lớp bồi dưỡng")
        verbose_name_plural = _("lớp bồi dưỡng")
        ordering = ["-starts_on", "-id"]
        indexes = [models.Index(fields=["organizer", "kind", "starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="course_dates_in_order"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("training:course_detail", args=[self.pk])


class Enrollment(models.Model):
    """One learner on a course, the result, and the certificate (ADM-04, PRB-04)."""

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="enrollments", verbose_name=_("lớp")
    )
    member = models.ForeignKey(
        MEMBER,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enrollments",
        verbose_name=_("đảng viên"),
    )
    # A learner who is not a party member (quần chúng ưu tú, cảm tình đảng).
    person_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    person_birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    person_citizen_id = models.CharField(_("số CCCD"), max_length=12, blank=True)
    candidate_ref = models.CharField(
        _("hồ sơ quần chúng"), max_length=64, blank=True, db_index=True
    )
    person_search_name = models.CharField(max_length=150, editable=False, db_index=True, default="")
    result = models.CharField(
        _("kết quả"), max_length=12, choices=Result.choices, default=Result.ENROLLED
    )
    certificate_number = models.CharField(_("số giấy chứng nhận"), max_length=50, blank=True)
    certificate_on = models.DateField(_("ngày cấp giấy chứng nhận"), null=True, blank=True)
    notes = models.CharField(_("ghi chú"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("học viên")
        verbose_name_plural = _("học viên")
        ordering = ["course", "id"]
        indexes = [
            models.Index(fields=["member", "result"]),
            models.Index(fields=["person_search_name", "person_birth_date"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "member"],
                condition=Q(member__isnull=False),
                name="enrollment_member_once_per_course",
            ),
            models.CheckConstraint(
                condition=Q(member__isnull=False) | ~Q(person_name=""),
                name="enrollment_names_a_person",
            ),
            models.CheckConstraint(
                condition=Q(certificate_on__isnull=True) | Q(result=Result.COMPLETED),
                name="enrollment_certificate_only_when_completed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.learner_name} — {self.course}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.person_search_name = fold(self.person_name)
        super().save(*args, **kwargs)

    @property
    def learner_name(self) -> str:
        return self.member.full_name if self.member is not None else self.person_name

    @property
    def learner_birth_date(self) -> date | None:
        return self.member.date_of_birth if self.member is not None else self.person_birth_date


class Directive(models.Model):
    """A directive, resolution or conclusion to be studied (Chỉ thị 05-CT/TW …)."""

    code = models.CharField(_("số, ký hiệu"), max_length=40, unique=True)
    kind = models.CharField(
        _("loại văn bản"), max_length=12, choices=DirectiveKind.choices, default=DirectiveKind.OTHER
    )
    title = models.CharField(_("trích yếu"), max_length=500)
    issued_on = models.DateField(_("ngày ban hành"))
    issuer = models.CharField(_("cơ quan ban hành"), max_length=150)
    notes = models.TextField(_("ghi chú"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("chỉ thị, nghị quyết")
        verbose_name_plural = _("chỉ thị, nghị quyết")
        ordering = ["-issued_on", "code"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.code}"


class StudySession(models.Model):
    """A conference to study and disseminate a directive (hội nghị học tập, quán triệt)."""

    directive = models.ForeignKey(
        Directive, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("văn bản")
    )
    organization = models.ForeignKey(
        ORG,
        on_delete=models.PROTECT,
        related_name="study_sessions",
        verbose_name=_("đơn vị tổ chức"),
    )
    held_on = models.DateField(_("ngày tổ chức"))
    level = models.CharField(_("cấp tổ chức"), max_length=12, choices=StudyLevel.choices)
    members_count = models.PositiveIntegerField(_("số đảng viên tham dự"), default=0)
    others_count = models.PositiveIntegerField(_("số người khác tham dự"), default=0)
    notes = models.TextField(_("ghi chú"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hội nghị học tập, quán triệt")
        verbose_name_plural = _("hội nghị học tập, quán triệt")
        ordering = ["-held_on", "-id"]
        indexes = [
            models.Index(fields=["directive", "held_on"]),
            models.Index(fields=["organization", "held_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.directive.code} — {self.organization} ({self.held_on:%d/%m/%Y})"

    @property
    def attendances(self) -> int:
        return self.members_count + self.others_count
