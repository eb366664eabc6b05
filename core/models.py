"""Shared kernel data: the public-holiday calendar that working-day deadlines use."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DayKind(models.TextChoices):
    FIXED = "fixed", _("Ngày lễ (dương lịch)")
    LUNAR_NEW_YEAR = "lunar_new_year", _("Tết Nguyên đán")
    LUNAR = "lunar", _("Ngày lễ (âm lịch)")
    COMPENSATORY = "compensatory", _("Nghỉ bù (lễ trùng ngày nghỉ hằng tuần)")
    EXTRA = "extra", _("Nghỉ thêm hoặc hoán đổi")
    WORKING_WEEKEND = "working_weekend", _("Làm bù (ngày cuối tuần đi làm)")


class PublicHoliday(models.Model):
    """One day that differs from the usual Monday–Friday working week.

    Every kind is a day off except WORKING_WEEKEND, a Saturday or Sunday worked to pay
    back a swapped day off ("hoán đổi ngày làm việc", e.g. Monday 27/01/2025 off,
    Saturday 08/02/2025 worked). Keeping both in one table keeps the calendar one list
    that an administrator edits. The rows are editable data; see core.calendar for the
    seed and its sources.
    """

    date = models.DateField(
        _("ngày"),
        unique=True,
        error_messages={"unique": _("Ngày này đã có trong lịch nghỉ lễ.")},
    )
    name = models.CharField(_("tên"), max_length=200)
    kind = models.CharField(_("loại"), max_length=20, choices=DayKind, default=DayKind.FIXED)
    note = models.CharField(
        _("ghi chú, căn cứ"),
        max_length=300,
        blank=True,
        help_text=_("Ví dụ: số văn bản thông báo lịch nghỉ."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["date"]
        verbose_name = _("ngày nghỉ lễ")
        verbose_name_plural = _("lịch nghỉ lễ")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} · {self.name}"

    @property
    def is_day_off(self) -> bool:
        return self.kind != DayKind.WORKING_WEEKEND

    def clean(self) -> None:
        super().clean()
        if self.date and self.kind == DayKind.WORKING_WEEKEND and self.date.weekday() < 5:
            raise ValidationError(
                {"kind": _("Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.")}, code="not_weekend"
            )


# core.calendar caches the table; CoreConfig.ready() connects its holidays_changed to
# post_save/post_delete of PublicHoliday and its request_started to Django's signal.


# --- Background work (imports, large reports): progress that a page polls -------------

from django.conf import settings  # noqa: E402  (appended section)


class JobState(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang xử lý")
    DONE = "done", _("Đã xong")
    FAILED = "failed", _("Lỗi")


class BackgroundJob(models.Model):
    """One piece of long work run by a django-tasks task, with its progress and report.

    `kind` names the work ("members.import"), `step` the part in progress (for an import:
    "preview" then "apply"). `result` holds the JSON report the page shows when done.
    `file_path` is an uploaded file the work reads (outside MEDIA_ROOT: never served).
    Progress written during a long transaction is also kept in a small sidecar file (see
    core.jobs), because a row updated inside that transaction is invisible to the page
    until it commits.
    """

    kind = models.CharField(_("loại công việc"), max_length=64)
    step = models.CharField(_("bước"), max_length=32, blank=True)
    state = models.CharField(
        _("tình trạng"), max_length=12, choices=JobState.choices, default=JobState.QUEUED
    )
    progress = models.PositiveIntegerField(_("đã xử lý"), default=0)
    total = models.PositiveIntegerField(_("tổng số"), default=0)
    message = models.CharField(_("thông báo"), max_length=500, blank=True)
    result = models.JSONField(_("kết quả"), default=dict, blank=True)
    file_path = models.CharField(_("tệp"), max_length=500, blank=True)
    file_name = models.CharField(_("tên tệp"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="background_jobs"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("công việc nền")
        verbose_name_plural = _("công việc nền")
        indexes = [models.Index(fields=["created_by", "kind", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.get_state_display()})"

    @property
    def is_finished(self) -> bool:
        return self.state in {JobState.DONE, JobState.FAILED}

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.state == JobState.DONE else 0
        return min(100, int(self.progress * 100 / self.total))
