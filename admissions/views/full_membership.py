"""Probation and full membership (PRB-01..05): the probation list, opening the
full-membership case, its page and its DOC-01 forms."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from accounts.forms import SubtreeFilterForm
from core.audit import history_rows
from core.findings import Finding
from core.views.write import ConfirmActionView

from ..documents import resolutions
from ..enums import FullStage
from ..forms.cases import DocumentForm
from ..forms.stages import FullAdvanceForm
from ..queries.cases import (
    get_full_case_for,
    get_probationary_for,
    open_full_cases_for,
    probation_list_for,
)
from ..queries.stages import committee_base, next_stage, stages_of
from ..rules.probation import full_cell_due
from ..services.certificates import open_full_case_with_certificate
from .cases import document_response


@login_required
def probation(request):
    if not request.user.has_perm("admissions.view_admissions"):
        raise Http404
    form = SubtreeFilterForm(request.GET or None, user=request.user)
    rows = probation_list_for(
        request.user, organization=form.selected_organization(), within_days=None
    )
    return render(
        request,
        "admissions/probation.html",
        {"form": form, "rows": rows, "cases": open_full_cases_for(request.user)},
    )


class FullOpenView(ConfirmActionView):
    """PRB-01..04: open the full-membership case of a probationary member (the new-member
    course item marked from training when the member holds its certificate)."""

    permission = "admissions.open_full_case"

    def get_object(self):
        if not self.request.user.has_perm("admissions.view_admissions"):
            raise Http404
        return get_probationary_for(self.request.user, self.kwargs["member_pk"])

    def perform(self):
        return open_full_case_with_certificate(self.object, by=self.request.user)

    def get_error_url(self):
        return reverse("admissions:probation")


def full_context(request, fcase, **forms) -> dict:
    """The full-membership case page; `forms` replaces the step form with the one just
    submitted."""
    today = timezone.localdate()
    upcoming = next_stage(fcase) if fcase.is_open else None
    steps = {s.stage: s for s in fcase.steps.select_related("done_by")}
    advance_form = forms.get("advance_form")
    return {
        "fcase": fcase,
        "today": today,
        "timeline": [
            {"label": FullStage(s).label, "step": steps.get(s), "next": s == upcoming}
            for s in stages_of(fcase)
        ],
        "next_stage": upcoming,
        "recorded": [
            Finding(f["rule_id"], f["severity"], f["message"])
            for s in steps.values()
            for f in s.findings
        ],
        "dossier": [
            (d, d.status_on(today), DocumentForm(auto_id=f"id_doc{d.pk}_%s"))
            for d in fcase.documents.all()
        ],
        "forms_available": resolutions.available_full_forms(fcase),
        "can_write": request.user.has_perm("admissions.change_case", fcase),
        "advance_form": advance_form
        or (FullAdvanceForm(fcase=fcase, stage=upcoming) if upcoming else None),
        "cell_due": full_cell_due(fcase.probation_ends_on),
        "committee_base": committee_base(  # ADM-06: who counts in the committee vote
            fcase.member.organization,
            resolved_on=fcase.committee_resolution_on,
            upcoming=upcoming == FullStage.COMMITTEE_RESOLUTION,
            on=(getattr(advance_form, "cleaned_data", None) or {}).get("on"),
        ),
        "history": history_rows(fcase),
    }


@login_required
def full_detail(request, pk):
    if not request.user.has_perm("admissions.view_admissions"):
        raise Http404
    fcase = get_full_case_for(request.user, pk)
    return render(request, "admissions/full_detail.html", full_context(request, fcase))


@login_required
def full_document(request, pk, code, fmt):
    """13-KNĐ, 15-KNĐ and the decision as DOCX or PDF (DOC-01), once the case has reached
    the stage."""
    if not request.user.has_perm("admissions.view_admissions"):
        raise Http404
    fcase = get_full_case_for(request.user, pk)
    form = {f.code: f for f in resolutions.available_full_forms(fcase)}.get(code)
    if form is None:
        raise Http404
    return document_response(form, fcase, fmt, request.user)


full_open = FullOpenView.as_view()
