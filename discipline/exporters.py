"""INS-02 statistics as XLSX, from the same `queries.inspection_stats` as the page."""

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exporters import INTEGER, TEXT, Column, Exporter, Sheet, register
from organizations.models import Organization

from .queries import inspection_stats


@register
class InspectionStatsExporter(Exporter):
    """INS-02 of a subtree over a period: one row per figure (label, count)."""

    identifier = "discipline.inspection_stats"
    verbose_name = gettext_lazy("Kiểm tra, giám sát")
    columns = [
        Column(gettext_lazy("Chỉ tiêu"), lambda row: row[0], TEXT, width=60),
        Column(gettext_lazy("Số lượng"), lambda row: row[1], INTEGER),
    ]

    def __init__(self, *, organization: Organization, date_from: date, date_to: date):
        self.organization = organization
        self.date_from = date_from
        self.date_to = date_to

    def sheets(self) -> Sheet:
        stats = inspection_stats(self.organization, self.date_from, self.date_to)
        title = _("Kiểm tra, giám sát từ %(a)s đến %(b)s") % {
            "a": self.date_from.strftime("%d/%m/%Y"),
            "b": self.date_to.strftime("%d/%m/%Y"),
        }
        return Sheet(
            title,
            self.columns,
            stats.rows(),
            organization=self.organization.name,
            name=str(self.verbose_name),
        )

    def filename(self) -> str:
        return _("Thống kê kiểm tra giám sát.xlsx")
