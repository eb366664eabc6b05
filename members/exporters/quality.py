"""The register's data quality report as XLSX: one sheet per list."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exporters import DATE, INTEGER, Column, Exporter, Sheet, register
from organizations.models import Organization

from ..queries import quality

MEMBER_COLUMNS = [
    Column(gettext_lazy("Họ và tên"), "full_name", width=28),
    Column(gettext_lazy("Ngày sinh"), "date_of_birth", DATE),
    Column(gettext_lazy("Sinh hoạt tại"), "organization.name", width=32),
    Column(gettext_lazy("Trạng thái"), "get_status_display"),
]


@register
class QualityExporter(Exporter):
    """Members without a citizen ID, likely duplicates, impossible dates, and cells under
    three full members (ORG-02), of one subtree or all the user reaches."""

    identifier = "members.quality"
    verbose_name = gettext_lazy("Chất lượng dữ liệu đảng viên")
    columns = MEMBER_COLUMNS

    def __init__(self, *, user: Any, organization: Organization | None) -> None:
        self.user = user
        self.organization = organization

    def sheets(self) -> list[Sheet]:
        members = quality.scoped_members(self.user, self.organization)
        label = self.organization.name if self.organization else None
        return [
            Sheet(_("Chưa có số CCCD"), MEMBER_COLUMNS, quality.without_citizen_id(members), label),
            Sheet(
                _("Có thể trùng lặp"),
                [*MEMBER_COLUMNS, Column(gettext_lazy("Số CCCD"), "citizen_id")],
                quality.likely_duplicates(members),
                label,
                notes=[_("Cùng họ tên (không dấu) và ngày sinh.")],
            ),
            Sheet(
                _("Ngày tháng bất hợp lý"),
                [
                    *MEMBER_COLUMNS,
                    Column(gettext_lazy("Ngày vào Đảng"), "admitted_on", DATE),
                    Column(gettext_lazy("Ngày chính thức"), "full_member_on", DATE),
                    Column(
                        gettext_lazy("Vấn đề"),
                        lambda m: "; ".join(quality.date_problem_labels(m)),
                        width=50,
                    ),
                ],
                quality.impossible_dates(members),
                label,
            ),
            Sheet(
                _("Chi bộ dưới 3 đảng viên chính thức"),
                [
                    Column(gettext_lazy("Chi bộ"), "name", width=40),
                    Column(gettext_lazy("Mã"), "code"),
                    Column(gettext_lazy("Số đảng viên chính thức"), "full_members", INTEGER),
                ],
                quality.small_cells(self.user, self.organization),
                label,
                name=_("Chi bộ dưới 3 ĐV chính thức"),
                notes=[_("ORG-02: chi bộ cần ít nhất 3 đảng viên chính thức.")],
            ),
        ]

    def filename(self) -> str:
        return _("Chất lượng dữ liệu đảng viên.xlsx")
