"""Results of the annual review as XLSX (core.exporters) and as a DOCX report (core.documents).

Both read the same `queries.results` as the page.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.documents import DOCX_CONTENT_TYPE, DocType, render_docx
from core.exporters import INTEGER, TEXT, Column, Sheet, content_disposition, xlsx_response
from organizations.documents import header_for

__all__ = [
    "DOCX_CONTENT_TYPE",
    "content_disposition",
    "results_docx",
    "results_xlsx",
    "result_rows",
]

COLUMNS = [
    Column(gettext_lazy("Nhóm"), "group", TEXT, width=34),
    Column(gettext_lazy("Mức xếp loại"), "label", TEXT, width=40),
    Column(gettext_lazy("Viết tắt"), "abbreviation", TEXT),
    Column(gettext_lazy("Số lượng"), "count", INTEGER),
    Column(gettext_lazy("Tỷ lệ"), "share", TEXT),
    Column(gettext_lazy("Tổng số được đánh giá"), "total", INTEGER),
]


def result_rows(tables) -> list[dict]:
    rows = []
    for table in tables:
        for c in table.levels:
            rows.append(
                {
                    "group": table.title,
                    "label": c.label,
                    "abbreviation": c.abbreviation,
                    "count": c.count,
                    "share": c.share,
                    "total": table.total,
                }
            )
    return rows


def results_xlsx(r):
    org = r.organization.name
    title = _("Kết quả đánh giá, xếp loại năm %(y)s") % {"y": r.year}
    notes = [
        r.grassroots.sentence,
        r.members.sentence,
        *r.grassroots.legacy_lines,
        f"{r.rule_set.code}: {r.rule_set.document}",
    ]
    sheets = [
        Sheet(
            title,
            COLUMNS,
            result_rows([r.grassroots, r.members]),
            organization=org,
            name=_("Tổng hợp"),
            notes=notes,
        ),
        Sheet(
            _("Chi bộ theo loại hình"), COLUMNS, result_rows(r.org_by_category), organization=org
        ),
        Sheet(
            _("Đảng viên theo loại hình"),
            COLUMNS,
            result_rows(r.member_by_category),
            organization=org,
        ),
        Sheet(
            _("Theo tổ chức trực thuộc"),
            COLUMNS,
            result_rows([d["orgs"] for d in r.drill] + [d["members"] for d in r.drill]),
            organization=org,
        ),
    ]
    return xlsx_response(sheets, filename=_("Kết quả đánh giá xếp loại %(y)s.xlsx") % {"y": r.year})


def results_docx(r) -> bytes:
    doc = header_for(
        r.organization,
        doc_type=DocType.BAO_CAO,
        on=timezone.localdate(),
        summary=_("Kết quả đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm %(y)s")
        % {"y": r.year},
    )
    context = {
        "doc": doc,
        "year": r.year,
        "rule_set": f"{r.rule_set.code} ({r.rule_set.document})",
        "sentences": [r.grassroots.sentence, r.members.sentence, *r.grassroots.legacy_lines],
        "rows": result_rows([r.grassroots, r.members, *r.org_by_category, *r.member_by_category]),
    }
    return render_docx("reviews/docx/results.docx", context)
