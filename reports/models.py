"""The files of generated reports, kept and listed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ReportKind(models.TextChoices):
    ANNUAL = "annual", _("Báo cáo tổng kết công tác xây dựng Đảng năm")


def _upload_to(instance: "ReportFile", filename: str) -> str:
    return f"reports/{instance.organization_id}/{instance.year}/{filename}"


class ReportFile(models.Model):
    """One generated report of an organization's subtree for a year: DOCX, PDF and the
    XLSX annex. Files live under MEDIA_ROOT but are only served by the scoped
    reports:file view (never by a public media URL)."""

    kind = models.CharField(
        _("loại báo cáo"), max_length=16, choices=ReportKind.choices, default=ReportKind.ANNUAL
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.CASCADE,
        related_name="report_files",
        verbose_name=_("tổ chức đảng"),
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    number_line = models.CharField(_("số, ký hiệu"), max_length=64, blank=True)
    docx = models.FileField(_("tệp DOCX"), upload_to=_upload_to, max_length=300)
    pdf = models.FileField(_("tệp PDF"), upload_to=_upload_to, max_length=300)
    xlsx = models.FileField(_("phụ lục XLSX"), upload_to=_upload_to, max_length=300)
    job = models.ForeignKey(
        "core.BackgroundJob", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("người tạo"),
    )
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("tệp báo cáo")
        verbose_name_plural = _("tệp báo cáo")
        indexes = [models.Index(fields=["organization", "kind", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year} · {self.organization}"
