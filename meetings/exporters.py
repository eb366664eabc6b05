"""XLSX downloads of the meetings app, next to the queries they call."""

from collections.abc import Callable, Sequence
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exporters import INTEGER, PERCENT, Column, Exporter, Sheet, register
from organizations.models import Organization

from .queries.statistics.base import BUCKET_LABELS, BUCKETS, Period, Quarter
from .queries.statistics.drilldown import cell_lines
from .queries.statistics.result import compliance

# Column accessors, one per bucket or quarter (a function each: no late-binding loop variable).


def bucket_count(bucket: str) -> Callable[[Any], Any]:
    return lambda r: r.buckets[bucket]


def bucket_share(bucket: str) -> Callable[[Any], Any]:
    return lambda r: r.share(bucket).fraction


def thematic_in(quarters: Sequence[Quarter], i: int) -> Callable[[Any], Any]:
    return lambda r: r.thematic_in(quarters)[i]


def thematic(i: int) -> Callable[[Any], Any]:
    return lambda r: r.thematic[i]


def summary_columns(quarters: Sequence[Quarter]) -> list[Column]:
    """The table by cell category and in total (the sheet "Tổng hợp")."""
    columns = [
        Column(_("Loại hình chi bộ"), "label", width=28),
        Column(_("Số chi bộ"), "cells", INTEGER),
    ]
    for bucket in BUCKETS:
        label = str(BUCKET_LABELS[bucket])
        columns += [
            Column(label, bucket_count(bucket), INTEGER),
            Column(_("Tỷ lệ %(b)s") % {"b": label}, bucket_share(bucket), PERCENT),
        ]
    for i, quarter in enumerate(quarters):
        columns.append(
            Column(
                _("Chuyên đề %(q)s") % {"q": quarter.label},
                thematic_in(quarters, i),
                INTEGER,
            )
        )
    columns += [
        Column(_("Chi bộ có quý không sinh hoạt chuyên đề"), "quarter_gap", INTEGER),
        Column(_("Tỷ lệ dự sinh hoạt bình quân"), lambda r: r.attendance.fraction, PERCENT),
        Column(_("Buổi sinh hoạt có trên 85% dự"), "meetings_on_target", INTEGER),
        Column(_("Tỷ lệ buổi trên 85%"), lambda r: r.meetings_target.fraction, PERCENT),
        Column(_("Chi bộ đạt trên 85%"), "cells_on_target", INTEGER),
        Column(_("Tỷ lệ chi bộ đạt trên 85%"), lambda r: r.cells_target.fraction, PERCENT),
        Column(_("Lượt vắng không lý do"), "unexcused", INTEGER),
    ]
    return columns


def cell_columns(quarters: Sequence[Quarter]) -> list[Column]:
    """One line per cell (the sheet "Chi bộ")."""
    columns = [
        Column(_("Chi bộ"), "organization.name", width=36),
        Column(_("Loại hình"), "category_label", width=22),
        Column(_("Số kỳ sinh hoạt định kỳ"), "months_held", INTEGER),
        Column(_("Số tháng phải sinh hoạt"), "expected", INTEGER),
        Column(_("Nhóm"), "bucket_label", width=22),
    ]
    for i, quarter in enumerate(quarters):
        columns.append(Column(_("Chuyên đề %(q)s") % {"q": quarter.label}, thematic(i), INTEGER))
    columns += [
        Column(_("Tỷ lệ dự sinh hoạt"), lambda r: r.attendance.fraction, PERCENT),
    ]
    return columns


@register
class MeetingStatisticsExporter(Exporter):
    """The compliance statistics of a subtree for a period (MTG-01, MTG-02, MTG-03): the
    table by cell category, then the cells; the same `compliance()` as the page. The
    columns follow the quarters of the period (`summary_columns`, `cell_columns`)."""

    identifier = "meetings.statistics"
    verbose_name = gettext_lazy("Thống kê sinh hoạt chi bộ")

    def __init__(self, *, organization: Organization, period: Period, within: Q | None) -> None:
        self.organization = organization
        self.period = period
        self.within = within
        self.columns = summary_columns(period.quarters)

    def sheets(self) -> list[Sheet]:
        org, period = self.organization, self.period
        result = compliance(org, period, within=self.within)
        quarters = result.quarters
        notes = [
            _(
                "Tỷ lệ dự sinh hoạt: số có mặt trên số phải dự (không tính đảng viên được miễn, "
                "sinh hoạt tạm thời, và đảng viên lực lượng vũ trang làm nhiệm vụ đặc biệt vắng "
                "mặt)."
            ),
            _("Đạt chỉ tiêu: trên 85% (đúng 85% chưa đạt), theo HD 12-HD/BTCTW."),
        ]
        return [
            Sheet(
                _("Sinh hoạt chi bộ: %(p)s") % {"p": period.label},
                summary_columns(quarters),
                [*result.rows, result.total],
                organization=org.name,
                name=_("Tổng hợp"),
                notes=notes,
            ),
            Sheet(
                _("Danh sách chi bộ: %(p)s") % {"p": period.label},
                cell_columns(quarters),
                cell_lines(org, period, within=self.within),
                organization=org.name,
                name=_("Chi bộ"),
            ),
        ]

    def filename(self) -> str:
        return _("Thong ke sinh hoat chi bo.xlsx")
