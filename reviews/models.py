"""Annual review rounds and the reviews of organizations and members (REV-01..05).

A round is the review of a subtree for one year, with its settings ([u] defaults an
organization may change). Each review keeps every step's level, score and who gave it:
self-assessment, the collective's proposal, the competent body's decision; publication
is dated on the review.
"""

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .enums import Level, Subject
from .rules import BY_CODE, RuleSet

if TYPE_CHECKING:
    from core.findings import Finding

USER = settings.AUTH_USER_MODEL


class ReviewRound(models.Model):
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="review_rounds"
    )
    year = models.PositiveSmallIntegerField(_("năm đánh giá"))
    rule_set = models.CharField(_("quy định áp dụng"), max_length=8, editable=False)
    # [u] settings: defaults the organization may change.
    cutoff_on = models.DateField(
        _("ngày chốt danh sách"),
        null=True,
        blank=True,
        help_text=_(
            "Đảng viên kết nạp hoặc chuyển đến sau ngày này không đánh giá trong đợt (mặc định: không chốt)."
        ),
    )
    review_exempted = models.BooleanField(
        _("đánh giá cả đảng viên được miễn công tác, sinh hoạt"),
        default=False,
        help_text=_("Mặc định: không đánh giá; tổ chức có thể thay đổi."),
    )
    apply_excellent_cap = models.BooleanField(
        _("áp dụng giới hạn HTXS không quá 20% số HTT"),
        default=False,
        help_text=_("Mặc định theo quy định của năm; từ 2025 chưa xác nhận còn áp dụng."),
    )
    published_on = models.DateField(_("ngày công bố kết quả"), null=True, blank=True)
    published_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "organization"]
        verbose_name = _("đợt đánh giá, xếp loại")
        constraints = [
            models.UniqueConstraint(fields=["organization", "year"], name="unique_review_round")
        ]

    def __str__(self) -> str:
        return f"{self.organization} — {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:round", args=[self.organization_id, self.year])

    @property
    def rules(self) -> RuleSet:
        return BY_CODE[self.rule_set]


class ReviewSteps(models.Model):
    """The steps shared by both kinds of review (REV-05)."""

    round = models.ForeignKey(ReviewRound, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("năm"))
    rule_set = models.CharField(max_length=8)
    published_on = models.DateField(_("ngày công bố"), null=True, blank=True)
    # Each step of STEP_ORDER: its level, score, note, who gave it and when.
    # Self-assessment (Step.SELF).
    self_level = models.CharField(max_length=16, choices=Level.choices, blank=True)
    self_score = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    self_note = models.TextField(blank=True)
    self_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    self_at = models.DateTimeField(null=True, blank=True)
    # The collective's proposal (Step.PROPOSAL).
    proposal_level = models.CharField(max_length=16, choices=Level.choices, blank=True)
    proposal_score = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    proposal_note = models.TextField(blank=True)
    proposal_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposal_at = models.DateTimeField(null=True, blank=True)
    # The competent body's decision (Step.DECISION).
    decision_level = models.CharField(max_length=16, choices=Level.choices, blank=True)
    decision_score = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    decision_note = models.TextField(blank=True)
    decision_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision_at = models.DateTimeField(null=True, blank=True)

    if TYPE_CHECKING:
        # Not a column: the checks of a listed review (reviews.queries.round_page).
        findings: list[Finding]

    class Meta:
        abstract = True

    @property
    def rules(self) -> RuleSet:
        return BY_CODE[self.rule_set]

    def step(self, step: str) -> dict[str, Any]:
        return {
            "step": step,
            "level": getattr(self, f"{step}_level"),
            "score": getattr(self, f"{step}_score"),
            "note": getattr(self, f"{step}_note"),
            "by": getattr(self, f"{step}_by"),
            "at": getattr(self, f"{step}_at"),
        }


class MemberReview(ReviewSteps):
    SUBJECT = Subject.MEMBER
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="reviews")
    # The member's organization in the year reviewed (results by category use it).
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="member_reviews"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "member__sort_key"]
        verbose_name = _("đánh giá đảng viên")
        constraints = [
            models.UniqueConstraint(fields=["member", "year"], name="unique_member_review")
        ]
        indexes = [models.Index(fields=["year", "decision_level"])]

    def __str__(self) -> str:
        return f"{self.member} — {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:member", args=[self.member_id, self.year])


class OrganizationReview(ReviewSteps):
    SUBJECT = Subject.ORGANIZATION
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="reviews"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "organization__path"]
        verbose_name = _("đánh giá tổ chức đảng")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year"], name="unique_organization_review"
            )
        ]
        indexes = [models.Index(fields=["year", "decision_level"])]

    def __str__(self) -> str:
        return f"{self.organization} — {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:organization", args=[self.organization_id, self.year])
