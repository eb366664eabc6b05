"""INS-02 statistics as XLSX, from the same `queries.inspection_stats` as the page."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exporters import INTEGER, TEXT, Column, Sheet, xlsx_response

COLUMNS = [
    Column(gettext_lazy("Chỉ tiêu"), lambda row: row[0], TEXT, width=60),
    Column(gettext_lazy("Số lượng"), lambda row: row[1], INTEGER),
]


def stats_xlsx(s):
    title = _("Kiểm tra, giám sát từ %(a)s đến %(b)s") % {
        "a": s.date_from.strftime("%d/%m/%Y"),
        "b": s.date_to.strftime("%d/%m/%Y"),
    }
    return xlsx_response(
        Sheet(
            title, COLUMNS, s.rows(), organization=s.organization.name, name=_("Kiểm tra, giám sát")
        ),
        filename=_("Thống kê kiểm tra giám sát.xlsx"),
    )
