"""The member profile: every column of the register (Sổ danh sách đảng viên, 7-HSĐV; MEM-01)."""

from datetime import date
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.text import fold, name_sort_key

from ..enums import (
    ACTIVE_STATUSES,
    Education,
    MemberStatus,
    Occupation,
    Qualification,
    SeatRole,
    Sex,
    TheoryLevel,
)
from ..validators import validate_citizen_id
from .reference import Ethnicity, Religion

if TYPE_CHECKING:
    from ..queries.register import MemberPage


class Member(models.Model):
    # MEM-01: identity
    full_name = models.CharField(_("họ và tên"), max_length=150)
    birth_name = models.CharField(_("họ và tên khai sinh"), max_length=150, blank=True)
    sex = models.CharField(_("giới tính"), max_length=8, choices=Sex.choices)
    date_of_birth = models.DateField(_("ngày sinh"))
    ethnicity = models.ForeignKey(
        Ethnicity, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("dân tộc")
    )
    religion = models.ForeignKey(
        Religion, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("tôn giáo")
    )
    home_town = models.CharField(_("quê quán"), max_length=255, blank=True)
    citizen_id = models.CharField(
        _("số CCCD"),
        max_length=12,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_citizen_id],
    )
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    address = models.CharField(_("nơi ở hiện nay"), max_length=255, blank=True)
    photo = models.ImageField(_("ảnh"), upload_to="members/photos/", blank=True)
    # MEM-01: education and work
    education = models.CharField(
        _("giáo dục phổ thông"), max_length=20, choices=Education.choices, blank=True
    )
    qualification = models.CharField(
        _("chuyên môn, nghiệp vụ"), max_length=20, choices=Qualification.choices, blank=True
    )
    theory_level = models.CharField(
        _("lý luận chính trị"), max_length=20, choices=TheoryLevel.choices, blank=True
    )
    foreign_language = models.CharField(_("ngoại ngữ"), max_length=100, blank=True)
    occupation = models.CharField(
        _("nghề nghiệp"), max_length=24, choices=Occupation.choices, blank=True
    )
    armed_forces = models.BooleanField(_("lực lượng vũ trang"), default=False)
    retired = models.BooleanField(_("đã nghỉ hưu"), default=False)
    # MEM-01: party record
    admitted_on = models.DateField(_("ngày vào Đảng"), null=True, blank=True)
    full_member_on = models.DateField(_("ngày chính thức"), null=True, blank=True)
    # AGE-01: the admission decision date moved later by the days of non-participation;
    # kept up to date by members.services.events so that lists filter party age in SQL.
    party_age_from = models.DateField(_("tuổi đảng tính từ"), null=True, blank=True, editable=False)
    # BDG-01: a seriously ill member may receive a badge early.
    seriously_ill = models.BooleanField(_("ốm nặng (xét trao huy hiệu sớm)"), default=False)
    card_number = models.CharField(_("số thẻ đảng viên"), max_length=20, blank=True, db_index=True)
    file_number = models.CharField(_("số lý lịch"), max_length=20, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    # MEM-02: derived from the status events by members.services; never typed.
    status = models.CharField(_("trạng thái"), max_length=20, choices=MemberStatus.choices)
    exempted = models.BooleanField(_("đang miễn công tác và sinh hoạt"), default=False)
    # The organization of the current home membership (denormalized for lists).
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="members",
        verbose_name=_("sinh hoạt tại"),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="member",
        verbose_name=_("tài khoản"),
    )
    search_name = models.CharField(max_length=150, editable=False, db_index=True, default="")
    sort_key = models.CharField(max_length=255, editable=False, db_index=True, default="")

    history = HistoricalRecords()

    if TYPE_CHECKING:
        # Not columns: set on the rows of the badge lists (members.queries.badges.describe),
        badge_years: int
        reached_on: date
        party_age: int
        # and on the member the API's detail returns, for its resolvers (api.members).
        page: MemberPage

    class Meta:
        verbose_name = _("đảng viên")
        verbose_name_plural = _("đảng viên")
        ordering = ["sort_key", "id"]
        indexes = [models.Index(fields=["organization", "status"])]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.refresh_derived()
        super().save(*args, **kwargs)

    def refresh_derived(self) -> None:
        """Search and sort columns derived from the name (also used by bulk writes)."""
        self.search_name = fold(self.full_name)
        self.sort_key = name_sort_key(self.full_name)

    def get_absolute_url(self) -> str:
        return reverse("members:detail", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    def age_on(self, on: date | None = None) -> int:
        """Age in full years on `on` (today by default)."""
        on = on or timezone.localdate()
        born = self.date_of_birth
        return on.year - born.year - ((on.month, on.day) < (born.month, born.day))

    @property
    def age(self) -> int:
        return self.age_on()


class CommitteeSeat(models.Model):
    """A member's seat on a committee (secretary, deputy, member) for part of a term.

    Kept in `members` so that foreign keys point one way: organizations ← members.
    """

    committee = models.ForeignKey(
        "organizations.Committee", on_delete=models.CASCADE, related_name="seats"
    )
    member = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="seats", verbose_name=_("đảng viên")
    )
    role = models.CharField(_("chức vụ"), max_length=16, choices=SeatRole.choices)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cấp ủy viên")
        ordering = ["committee", "role", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="seat_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.member.full_name}"
