"""XLSX downloads of the admission screens (the same rows as the pages), one Exporter each:
"admissions.due" (the dashboard), "admissions.incomplete" (dossiers missing a document),
"admissions.results" (ADM-11 results by year, term targets, the year by subordinate
organization)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exporters import DATE, INTEGER, PERCENT, Column, Exporter, Sheet, register

from .queries.cases import incomplete_dossiers_for
from .queries.due import due_rows_for
from .queries.targets import Breakdown, Results

if TYPE_CHECKING:
    from accounts.scope import RequestUser
    from organizations.models import Organization

_DUE_COLUMNS = [
    Column(gettext_lazy("Họ và tên"), "name", width=28),
    Column(gettext_lazy("Tổ chức"), "organization", width=30),
    Column(gettext_lazy("Việc tiếp theo"), "step", width=40),
    Column(gettext_lazy("Quy định"), "rule_id", width=10),
    Column(gettext_lazy("Ai thực hiện"), "who", width=24),
    Column(gettext_lazy("Hạn cuối"), "due", DATE),
    Column(gettext_lazy("Căn cứ thời hạn"), "due_note", width=40),
    Column(gettext_lazy("Còn lại (ngày làm việc)"), "days_left", INTEGER),
    Column(
        gettext_lazy("Quá hạn"), lambda r: gettext_lazy("Quá hạn") if r.overdue else "", width=10
    ),
]

_RESULT_COLUMNS = [
    Column(gettext_lazy("Năm"), "year"),
    Column(gettext_lazy("Chỉ tiêu"), "target", INTEGER),
    Column(gettext_lazy("Cảm tình đảng"), "sympathizers", INTEGER),
    Column(gettext_lazy("Học lớp nhận thức"), "trained", INTEGER),
    Column(gettext_lazy("Kết nạp"), "admitted", INTEGER),
    Column(gettext_lazy("Chuyển chính thức"), "full", INTEGER),
    Column(gettext_lazy("Đạt chỉ tiêu"), "achievement", PERCENT),
    Column(gettext_lazy("Vượt (+) / chưa đạt (−) kế hoạch"), "above_plan", PERCENT),
    Column(gettext_lazy("Học lớp / cảm tình đảng"), "trained_rate", PERCENT),
    Column(gettext_lazy("Kết nạp / học lớp"), "admitted_rate", PERCENT),
    Column(gettext_lazy("Chuyển chính thức / kết nạp"), "full_rate", PERCENT),
]

_INCOMPLETE_COLUMNS = [
    Column(gettext_lazy("Người vào Đảng"), "case.candidate.full_name", width=28),
    Column(gettext_lazy("Chi bộ"), "case.cell.name", width=30),
    Column(gettext_lazy("Bước hiện tại"), "case.get_stage_display", width=36),
    Column(
        gettext_lazy("Còn thiếu, hết hiệu lực"),
        lambda r: "; ".join(str(g.label) for g in r.gaps),
        width=80,
    ),
]


_TERM_COLUMNS = [
    Column(gettext_lazy("Nhiệm kỳ"), "term", width=24),
    Column(gettext_lazy("Chỉ tiêu"), "target", INTEGER),
    Column(gettext_lazy("Kết nạp"), "admitted", INTEGER),
    Column(gettext_lazy("Đạt chỉ tiêu"), "achievement", PERCENT),
    Column(gettext_lazy("Vượt (+) / chưa đạt (−) kế hoạch"), "above_plan", PERCENT),
]

_BREAKDOWN_COLUMNS = [
    Column(gettext_lazy("Tổ chức trực thuộc"), "organization.name", width=40),
    Column(gettext_lazy("Chỉ tiêu"), "target", INTEGER),
    Column(gettext_lazy("Kết nạp"), "admitted", INTEGER),
    Column(gettext_lazy("Đạt chỉ tiêu"), "achievement", PERCENT),
    Column(gettext_lazy("Vượt (+) / chưa đạt (−) kế hoạch"), "above_plan", PERCENT),
]


@register
class DueExporter(Exporter):
    """The due and overdue work of the dashboard (admissions.queries.due.due_rows_for)."""

    identifier = "admissions.due"
    verbose_name = gettext_lazy("Phát triển đảng viên: việc đến hạn và quá hạn")
    columns = _DUE_COLUMNS

    def __init__(
        self,
        *,
        user: RequestUser,
        organization: Organization | None,
        today: date,
        horizon_days: int | None,
    ) -> None:
        self.user, self.organization = user, organization
        self.today, self.horizon_days = today, horizon_days

    def sheets(self) -> Sheet:
        rows = due_rows_for(
            self.user,
            organization=self.organization,
            today=self.today,
            horizon_days=self.horizon_days,
        )
        return Sheet(
            str(self.verbose_name),
            self.columns,
            rows,
            organization=self.organization.name if self.organization else None,
            made_on=self.today,
        )

    def filename(self) -> str:
        return _("Phát triển đảng viên đến hạn.xlsx")


@register
class IncompleteExporter(Exporter):
    """ADM-05: dossiers missing a document due by their stage (incomplete_dossiers_for)."""

    identifier = "admissions.incomplete"
    verbose_name = gettext_lazy("Hồ sơ kết nạp chưa đầy đủ")
    columns = _INCOMPLETE_COLUMNS

    def __init__(self, *, user: RequestUser, organization: Organization | None) -> None:
        self.user, self.organization = user, organization

    def sheets(self) -> Sheet:
        return Sheet(
            str(self.verbose_name),
            self.columns,
            incomplete_dossiers_for(self.user, organization=self.organization),
            organization=self.organization.name if self.organization else None,
        )

    def filename(self) -> str:
        return _("Hồ sơ chưa đầy đủ.xlsx")


@register
class ResultsExporter(Exporter):
    """ADM-11: the results by year, the term targets and the year by subordinate
    organization (admissions.queries.targets: results_for, results_by_child)."""

    identifier = "admissions.results"
    verbose_name = gettext_lazy("Kết quả phát triển đảng viên theo năm")
    columns = _RESULT_COLUMNS

    def __init__(self, *, results: Results, breakdown: Breakdown | None = None) -> None:
        self.results, self.breakdown = results, breakdown

    def sheets(self) -> list[Sheet]:
        results = self.results
        term_rows = [
            {
                "term": str(t["term"]),
                "target": t["target"],
                "admitted": t["admitted"],
                "achievement": t["achievement"],
                "above_plan": t["above_plan"],
            }
            for t in results.term_targets
        ]
        organization = results.organization.name
        sheets = [
            Sheet(str(self.verbose_name), self.columns, results.years, organization=organization),
            Sheet(_("Chỉ tiêu nhiệm kỳ"), _TERM_COLUMNS, term_rows, organization=organization),
        ]
        if self.breakdown is not None:
            sheets.append(
                Sheet(
                    _("Theo tổ chức trực thuộc năm %(y)s") % {"y": self.breakdown.year},
                    _BREAKDOWN_COLUMNS,
                    self.breakdown.rows,
                    organization=organization,
                    name=_("Theo tổ chức trực thuộc"),
                )
            )
        return sheets

    def filename(self) -> str:
        return _("Kết quả phát triển đảng viên.xlsx")
