"""reports' downloads (core.exporters): the STA-01 membership tables of a subtree on a day,
one sheet per table, each with its total row."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exporters import INTEGER, PERCENT, Column, Exporter, Sheet, register

from .queries.membership import Row, membership_tables


def total_row(total: int) -> Row:
    return Row("total", _("Tổng số"), total, Decimal(1) if total else None)


@register
class MembershipExporter(Exporter):
    """STA-01: every table of reports.queries.membership for `organization` on `on`."""

    identifier = "reports.membership"
    verbose_name = gettext_lazy("Thống kê đảng viên (STA-01)")
    columns = [
        Column(gettext_lazy("Chỉ tiêu"), "label", width=40),
        Column(gettext_lazy("Số lượng"), "count", INTEGER),
        Column(gettext_lazy("Tỷ lệ"), "share", PERCENT),
    ]

    def __init__(self, *, organization: Any, on: date) -> None:
        self.organization = organization
        self.on = on

    def sheets(self) -> list[Sheet]:
        day = self.on.strftime("%d/%m/%Y")
        return [
            Sheet(
                _("%(title)s (đến ngày %(day)s)") % {"title": table.title, "day": day},
                self.columns,
                [*table.rows, total_row(table.total)],
                organization=self.organization.name,
                name=table.title,
            )
            for table in membership_tables(self.organization, self.on)
        ]

    def filename(self) -> str:
        return _("Thống kê đảng viên %(day)s.xlsx") % {"day": self.on.strftime("%d-%m-%Y")}
