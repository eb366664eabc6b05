"""Users and their role assignments (user, organization, role)."""

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.text import fold

from .enums import Role


class User(AbstractUser):
    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    # Folded "username full name" (core.text.fold) for diacritic-insensitive search.
    search_name = models.CharField(max_length=300, editable=False, db_index=True, default="")

    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")

    def __str__(self) -> str:
        return self.full_name or self.username

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.refresh_derived()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"username", "full_name"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_name"}
        super().save(*args, **kwargs)

    def refresh_derived(self) -> None:
        """The search column derived from username and full name (also for bulk writes)."""
        self.search_name = fold(f"{self.username} {self.full_name}")[:300]


class RoleAssignment(models.Model):
    """A user holds a role over an organization (and, by role, its subtree)."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("tài khoản")
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.CASCADE,
        related_name="role_assignments",
        null=True,
        blank=True,
        verbose_name=_("tổ chức"),
        help_text=_("Để trống chỉ với quản trị toàn hệ thống."),
    )
    role = models.CharField(_("vai trò"), max_length=16, choices=Role.choices)
    starts_on = models.DateField(_("từ ngày"), default=timezone.localdate)
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        ordering = ["user__username", "role"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organization__isnull=False) | models.Q(role=Role.ADMIN),
                name="assignment_org_required_unless_admin",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="assignment_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        where = self.organization.name if self.organization is not None else _("toàn hệ thống")
        return f"{self.get_role_display()} — {where}"
