"""Dated memberships and status events (MEM-02), exemptions (EXM-01), periods of
non-participation (AGE-01, MTG-07), transfers (TRF-01..02) and badges (BDG-01)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..enums import (
    EventKind,
    ExemptionGround,
    MembershipKind,
    NonParticipationKind,
    TransferKind,
    TransferReason,
    TransferState,
)
from .member import Member


class Membership(models.Model):
    """Which organization a member belongs to, from when to when.

    A `home` membership counts the member in that organization; a `temporary` one (TRF-01)
    lets them take part in the host's activity without being counted there.
    `ends_on` is the last day of the membership (inclusive); empty while it lasts.
    """

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("tổ chức"),
    )
    kind = models.CharField(_("hình thức"), max_length=12, choices=MembershipKind.choices)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["member", "starts_on", "id"]
        verbose_name = _("quá trình sinh hoạt")
        indexes = [
            models.Index(fields=["organization", "kind", "starts_on", "ends_on"]),
            models.Index(fields=["member", "starts_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="membership_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} — {self.organization}"


class MemberEvent(models.Model):
    """A dated change in a member's party life (MEM-02); the register's timeline."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("sự kiện"), max_length=24, choices=EventKind.choices)
    on = models.DateField(_("ngày"))
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="member_events",
        verbose_name=_("tổ chức"),
    )
    counterpart = models.CharField(_("nơi đi/nơi đến"), max_length=255, blank=True)
    document = models.CharField(_("số văn bản"), max_length=100, blank=True)
    reason = models.CharField(_("lý do"), max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["member", "on", "id"]
        verbose_name = _("sự kiện đảng viên")
        indexes = [models.Index(fields=["organization", "kind", "on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on:%d/%m/%Y}"


class Exemption(models.Model):
    """Exemption from party work and activity (EXM-01), dated, with its grounds."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="exemptions")
    ground = models.CharField(_("lý do"), max_length=24, choices=ExemptionGround.choices)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    # EXM-01: for age, all three must hold. `past_working_age` is not typed: the service
    # computes it from the date of birth and sex on `starts_on` (members.rules.retirement_on).
    past_working_age = models.BooleanField(_("đã hết tuổi lao động"), default=False, editable=False)
    poor_health = models.BooleanField(_("sức khỏe yếu"), default=False)
    own_request = models.BooleanField(_("đảng viên tự nguyện đề nghị"), default=False)
    cell_decided_on = models.DateField(_("ngày chi bộ quyết định"))
    document = models.CharField(_("số văn bản"), max_length=100, blank=True)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["member", "-starts_on"]
        verbose_name = _("miễn công tác và sinh hoạt")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="exemption_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} — {self.get_ground_display()}"


class NonParticipation(models.Model):
    """A dated period in which the member did not take part in party activity.

    Out of contact (AGE-01: deducted from party age); suspended from party activity,
    prosecuted, detained (MTG-07: left out of a resolution's vote base on those days).
    `ends_on` is the last day (inclusive); empty while it lasts.
    """

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="non_participations")
    kind = models.CharField(_("trường hợp"), max_length=16, choices=NonParticipationKind.choices)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    document = models.CharField(_("số văn bản"), max_length=100, blank=True)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["member", "-starts_on", "-id"]
        verbose_name = _("thời gian không tham gia sinh hoạt đảng")
        indexes = [models.Index(fields=["kind", "starts_on", "ends_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="non_participation_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} — {self.get_kind_display()}"


class Transfer(models.Model):
    """Chuyển sinh hoạt đảng (TRF-01..02): out of one organization and into another.

    Either side may be outside the system (`from_outside` / `to_outside` name it).
    The sending side records the introduction letter; the receiving side confirms receipt.
    """

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="transfers")
    kind = models.CharField(_("hình thức"), max_length=12, choices=TransferKind.choices)
    reason = models.CharField(_("lý do"), max_length=20, choices=TransferReason.choices)
    state = models.CharField(
        _("tình trạng"), max_length=12, choices=TransferState.choices, default=TransferState.PENDING
    )
    from_organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transfers_out",
        verbose_name=_("nơi đi"),
    )
    from_outside = models.CharField(_("nơi đi (ngoài hệ thống)"), max_length=255, blank=True)
    to_organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transfers_in",
        verbose_name=_("nơi đến"),
    )
    to_outside = models.CharField(_("nơi đến (ngoài hệ thống)"), max_length=255, blank=True)
    # TRF-01: the job move, retirement or change of residence that triggers the transfer.
    trigger_on = models.DateField(_("ngày phát sinh (chuyển công tác, nghỉ hưu, chuyển nơi ở)"))
    letter_number = models.CharField(_("số giấy giới thiệu"), max_length=50, blank=True)
    letter_on = models.DateField(_("ngày giấy giới thiệu"), null=True, blank=True)
    received_on = models.DateField(_("ngày nơi đến tiếp nhận"), null=True, blank=True)
    # Temporary transfers: the planned end (3 months to under 1 year; study up to 2 years).
    until = models.DateField(_("sinh hoạt tạm thời đến ngày"), null=True, blank=True)
    returned_on = models.DateField(_("ngày trở về"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-trigger_on", "-id"]
        verbose_name = _("chuyển sinh hoạt đảng")
        indexes = [models.Index(fields=["state", "kind"])]

    def __str__(self) -> str:
        return f"{self.member} ({self.get_kind_display()})"

    @property
    def from_label(self) -> str:
        return str(self.from_organization) if self.from_organization_id else self.from_outside

    @property
    def to_label(self) -> str:
        return str(self.to_organization) if self.to_organization_id else self.to_outside


class Badge(models.Model):
    """A party badge presented (BDG-01): 30, 40, 45 … 90 years of party age."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="badges")
    years = models.PositiveSmallIntegerField(_("huy hiệu (năm tuổi đảng)"))
    presented_on = models.DateField(_("ngày trao"))
    decision = models.CharField(_("số quyết định"), max_length=100, blank=True)
    early = models.BooleanField(_("trao sớm (ốm nặng)"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["member", "years"]
        verbose_name = _("huy hiệu Đảng")
        constraints = [
            models.UniqueConstraint(fields=["member", "years"], name="unique_badge_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.member} — {self.years}"
