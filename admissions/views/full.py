"""Probation and full membership: the probation list and the full-membership case page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.scope import can_write_org
from core.audit import history_rows
from core.findings import Finding

from .. import documents, queries, services
from ..enums import FullStage
from ..forms import (
    DocumentForm,
    FilterForm,
    FullAdvanceForm,
)
from ..services import certificates
from .cases import _document_response
from .common import (
    _REFUSED,
    _advance_write,
    _committee_base,
    _committee_base_response,
    _require_reach,
    _require_write,
)

# --- probation and full membership --------------------------------------------------------------


@login_required
def probation(request):
    _require_reach(request.user)
    form = FilterForm(request.GET or None, user=request.user)
    rows = queries.probation_list_for(
        request.user, organization=form.selected_organization(), within_days=None
    )
    cases = (
        queries.full_cases_for(request.user)
        .filter(outcome="")
        .select_related("member__organization")
    )
    return render(
        request, "admissions/probation.html", {"form": form, "rows": rows, "cases": cases}
    )


@login_required
@require_POST
def full_open(request, member_pk):
    _require_reach(request.user)
    member = get_object_or_404(queries.probationary_for(request.user), pk=member_pk)
    _require_write(request.user, member.organization)
    try:
        # PRB-04: the new-member course item is marked from training when it is there.
        fcase = certificates.open_full_case_with_certificate(member, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("admissions:probation")
    return redirect(fcase)


def _full_page(request, fcase, **forms):
    today = timezone.localdate()
    next_stage = services.next_full_stage(fcase) if fcase.is_open else None
    steps = {s.stage: s for s in fcase.steps.select_related("done_by")}
    timeline = [
        {"label": FullStage(s).label, "step": steps.get(s), "next": s == next_stage}
        for s in services.full_stages_for(fcase)
    ]
    recorded = [
        Finding(f["rule_id"], f["severity"], f["message"])
        for s in steps.values()
        for f in s.findings
    ]
    context = {
        "fcase": fcase,
        "today": today,
        "timeline": timeline,
        "next_stage": next_stage,
        "recorded": recorded,
        "dossier": [
            (d, d.status_on(today), DocumentForm(auto_id=f"id_doc{d.pk}_%s"))
            for d in fcase.documents.all()
        ],
        "forms_available": documents.available_full_forms(fcase),
        "can_write": can_write_org(request.user, fcase.member.organization),
        "advance_form": forms.get("advance_form")
        or (FullAdvanceForm(fcase=fcase, stage=next_stage) if next_stage else None),
        "cell_due": services.rules.full_cell_due(fcase.probation_ends_on),
        "committee_base": _committee_base(  # ADM-06: who counts in the committee vote
            fcase.member.organization,
            resolved_on=fcase.committee_resolution_on,
            upcoming=next_stage == FullStage.COMMITTEE_RESOLUTION,
            form=forms.get("advance_form"),
        ),
        "history": history_rows(fcase),
    }
    return render(request, "admissions/full_detail.html", context)


@login_required
def full_detail(request, pk):
    _require_reach(request.user)
    return _full_page(request, queries.get_full_case_for(request.user, pk))


@login_required
@require_POST
def full_advance(request, pk):
    _require_reach(request.user)
    fcase = queries.get_full_case_for(request.user, pk)
    _require_write(request.user, fcase.member.organization)
    stage = request.POST.get("stage", "")
    if stage not in FullStage.values:
        raise Http404
    form = FullAdvanceForm(request.POST, request.FILES, fcase=fcase, stage=stage)
    if (
        _advance_write(request, form, services.advance_full, fcase, stage, _("Đã ghi nhận."))
        is not _REFUSED
    ):
        return redirect(fcase)
    fcase.refresh_from_db()
    return _full_page(request, fcase, advance_form=form)


@login_required
def full_committee_base(request, pk):
    """ADM-06: who counts in the committee vote on the date typed in the step form."""
    _require_reach(request.user)
    fcase = queries.get_full_case_for(request.user, pk)
    return _committee_base_response(request, fcase.member.organization, fcase)


@login_required
def full_document(request, pk, code, fmt):
    _require_reach(request.user)
    fcase = queries.get_full_case_for(request.user, pk)
    form = {f.code: f for f in documents.available_full_forms(fcase)}.get(code)
    if form is None:
        raise Http404
    return _document_response(form, fcase, fmt, request.user)
