"""XLSX exports of the admission screens (the same rows as the pages)."""

from django.utils.translation import gettext_lazy as _

from core.exporters import DATE, INTEGER, PERCENT, Column, Sheet, xlsx_response

DUE_COLUMNS = [
    Column(_("Họ và tên"), "name", width=28),
    Column(_("Tổ chức"), "organization", width=30),
    Column(_("Việc tiếp theo"), "step", width=40),
    Column(_("Quy định"), "rule_id", width=10),
    Column(_("Ai thực hiện"), "who", width=24),
    Column(_("Hạn cuối"), "due", DATE),
    Column(_("Căn cứ thời hạn"), "due_note", width=40),
    Column(_("Còn lại (ngày làm việc)"), "days_left", INTEGER),
    Column(_("Quá hạn"), lambda r: _("Quá hạn") if r.overdue else "", width=10),
]

RESULT_COLUMNS = [
    Column(_("Năm"), "year"),
    Column(_("Chỉ tiêu"), "target", INTEGER),
    Column(_("Cảm tình đảng"), "sympathizers", INTEGER),
    Column(_("Học lớp nhận thức"), "trained", INTEGER),
    Column(_("Kết nạp"), "admitted", INTEGER),
    Column(_("Chuyển chính thức"), "full", INTEGER),
    Column(_("Đạt chỉ tiêu"), "achievement", PERCENT),
    Column(_("Vượt (+) / chưa đạt (−) kế hoạch"), "above_plan", PERCENT),
    Column(_("Học lớp / cảm tình đảng"), "trained_rate", PERCENT),
    Column(_("Kết nạp / học lớp"), "admitted_rate", PERCENT),
    Column(_("Chuyển chính thức / kết nạp"), "full_rate", PERCENT),
]

INCOMPLETE_COLUMNS = [
    Column(_("Người vào Đảng"), "case.candidate.full_name", width=28),
    Column(_("Chi bộ"), "case.cell.name", width=30),
    Column(_("Bước hiện tại"), "case.get_stage_display", width=36),
    Column(
        _("Còn thiếu, hết hiệu lực"), lambda r: "; ".join(str(g.label) for g in r.gaps), width=80
    ),
]


def results_workbook(results, *, filename, breakdown=None):
    """The results by year, the term targets and, given `breakdown`
    (admissions.queries_results.results_by_child), the year by subordinate organization."""
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
    sheets = [
        Sheet(
            _("Kết quả phát triển đảng viên theo năm"),
            RESULT_COLUMNS,
            results.years,
            organization=results.organization.name,
        ),
        Sheet(
            _("Chỉ tiêu nhiệm kỳ"),
            [
                Column(_("Nhiệm kỳ"), "term", width=24),
                Column(_("Chỉ tiêu"), "target", INTEGER),
                Column(_("Kết nạp"), "admitted", INTEGER),
                Column(_("Đạt chỉ tiêu"), "achievement", PERCENT),
                Column(_("Vượt (+) / chưa đạt (−) kế hoạch"), "above_plan", PERCENT),
            ],
            term_rows,
            organization=results.organization.name,
        ),
    ]
    if breakdown is not None:
        sheets.append(
            Sheet(
                _("Theo tổ chức trực thuộc năm %(y)s") % {"y": breakdown.year},
                [
                    Column(_("Tổ chức trực thuộc"), "organization.name", width=40),
                    Column(_("Chỉ tiêu"), "target", INTEGER),
                    Column(_("Kết nạp"), "admitted", INTEGER),
                    Column(_("Đạt chỉ tiêu"), "achievement", PERCENT),
                    Column(_("Vượt (+) / chưa đạt (−) kế hoạch"), "above_plan", PERCENT),
                ],
                breakdown.rows,
                organization=results.organization.name,
                name=_("Theo tổ chức trực thuộc"),
            )
        )
    return xlsx_response(sheets, filename=filename)
