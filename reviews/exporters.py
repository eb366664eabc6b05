"""Results of the annual review as XLSX (core.exporters), from the same
`queries.results.results` as the page."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exporters import INTEGER, PERCENT, TEXT, Column, Exporter, Sheet, register
from organizations.models import Organization

from .queries.results import result_rows, results


@register
class ResultsExporter(Exporter):
    """REV-06 of a subtree and year: the summary (with the sentences the report prints),
    cells and members by category, and the drill-down into the organizations below."""

    identifier = "reviews.results"
    verbose_name = gettext_lazy("Kết quả đánh giá, xếp loại")
    columns = [
        Column(gettext_lazy("Nhóm"), "group", TEXT, width=34),
        Column(gettext_lazy("Mức xếp loại"), "label", TEXT, width=40),
        Column(gettext_lazy("Viết tắt"), "abbreviation", TEXT),
        Column(gettext_lazy("Số lượng"), "count", INTEGER),
        Column(gettext_lazy("Tỷ lệ"), "fraction", PERCENT, number_format="0.0%"),
        Column(gettext_lazy("Tổng số được đánh giá"), "total", INTEGER),
    ]

    def __init__(self, *, organization: Organization, year: int):
        self.organization = organization
        self.year = year

    def sheets(self) -> list[Sheet]:
        r = results(self.organization, self.year)
        org = r.organization.name
        title = _("Kết quả đánh giá, xếp loại năm %(y)s") % {"y": r.year}
        notes = [
            r.grassroots.sentence,
            r.members.sentence,
            *r.grassroots.legacy_lines,
            f"{r.rule_set.code}: {r.rule_set.document}",
        ]
        return [
            Sheet(
                title,
                self.columns,
                result_rows([r.grassroots, r.members]),
                organization=org,
                name=_("Tổng hợp"),
                notes=notes,
            ),
            Sheet(
                _("Chi bộ theo loại hình"),
                self.columns,
                result_rows(r.org_by_category),
                organization=org,
            ),
            Sheet(
                _("Đảng viên theo loại hình"),
                self.columns,
                result_rows(r.member_by_category),
                organization=org,
            ),
            Sheet(
                _("Theo tổ chức trực thuộc"),
                self.columns,
                result_rows([d["orgs"] for d in r.drill] + [d["members"] for d in r.drill]),
                organization=org,
            ),
        ]

    def filename(self) -> str:
        return _("Kết quả đánh giá xếp loại %(y)s.xlsx") % {"y": self.year}
