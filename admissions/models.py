"""Candidates, admission cases and their dossier, sponsors, targets, full membership.

Data and small derived properties only: every write goes through admissions.services.
"""

from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.text import fold, name_sort_key
from members.enums import Education, Sex

from .enums import (
    CandidateSource,
    CandidateState,
    DocKind,
    DocStatus,
    FullStage,
    LeavingWay,
    Outcome,
    Proposal,
    SponsorKind,
    Stage,
)

ORG = "organizations.Organization"
MEMBER = "members.Member"


class Candidate(models.Model):
    """A person on a cell's list: outstanding (quần chúng ưu tú), sympathizer (ADM-05)."""

    full_name = models.CharField(_("họ và tên"), max_length=150)
    sex = models.CharField(_("giới tính"), max_length=8, choices=Sex.choices)
    date_of_birth = models.DateField(_("ngày sinh"))
    education = models.CharField(
        _("giáo dục phổ thông"), max_length=20, choices=Education.choices, blank=True
    )
    citizen_id = models.CharField(_("số CCCD"), max_length=12, blank=True)
    home_town = models.CharField(_("quê quán"), max_length=255, blank=True)
    address = models.CharField(_("nơi ở hiện nay"), max_length=255, blank=True)
    occupation = models.CharField(_("nghề nghiệp, nơi làm việc"), max_length=255, blank=True)
    source = models.CharField(_("nguồn giới thiệu"), max_length=20, choices=CandidateSource.choices)
    youth_union_member = models.BooleanField(_("là đoàn viên"), default=False)
    cell = models.ForeignKey(
        ORG, on_delete=models.PROTECT, related_name="candidates", verbose_name=_("chi bộ")
    )
    state = models.CharField(
        _("tình trạng"),
        max_length=16,
        choices=CandidateState.choices,
        default=CandidateState.OUTSTANDING,
    )
    state_since = models.DateField(_("từ ngày"))
    helper = models.ForeignKey(
        MEMBER,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="helped_candidates",
        verbose_name=_("đảng viên giúp đỡ"),
    )
    notes = models.TextField(_("ghi chú"), blank=True)
    search_name = models.CharField(max_length=150, editable=False, db_index=True, default="")
    sort_key = models.CharField(max_length=255, editable=False, db_index=True, default="")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quần chúng, cảm tình đảng")
        ordering = ["sort_key", "id"]
        indexes = [models.Index(fields=["cell", "state"])]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_name = fold(self.full_name)
        self.sort_key = name_sort_key(self.full_name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("admissions:candidate", args=[self.pk])


class CandidateEvent(models.Model):
    """A dated move on or off the list (ADM-05): kept, never edited."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="events")
    state = models.CharField(_("tình trạng"), max_length=16, choices=CandidateState.choices)
    on = models.DateField(_("ngày"))
    reason = models.CharField(_("lý do, căn cứ"), max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["candidate", "on", "id"]
        verbose_name = _("diễn biến quần chúng")

    def __str__(self) -> str:
        return f"{self.get_state_display()} {self.on:%d/%m/%Y}"


class CandidateReview(models.Model):
    """The cell's monthly review of a sympathizer (ADM-05), usually by the helper."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="reviews")
    month = models.DateField(_("tháng"))  # the first day of the month
    note = models.TextField(_("nhận xét"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["candidate", "-month"]
        verbose_name = _("nhận xét hằng tháng")
        constraints = [
            models.UniqueConstraint(fields=["candidate", "month"], name="one_review_per_month")
        ]

    def __str__(self) -> str:
        return f"{self.candidate} {self.month:%m/%Y}"


class AdmissionCase(models.Model):
    """The admission of one candidate: a state machine over the ADM-05 stages.

    Changed only by admissions.services.advance (one CaseStep per stage reached).
    """

    candidate = models.ForeignKey(
        Candidate, on_delete=models.PROTECT, related_name="cases", verbose_name=_("người vào Đảng")
    )
    cell = models.ForeignKey(
        ORG, on_delete=models.PROTECT, related_name="admission_cases", verbose_name=_("chi bộ")
    )
    stage = models.CharField(_("bước"), max_length=24, choices=Stage.choices, default=Stage.SOURCE)
    outcome = models.CharField(
        _("kết quả"), max_length=12, choices=Outcome.choices, default=Outcome.OPEN, blank=True
    )
    closed_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    closed_reason = models.CharField(_("lý do"), max_length=255, blank=True)
    # ADM-04
    certificate_on = models.DateField(_("ngày cấp giấy chứng nhận"), null=True, blank=True)
    certificate_number = models.CharField(_("số giấy chứng nhận"), max_length=50, blank=True)
    # ADM-04: where the certificate came from: the learner's training enrolment (null: an
    # outside certificate typed at the COURSE step). admissions → training, never back.
    certificate_enrollment = models.ForeignKey(
        "training.Enrollment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("giấy chứng nhận từ lớp bồi dưỡng"),
    )
    # ADM-01 / ADM-02 exceptions
    over_age_agreement = models.CharField(
        _("văn bản đồng ý của tỉnh ủy (trên 60 tuổi)"), max_length=255, blank=True
    )
    education_exception = models.BooleanField(
        _("áp dụng ngoại lệ học vấn vùng đặc biệt khó khăn"), default=False
    )
    # ADM-06: the cell's vote and its base (full members of the cell on that day)
    cell_resolution_on = models.DateField(_("ngày nghị quyết chi bộ"), null=True, blank=True)
    votes_for = models.PositiveSmallIntegerField(_("số tán thành"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("số không tán thành"), null=True, blank=True)
    vote_base = models.PositiveSmallIntegerField(
        _("số đảng viên chính thức"), null=True, blank=True
    )
    # ADM-06: the committee's vote
    committee_resolution_on = models.DateField(_("ngày nghị quyết đảng ủy"), null=True, blank=True)
    committee_for = models.PositiveSmallIntegerField(_("đảng ủy tán thành"), null=True, blank=True)
    committee_against = models.PositiveSmallIntegerField(
        _("đảng ủy không tán thành"), null=True, blank=True
    )
    committee_size = models.PositiveSmallIntegerField(
        _("số ủy viên đảng ủy"), null=True, blank=True
    )
    # ADM-07, ADM-08, ADM-09
    decision_on = models.DateField(_("ngày quyết định kết nạp"), null=True, blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=50, blank=True)
    extension_reason = models.CharField(_("lý do gia hạn"), max_length=255, blank=True)
    decision_received_on = models.DateField(_("ngày chi bộ nhận quyết định"), null=True, blank=True)
    ceremony_on = models.DateField(_("ngày lễ kết nạp"), null=True, blank=True)
    member_file_on = models.DateField(_("ngày hoàn thiện hồ sơ đảng viên"), null=True, blank=True)
    member = models.OneToOneField(
        MEMBER,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="admission_case",
        verbose_name=_("đảng viên"),
    )
    # ADM-10
    readmission = models.BooleanField(_("kết nạp lại"), default=False)
    previous_member = models.ForeignKey(
        MEMBER,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="readmission_cases",
        verbose_name=_("đảng viên cũ"),
    )
    left_on = models.DateField(_("ngày ra khỏi Đảng"), null=True, blank=True)
    leaving_way = models.CharField(
        _("hình thức ra khỏi Đảng"), max_length=20, choices=LeavingWay.choices, blank=True
    )
    opened_on = models.DateField(_("ngày lập hồ sơ"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hồ sơ kết nạp")
        ordering = ["-opened_on", "-id"]
        indexes = [models.Index(fields=["cell", "stage", "outcome"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(votes_for__isnull=True)
                | Q(vote_base__isnull=True)
                | Q(vote_base__gte=models.F("votes_for")),
                name="admission_votes_within_base",
            )
        ]

    def __str__(self) -> str:
        return str(self.candidate)

    def get_absolute_url(self) -> str:
        return reverse("admissions:case", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.outcome == Outcome.OPEN


class FullMembershipCase(models.Model):
    """A probationary member's passage to full membership, or strike-off (PRB-01..04)."""

    member = models.ForeignKey(
        MEMBER, on_delete=models.PROTECT, related_name="full_cases", verbose_name=_("đảng viên")
    )
    admission_case = models.ForeignKey(
        AdmissionCase, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    probation_from = models.DateField(_("ngày lễ kết nạp (bắt đầu dự bị)"))
    probation_ends_on = models.DateField(_("ngày hết dự bị"))
    stage = models.CharField(
        _("bước"), max_length=24, choices=FullStage.choices, default=FullStage.OPEN
    )
    proposal = models.CharField(_("đề nghị"), max_length=12, choices=Proposal.choices, blank=True)
    cell_resolution_on = models.DateField(_("ngày nghị quyết chi bộ"), null=True, blank=True)
    votes_for = models.PositiveSmallIntegerField(_("số tán thành"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("số không tán thành"), null=True, blank=True)
    vote_base = models.PositiveSmallIntegerField(
        _("số đảng viên chính thức"), null=True, blank=True
    )
    committee_resolution_on = models.DateField(_("ngày nghị quyết đảng ủy"), null=True, blank=True)
    committee_for = models.PositiveSmallIntegerField(_("đảng ủy tán thành"), null=True, blank=True)
    committee_against = models.PositiveSmallIntegerField(
        _("đảng ủy không tán thành"), null=True, blank=True
    )
    committee_size = models.PositiveSmallIntegerField(
        _("số ủy viên đảng ủy"), null=True, blank=True
    )
    decision_on = models.DateField(_("ngày quyết định"), null=True, blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=50, blank=True)
    extension_reason = models.CharField(_("lý do gia hạn"), max_length=255, blank=True)
    # PRB-03: full membership takes effect on the day probation ends.
    effective_on = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    outcome = models.CharField(
        _("kết quả"), max_length=12, choices=Proposal.choices, blank=True, default=""
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hồ sơ chuyển đảng viên chính thức")
        ordering = ["probation_ends_on", "id"]

    def __str__(self) -> str:
        return str(self.member)

    def get_absolute_url(self) -> str:
        return reverse("admissions:full_case", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return not self.outcome


class CaseStep(models.Model):
    """One stage reached: its date, document, who did it and why warnings were overridden."""

    case = models.ForeignKey(
        AdmissionCase, on_delete=models.CASCADE, null=True, blank=True, related_name="steps"
    )
    full_case = models.ForeignKey(
        FullMembershipCase, on_delete=models.CASCADE, null=True, blank=True, related_name="steps"
    )
    stage = models.CharField(_("bước"), max_length=24)
    on = models.DateField(_("ngày"))
    document = models.FileField(_("văn bản"), upload_to="admissions/steps/%Y/", blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    override_reason = models.CharField(_("lý do vẫn tiếp tục"), max_length=500, blank=True)
    # The findings the step was judged with: [{"rule_id", "severity", "message"}, ...]
    findings = models.JSONField(default=list, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["on", "id"]
        verbose_name = _("bước hồ sơ")
        constraints = [
            models.CheckConstraint(
                condition=Q(case__isnull=False, full_case__isnull=True)
                | Q(case__isnull=True, full_case__isnull=False),
                name="step_belongs_to_one_case",
            ),
            models.UniqueConstraint(fields=["case", "stage"], name="one_step_per_stage"),
            models.UniqueConstraint(fields=["full_case", "stage"], name="one_full_step_per_stage"),
        ]

    def __str__(self) -> str:
        return f"{self.stage} {self.on:%d/%m/%Y}"


class CaseDocument(models.Model):
    """One piece of a dossier (ADM-05 admission, PRB-04 full membership) and its scan."""

    case = models.ForeignKey(
        AdmissionCase, on_delete=models.CASCADE, null=True, blank=True, related_name="documents"
    )
    full_case = models.ForeignKey(
        FullMembershipCase,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
    )
    kind = models.CharField(_("loại văn bản"), max_length=32, choices=DocKind.choices)
    received_on = models.DateField(_("ngày nhận"), null=True, blank=True)
    expires_on = models.DateField(_("hết hiệu lực ngày"), null=True, blank=True)
    scan = models.FileField(_("bản quét"), upload_to="admissions/dossiers/%Y/", blank=True)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    # PRB-04: the item marked from a course certificate recorded in training (the
    # new-member course), not by hand; null when marked by hand or missing.
    enrollment = models.ForeignKey(
        "training.Enrollment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("giấy chứng nhận từ lớp bồi dưỡng"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = _("văn bản trong hồ sơ")
        constraints = [
            models.CheckConstraint(
                condition=Q(case__isnull=False, full_case__isnull=True)
                | Q(case__isnull=True, full_case__isnull=False),
                name="document_belongs_to_one_case",
            ),
            models.UniqueConstraint(fields=["case", "kind"], name="one_document_per_kind"),
            models.UniqueConstraint(
                fields=["full_case", "kind"], name="one_full_document_per_kind"
            ),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()

    def status_on(self, on: date) -> str:
        if self.received_on is None:
            return DocStatus.MISSING
        if self.expires_on is not None and self.expires_on < on:
            return DocStatus.EXPIRED
        return DocStatus.RECEIVED


class Sponsor(models.Model):
    """A sponsor of an admission case (ADM-03): a full member or the Youth Union committee."""

    case = models.ForeignKey(AdmissionCase, on_delete=models.CASCADE, related_name="sponsors")
    kind = models.CharField(_("người giới thiệu là"), max_length=16, choices=SponsorKind.choices)
    member = models.ForeignKey(
        MEMBER,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sponsorships",
        verbose_name=_("đảng viên"),
    )
    youth_union_name = models.CharField(_("Ban Chấp hành Đoàn cơ sở"), max_length=255, blank=True)
    since = models.DateField(_("cùng công tác, học tập, sinh sống từ ngày"))
    letter_on = models.DateField(_("ngày giấy giới thiệu"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["case", "id"]
        verbose_name = _("người giới thiệu")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=SponsorKind.MEMBER, member__isnull=False)
                | Q(kind=SponsorKind.YOUTH_UNION, member__isnull=True),
                name="sponsor_kind_matches",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if self.kind == SponsorKind.MEMBER and self.member is not None:
            return self.member.full_name
        return self.youth_union_name or str(_("Ban Chấp hành Đoàn cơ sở"))


class AdmissionTarget(models.Model):
    """ADM-11: a yearly or term target of admissions for an organization (its subtree)."""

    organization = models.ForeignKey(
        ORG, on_delete=models.CASCADE, related_name="admission_targets", verbose_name=_("tổ chức")
    )
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    term = models.ForeignKey(
        "organizations.Term",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="admission_targets",
        verbose_name=_("nhiệm kỳ"),
    )
    target = models.PositiveIntegerField(_("chỉ tiêu kết nạp"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("chỉ tiêu kết nạp")
        ordering = ["organization", "-year", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__isnull=False, term__isnull=True)
                | Q(year__isnull=True, term__isnull=False),
                name="target_year_or_term",
            ),
            models.UniqueConstraint(fields=["organization", "year"], name="one_target_per_year"),
            models.UniqueConstraint(fields=["organization", "term"], name="one_target_per_term"),
        ]

    def __str__(self) -> str:
        period = self.year if self.year else self.term
        return f"{self.organization} {period}: {self.target}"
