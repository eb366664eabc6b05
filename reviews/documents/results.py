"""The results of the annual review as a DOCX report (DOC-01 header, core.documents), from
the same `queries.results.results` as the page; its template is built by `build`."""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.documents import DOCX_CONTENT_TYPE, DocType, render_docx
from core.exporters import content_disposition
from organizations.documents import header_for

from ..queries.results import Results, result_rows


def results_docx(r: Results) -> bytes:
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


def results_docx_response(r: Results) -> HttpResponse:
    """The report as a download named after the year."""
    response = HttpResponse(results_docx(r), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition(
        _("Kết quả đánh giá xếp loại %(y)s.docx") % {"y": r.year}
    )
    return response
