"""Transfers due and overdue (TRF-01..02) as XLSX."""

from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exporters import DATE, INTEGER, Column, Exporter, Sheet, register
from organizations.models import Organization

from ..queries.deadlines import DeadlineRow


@register
class DeadlineExporter(Exporter):
    """The rows of the deadlines page (members.queries.deadlines.deadlines_for)."""

    identifier = "members.transfer_deadlines"
    verbose_name = gettext_lazy("Chuyển sinh hoạt đảng đến hạn và quá hạn")
    columns = [
        Column(gettext_lazy("Họ và tên"), "transfer.member.full_name", width=28),
        Column(gettext_lazy("Hình thức"), "transfer.get_kind_display"),
        Column(gettext_lazy("Nơi đi"), "transfer.from_label", width=30),
        Column(gettext_lazy("Nơi đến"), "transfer.to_label", width=30),
        Column(gettext_lazy("Việc phải làm"), "label", width=36),
        Column(gettext_lazy("Quy định"), "rule_id"),
        Column(gettext_lazy("Hạn cuối"), "due", DATE),
        Column(gettext_lazy("Số ngày làm việc còn lại"), "days_left", INTEGER),
        Column(gettext_lazy("Quá hạn"), "overdue"),
    ]

    def __init__(
        self, *, rows: list[DeadlineRow], organization: Organization | None, today: date
    ) -> None:
        self.rows: list[Any] = rows
        self.organization = organization
        self.today = today

    def sheets(self) -> Sheet:
        return Sheet(
            _("Chuyển sinh hoạt đảng đến hạn và quá hạn"),
            self.columns,
            self.rows,
            organization=self.organization.name if self.organization else None,
            made_on=self.today,
        )

    def filename(self) -> str:
        return _("Chuyển sinh hoạt đến hạn.xlsx")
