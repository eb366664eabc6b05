"""Transfers due and overdue (TRF-01..02) as XLSX."""

from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.exporters import DATE, INTEGER, Column, Exporter, Sheet, register
from organizations.models import Organization

from ..queries.deadlines import DeadlineRow


@register
class DeadlineExporter(Exporter):
    """The rows of the deadlines page (members.queries.deadlines.deadlines_for)."""

    identifier = "members.transfer_deadlines"
    verbose_name = _lazy("Chuyển sinh hoạt đảng đến hạn và quá hạn")
    columns = [
        Column(_lazy("Họ và tên"), "transfer.member.full_name", width=28),
        Column(_lazy("Hình thức"), "transfer.get_kind_display"),
        Column(_lazy("Nơi đi"), "transfer.from_label", width=30),
        Column(_lazy("Nơi đến"), "transfer.to_label", width=30),
        Column(_lazy("Việc phải làm"), "label", width=36),
        Column(_lazy("Quy định"), "rule_id"),
        Column(_lazy("Hạn cuối"), "due", DATE),
        Column(_lazy("Số ngày làm việc còn lại"), "days_left", INTEGER),
        Column(_lazy("Quá hạn"), "overdue"),
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
