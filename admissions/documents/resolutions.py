"""The documents of the admission work (DOC-01), DOCX and PDF, from the case data.

- 6-KNĐ: the cell's resolution proposing the admission (issued by the cell);
- 8-KNĐ: the grassroots committee's resolution (issued by the đảng ủy cơ sở);
- 9-KNĐ: the admission decision (issued by the competent committee);
- 13-KNĐ: the cell's resolution on full membership (or strike-off);
- 15-KNĐ: the grassroots committee's resolution on full membership (PRB-04; issued by the
  đảng ủy cơ sở, its vote judged on the register's committee, ADM-06);
- the decision recognising full membership (or striking the name off).

Numbers come from organizations.services.numbering.next_number with `ref` the case ("same ref,
same number": a document downloaded again keeps its number), headers from
organizations.documents.header_for. The DOCX templates are built by `build_all()`
(`python -m admissions.documents.build`) with core.docx_builder.TemplateBuilder.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from core.documents import DocType, render_docx, render_pdf
from members.enums import SeatRole
from members.models import CommitteeSeat
from organizations.documents import header_for
from organizations.services.numbering import next_number

from ..enums import STAGE_ORDER, FullStage, Proposal, Stage
from ..models import AdmissionCase, FullMembershipCase
from ..queries.stages import decision_body, grassroots_of


@dataclass(frozen=True)
class Form:
    code: str  # in URLs
    label: StrOrPromise
    template: str
    doc_type: str
    summary: str
    full: bool = False  # a FullMembershipCase document


FORMS = {
    "6-knd": Form(
        "6-knd",
        "Nghị quyết đề nghị kết nạp đảng viên (6-KNĐ)",
        "cell_resolution",
        DocType.NGHI_QUYET,
        "Đề nghị kết nạp đảng viên",
    ),
    "8-knd": Form(
        "8-knd",
        "Nghị quyết của đảng ủy cơ sở (8-KNĐ)",
        "committee_resolution",
        DocType.NGHI_QUYET,
        "Đề nghị kết nạp đảng viên",
    ),
    "9-knd": Form(
        "9-knd",
        "Quyết định kết nạp đảng viên (9-KNĐ)",
        "decision",
        DocType.QUYET_DINH,
        "Về việc kết nạp đảng viên",
    ),
    "13-knd": Form(
        "13-knd",
        "Nghị quyết đề nghị công nhận đảng viên chính thức (13-KNĐ)",
        "full_cell_resolution",
        DocType.NGHI_QUYET,
        "Đề nghị công nhận đảng viên chính thức",
        full=True,
    ),
    "15-knd": Form(
        "15-knd",
        _("Nghị quyết của đảng ủy cơ sở đề nghị công nhận đảng viên chính thức (15-KNĐ)"),
        "full_committee_resolution",
        DocType.NGHI_QUYET,
        "Đề nghị công nhận đảng viên chính thức",
        full=True,
    ),
    "qd-chinh-thuc": Form(
        "qd-chinh-thuc",
        "Quyết định công nhận đảng viên chính thức",
        "full_decision",
        DocType.QUYET_DINH,
        "Về việc công nhận đảng viên chính thức",
        full=True,
    ),
}


def available_forms(case: AdmissionCase) -> list[Form]:
    """The admission documents the case's stage allows (ADM-05 order)."""
    reached = STAGE_ORDER.index(case.stage)
    out = []
    if reached >= STAGE_ORDER.index(Stage.CELL_RESOLUTION):
        out.append(FORMS["6-knd"])
    if case.committee_resolution_on and reached >= STAGE_ORDER.index(Stage.COMMITTEE_RESOLUTION):
        out.append(FORMS["8-knd"])
    if reached >= STAGE_ORDER.index(Stage.DECISION):
        out.append(FORMS["9-knd"])
    return out


def available_full_forms(fcase: FullMembershipCase) -> list[Form]:
    out = []
    if fcase.cell_resolution_on:
        out.append(FORMS["13-knd"])
    if fcase.committee_resolution_on:
        out.append(FORMS["15-knd"])  # PRB-04
    if fcase.stage == FullStage.DECISION:
        out.append(FORMS["qd-chinh-thuc"])
    return out


def secretary_name(organization, on) -> str:
    """The name of the organization's secretary seated on `on` ("" when unknown)."""
    seat = (
        CommitteeSeat.objects.filter(
            committee__organization=organization, role=SeatRole.SECRETARY, starts_on__lte=on
        )
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .select_related("member")
        .order_by("-starts_on")
        .first()
    )
    return seat.member.full_name if seat else ""


def _context(form: Form, obj, *, by) -> dict:
    """The DOC-01 header (numbered) and the data of one document."""
    if form.full:
        fcase = obj
        cell = fcase.member.organization
        if form.code == "13-knd":
            issuer, on = cell, fcase.cell_resolution_on
        elif form.code == "15-knd":
            issuer, on = grassroots_of(cell), fcase.committee_resolution_on
        else:
            issuer, on = decision_body(cell), fcase.decision_on
        ref = f"admissions.FullMembershipCase:{fcase.pk}"
        summary = form.summary
        if fcase.proposal == Proposal.STRIKE_OFF:
            summary = (
                "Đề nghị xóa tên đảng viên dự bị"
                if form.code in ("13-knd", "15-knd")
                else "Về việc xóa tên đảng viên dự bị"
            )
    else:
        case = obj
        cell = case.cell
        issuer, on = {
            "6-knd": (cell, case.cell_resolution_on),
            "8-knd": (grassroots_of(cell), case.committee_resolution_on),
            "9-knd": (decision_body(cell), case.decision_on),
        }[form.code]
        ref = f"admissions.AdmissionCase:{case.pk}"
        summary = form.summary
    number = next_number(issuer, form.doc_type, on, by=by, title=summary, ref=ref)
    doc = header_for(
        issuer,
        number=number,
        summary=summary,
        signer_name=secretary_name(issuer, on),
        recipients=_recipients(form, issuer, cell),
    )
    context = {"doc": doc, "cell": cell, "issuer": issuer, "superior": decision_body(cell)}
    if form.full:
        fcase = obj
        context.update(
            fcase=fcase,
            member=fcase.member,
            strike_off=fcase.proposal == Proposal.STRIKE_OFF,
            rate=(fcase.votes_for / fcase.vote_base) if fcase.vote_base else None,
            committee_rate=(
                fcase.committee_for / fcase.committee_size
                if fcase.committee_size and fcase.committee_for is not None
                else None
            ),
            grassroots=grassroots_of(cell),
        )
    else:
        case = obj
        context.update(
            case=case,
            person=case.candidate,
            rate=(case.votes_for / case.vote_base) if case.vote_base else None,
            committee_rate=(
                case.committee_for / case.committee_size
                if case.committee_size and case.committee_for is not None
                else None
            ),
            grassroots=grassroots_of(cell),
        )
    return context


def _recipients(form: Form, issuer, cell) -> list[str]:
    if issuer.pk == cell.pk:
        return ["Cấp ủy cấp trên (b/c)", "Lưu hồ sơ"]
    return [cell.name, "Như Điều 3" if form.doc_type == DocType.QUYET_DINH else "", "Lưu"]


def render(form: Form, obj, *, by, fmt: str) -> bytes:
    context = _context(form, obj, by=by)
    if fmt == "docx":
        return render_docx(f"admissions/docx/{form.template}.docx", context)
    return render_pdf(f"admissions/pdf/{form.template}.html", context)


def filename(form: Form, obj, fmt: str) -> str:
    name = obj.member.full_name if form.full else obj.candidate.full_name
    return f"{form.code.upper()} {name}.{fmt}"
