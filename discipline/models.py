"""Inspection and supervision (INS-01), inspection commissions (ORG-04), discipline (DIS-01..05).

Every record names an organization of the tree it is scoped by: an inspection by the
organization that conducts it and the subject's organization (for a member, where they
belong), a discipline by the subject's organization and the deciding one.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from members.enums import MemberStatus

from . import rules
from .enums import (
    Activity,
    AppealOutcome,
    Area,
    DecidingBody,
    DeferralReason,
    DisciplineForm,
    InspectionKind,
    SubjectKind,
)

ORG = "organizations.Organization"
MEMBER = "members.Member"


class InspectionCommission(models.Model):
    """ORG-04: the inspection commission (ủy ban kiểm tra) of a party committee."""

    organization = models.OneToOneField(
        ORG, on_delete=models.CASCADE, related_name="inspection_commission"
    )
    established_on = models.DateField(_("ngày thành lập"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ủy ban kiểm tra")

    def __str__(self) -> str:
        return str(_("Ủy ban kiểm tra %(org)s") % {"org": self.organization})


class InspectionProgramme(models.Model):
    """The yearly inspection and supervision programme of a committee (INS-01)."""

    organization = models.ForeignKey(
        ORG, on_delete=models.PROTECT, related_name="inspection_programmes"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên chương trình"), max_length=255)
    note = models.TextField(_("nội dung"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("chương trình kiểm tra, giám sát")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "title"], name="unique_programme"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"


class Inspection(models.Model):
    """One inspection or supervision case (INS-01)."""

    organization = models.ForeignKey(
        ORG,
        on_delete=models.PROTECT,
        related_name="inspections_conducted",
        verbose_name=_("tổ chức tiến hành"),
    )
    programme = models.ForeignKey(
        InspectionProgramme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inspections",
        verbose_name=_("theo chương trình"),
    )
    activity = models.CharField(_("hoạt động"), max_length=12, choices=Activity.choices)
    kind = models.CharField(_("loại"), max_length=12, choices=InspectionKind.choices)
    conducted_by = models.CharField(
        _("cơ quan tiến hành"),
        max_length=24,
        choices=DecidingBody.choices,
        default=DecidingBody.COMMITTEE,
    )
    subject_kind = models.CharField(_("đối tượng"), max_length=12, choices=SubjectKind.choices)
    subject_organization = models.ForeignKey(
        ORG,
        on_delete=models.PROTECT,
        related_name="inspections",
        verbose_name=_("tổ chức được kiểm tra, giám sát"),
    )
    subject_member = models.ForeignKey(
        MEMBER,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inspections",
        verbose_name=_("đảng viên được kiểm tra, giám sát"),
    )
    # A round on a committee often covers some of its members too ("3 cấp ủy và 17 đảng viên").
    members_covered = models.PositiveIntegerField(
        _("số đảng viên cùng được kiểm tra, giám sát"), default=0
    )
    areas = models.JSONField(_("nội dung"), default=list, blank=True)
    team = models.TextField(_("đoàn (tổ) kiểm tra, giám sát"), blank=True)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    findings = models.TextField(_("kết quả, ưu điểm, khuyết điểm"), blank=True)
    conclusion = models.TextField(_("kết luận"), blank=True)
    concluded_on = models.DateField(_("ngày kết luận"), null=True, blank=True)
    violation_found = models.BooleanField(_("có vi phạm"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("cuộc kiểm tra, giám sát")
        indexes = [models.Index(fields=["activity", "kind", "starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="inspection_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_activity_display()} {self.subject_label} ({self.starts_on:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        return reverse("discipline:inspection", args=[self.pk])

    @property
    def subject_label(self) -> str:
        return str(self.subject_member or self.subject_organization)

    @property
    def area_labels(self) -> list[str]:
        return [str(Area(a).label) for a in self.areas if a in Area.values]


class Recommendation(models.Model):
    """A recommendation of an inspection, with its follow-up deadline and completion."""

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="recommendations"
    )
    text = models.TextField(_("kiến nghị, yêu cầu"))
    due_on = models.DateField(_("hạn thực hiện"), null=True, blank=True)
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    completion_note = models.CharField(_("kết quả thực hiện"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("kiến nghị sau kiểm tra, giám sát")

    def __str__(self) -> str:
        return self.text[:60]


class FollowAssignment(models.Model):
    """A committee member assigned to follow an organization and areas (INS-02)."""

    organization = models.ForeignKey(
        ORG,
        on_delete=models.PROTECT,
        related_name="follow_assignments_made",
        verbose_name=_("cấp ủy phân công"),
    )
    member = models.ForeignKey(
        MEMBER,
        on_delete=models.PROTECT,
        related_name="follow_assignments",
        verbose_name=_("cấp ủy viên"),
    )
    followed = models.ForeignKey(
        ORG,
        on_delete=models.PROTECT,
        related_name="followed_by",
        verbose_name=_("tổ chức được phân công theo dõi"),
    )
    areas = models.JSONField(_("lĩnh vực"), default=list, blank=True)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "id"]
        verbose_name = _("phân công cấp ủy viên theo dõi")

    def __str__(self) -> str:
        return f"{self.member} → {self.followed}"

    @property
    def area_labels(self) -> list[str]:
        return [str(Area(a).label) for a in self.areas if a in Area.values]


class Discipline(models.Model):
    """A discipline case (DIS-01..05): subject, form, deciding body, dates, deferral, appeal."""

    subject_kind = models.CharField(_("đối tượng"), max_length=12, choices=SubjectKind.choices)
    subject_member = models.ForeignKey(
        MEMBER,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="disciplines",
        verbose_name=_("đảng viên"),
    )
    # The disciplined organization, or the member's organization when the case was opened.
    subject_organization = models.ForeignKey(
        ORG, on_delete=models.PROTECT, related_name="disciplines", verbose_name=_("tổ chức đảng")
    )
    deciding_organization = models.ForeignKey(
        ORG,
        on_delete=models.PROTECT,
        related_name="disciplines_decided",
        verbose_name=_("tổ chức quyết định"),
    )
    deciding_body = models.CharField(
        _("cơ quan quyết định"), max_length=24, choices=DecidingBody.choices
    )
    form = models.CharField(_("hình thức kỷ luật"), max_length=12, choices=DisciplineForm.choices)
    offence = models.TextField(_("nội dung vi phạm"))
    offence_on = models.DateField(_("ngày vi phạm"))
    # DIS-03: a new offence restarts the limitation period.
    restarted_on = models.DateField(
        _("ngày có vi phạm mới (tính lại thời hiệu)"), null=True, blank=True
    )
    decided_on = models.DateField(_("ngày quyết định"), null=True, blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=50, blank=True)
    # REV-03: the fault was self-detected and remedied (the review exception).
    self_remedied = models.BooleanField(_("tự phát hiện và khắc phục"), default=False)
    inspection = models.ForeignKey(
        Inspection,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="disciplines",
        verbose_name=_("qua cuộc kiểm tra"),
    )
    # DIS-04: deferral.
    deferral_reason = models.CharField(
        _("lý do hoãn"), max_length=12, choices=DeferralReason.choices, blank=True
    )
    deferred_until = models.DateField(_("hoãn đến ngày"), null=True, blank=True)
    # DIS-04: appeal.
    received_on = models.DateField(_("ngày nhận quyết định"), null=True, blank=True)
    appealed_on = models.DateField(_("ngày khiếu nại"), null=True, blank=True)
    appeal_outcome = models.CharField(
        _("kết quả giải quyết khiếu nại"), max_length=12, choices=AppealOutcome.choices, blank=True
    )
    appeal_form = models.CharField(
        _("hình thức sau khiếu nại"), max_length=12, choices=DisciplineForm.choices, blank=True
    )
    appeal_decided_on = models.DateField(_("ngày giải quyết khiếu nại"), null=True, blank=True)
    # DIS-05: expulsion ends the membership and the badge is handed back.
    leaving_event = models.ForeignKey(
        "members.MemberEvent", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    badge_returned_on = models.DateField(_("ngày thu hồi huy hiệu"), null=True, blank=True)
    # DIS-05: a dissolution closes the organization in the tree (organizations.services).
    dissolution_applied_on = models.DateField(
        _("ngày giải thể tổ chức trong hệ thống"), null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_on", "-id"]
        verbose_name = _("kỷ luật")
        verbose_name_plural = _("kỷ luật")
        indexes = [models.Index(fields=["decided_on", "form"])]

    def __str__(self) -> str:
        return f"{self.get_form_display()} — {self.subject_label}"

    def get_absolute_url(self) -> str:
        return reverse("discipline:detail", args=[self.pk])

    @property
    def subject_label(self) -> str:
        return str(self.subject_member or self.subject_organization)

    @property
    def effective_form(self) -> str | None:
        """The form in force after any appeal; None when the appeal annulled it."""
        if self.appeal_outcome == AppealOutcome.ANNULLED:
            return None
        if (
            self.appeal_outcome in (AppealOutcome.REDUCED, AppealOutcome.INCREASED)
            and self.appeal_form
        ):
            return self.appeal_form
        return self.form

    @property
    def effect_on(self) -> date | None:
        """The day the form in force took effect: the appeal's decision when it raised the
        form, otherwise the decision."""
        if self.appeal_outcome == AppealOutcome.INCREASED and self.appeal_decided_on:
            return self.appeal_decided_on
        return self.decided_on

    @property
    def membership_to_restore(self) -> bool:
        """DIS-05: the expulsion ended the membership in the register, then the appeal
        reduced or annulled it, and the register still shows the member expelled. There
        is no lifecycle event for restoring it yet: the pages show it as a task."""
        return (
            self.leaving_event_id is not None
            and self.effective_form != DisciplineForm.EXPULSION
            and self.subject_member is not None
            and self.subject_member.status == MemberStatus.EXPELLED
        )

    @property
    def organization_to_restore(self) -> bool:
        """The dissolution was applied to the tree, then reduced or annulled on appeal,
        and the organization is still dissolved (a task for the tree's officers)."""
        return (
            self.dissolution_applied_on is not None
            and self.effective_form != DisciplineForm.DISSOLUTION
            and self.subject_organization.dissolved_on is not None
        )

    @property
    def limitation_last_day(self) -> date | None:
        """DIS-03, shown on the page."""
        return rules.limitation_last_day(self.form, self.offence_on, self.restarted_on)

    @property
    def limitation_years(self) -> int | None:
        return rules.LIMITATION_YEARS[DisciplineForm(self.form)]

    @property
    def appeal_last_day(self) -> date | None:
        return rules.appeal_last_day(self.received_on) if self.received_on else None

    @property
    def is_deferred(self) -> bool:
        return bool(self.deferral_reason) and self.decided_on is None
