"""The admission case page: steps, sponsors, closing, dossier documents and DOC-01 forms."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.scope import can_write_org
from core.audit import history_rows
from core.documents import DOCX_CONTENT_TYPE, PDF_CONTENT_TYPE
from core.exporters import content_disposition, export_xlsx
from core.findings import Finding

from .. import documents, queries, queries_certificates, services
from ..enums import STAGE_ORDER, Stage
from ..exporters import INCOMPLETE_COLUMNS
from ..forms import (
    AdvanceForm,
    CloseForm,
    DocumentForm,
    FilterForm,
    SponsorForm,
)
from ..models import CaseDocument, Sponsor
from ..services import certificates
from .common import (
    _REFUSED,
    _advance_write,
    _committee_base,
    _committee_base_response,
    _export_query,
    _flash_write,
    _form_write,
    _require_reach,
    _require_write,
    _writable_case,
)

# --- the case page ------------------------------------------------------------------------------


def _case_page(request, case, *, status=200, **forms):
    today = timezone.localdate()
    next_stage = services.next_stage(case) if case.is_open or case.stage == Stage.CEREMONY else None
    steps = {s.stage: s for s in case.steps.select_related("done_by")}
    timeline = [
        {"stage": s, "label": Stage(s).label, "step": steps.get(s), "next": s == next_stage}
        for s in services.stages_for(case)
    ]
    recorded = [
        Finding(f["rule_id"], f["severity"], f["message"])
        for s in steps.values()
        for f in s.findings
    ]
    standing = services.standing_findings(case, today) if case.is_open else []
    dossier = queries.dossier_of(case, today)
    for row in dossier:  # one small form per document, with ids of its own
        row.form = DocumentForm(auto_id=f"id_doc{row.document.pk}_%s")
    context = {
        "case": case,
        "today": today,
        "timeline": timeline,
        "next_stage": next_stage,
        "next_label": Stage(next_stage).label if next_stage else "",
        "standing": standing,
        "recorded": recorded,
        "dossier": dossier,
        "sponsors": case.sponsors.select_related("member"),
        "forms_available": documents.available_forms(case),
        "can_write": can_write_org(request.user, case.cell),
        "advance_form": forms.get("advance_form")
        or (AdvanceForm(case=case, stage=next_stage) if next_stage else None),
        "sponsor_form": forms.get("sponsor_form")
        or SponsorForm(case=case, auto_id="id_sponsor_%s"),
        "close_form": forms.get("close_form") or CloseForm(auto_id="id_close_%s"),
        "committee_base": _committee_base(  # ADM-06: who counts in the committee vote
            case.cell,
            resolved_on=case.committee_resolution_on,
            upcoming=next_stage == Stage.COMMITTEE_RESOLUTION,
            form=forms.get("advance_form"),
        ),
        "history": history_rows(case),
        # ADM-04: the certificate and where it came from (training course or typed).
        "certificate": queries_certificates.certificate_source(request.user, case, today),
    }
    return render(request, "admissions/case_detail.html", context, status=status)


@login_required
def case_detail(request, pk):
    _require_reach(request.user)
    return _case_page(request, queries.get_case_for(request.user, pk))


@login_required
@require_POST
def case_advance(request, pk):
    case = _writable_case(request, pk)
    stage = request.POST.get("stage", "")
    if stage not in STAGE_ORDER:
        raise Http404
    form = AdvanceForm(request.POST, request.FILES, case=case, stage=stage)
    success = _("Đã chuyển sang bước “%(stage)s”.") % {"stage": Stage(stage).label}
    # ADM-04: at COURSE the certificate comes from training when it is there.
    advance = certificates.advance_with_certificate
    if _advance_write(request, form, advance, case, stage, success) is not _REFUSED:
        return redirect(case)
    case.refresh_from_db()
    return _case_page(request, case, advance_form=form)


@login_required
@require_POST
def sponsor_add(request, pk):
    case = _writable_case(request, pk)
    form = SponsorForm(request.POST, case=case, auto_id="id_sponsor_%s")

    def write(data):
        return services.add_sponsor(case, by=request.user, **data)

    if _form_write(request, form, write, _("Đã thêm người giới thiệu.")) is not _REFUSED:
        return redirect(case)
    return _case_page(request, case, sponsor_form=form)


@login_required
@require_POST
def sponsor_remove(request, pk, sponsor_pk):
    case = _writable_case(request, pk)
    sponsor = get_object_or_404(Sponsor, pk=sponsor_pk, case=case)
    try:
        services.remove_sponsor(sponsor, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(case)


@login_required
@require_POST
def case_close(request, pk):
    case = _writable_case(request, pk)
    form = CloseForm(request.POST, auto_id="id_close_%s")

    def write(data):
        return services.close_case(case, by=request.user, **data)

    if _form_write(request, form, write) is not _REFUSED:
        return redirect(case)
    return _case_page(request, case, close_form=form)


@login_required
@require_POST
def document_record(request, pk):
    """Mark one dossier document received (with its scan) or missing; ADM-05, PRB-04."""
    _require_reach(request.user)
    document = get_object_or_404(CaseDocument.objects.select_related("case", "full_case"), pk=pk)
    owner = (
        queries.get_case_for(request.user, document.case_id)
        if document.case_id
        else queries.get_full_case_for(request.user, document.full_case_id)
    )
    _require_write(request.user, owner.cell if document.case_id else owner.member.organization)
    form = DocumentForm(request.POST, request.FILES)

    def write(data):
        services.record_document(document, by=request.user, **data)

    _flash_write(request, form, write, _("Đã cập nhật hồ sơ."))
    return redirect(owner)


def _document_response(form, obj, fmt, user):
    if fmt not in ("docx", "pdf"):
        raise Http404
    data = documents.render(form, obj, by=user, fmt=fmt)
    response = HttpResponse(
        data, content_type=DOCX_CONTENT_TYPE if fmt == "docx" else PDF_CONTENT_TYPE
    )
    response["Content-Disposition"] = content_disposition(documents.filename(form, obj, fmt))
    return response


@login_required
def case_committee_base(request, pk):
    """ADM-06: who counts in the committee vote on the date typed in the step form."""
    _require_reach(request.user)
    case = queries.get_case_for(request.user, pk)
    return _committee_base_response(request, case.cell, case)


@login_required
def case_document(request, pk, code, fmt):
    """6-KNĐ, 8-KNĐ, 9-KNĐ as DOCX or PDF (DOC-01), once the case has reached the stage."""
    _require_reach(request.user)
    case = queries.get_case_for(request.user, pk)
    form = {f.code: f for f in documents.available_forms(case)}.get(code)
    if form is None:
        raise Http404
    return _document_response(form, case, fmt, request.user)


@login_required
def incomplete(request):
    """ADM-05: the committee's view of dossiers missing a document due by their stage."""
    _require_reach(request.user)
    form = FilterForm(request.GET or None, user=request.user)
    organization = form.selected_organization()
    rows = queries.incomplete_dossiers_for(request.user, organization=organization)
    if request.GET.get("format") == "xlsx":
        return export_xlsx(
            title=_("Hồ sơ kết nạp chưa đầy đủ"),
            columns=INCOMPLETE_COLUMNS,
            rows=rows,
            filename=_("Hồ sơ chưa đầy đủ.xlsx"),
            organization=organization.name if organization else None,
        )
    return render(
        request,
        "admissions/incomplete.html",
        {"form": form, "rows": rows, "export_query": _export_query(request)},
    )
