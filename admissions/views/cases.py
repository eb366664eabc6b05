"""The admission case page: steps, sponsors, closing, dossier documents, DOC-01 forms, and
the dossiers still incomplete (ADM-05)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy

from accounts.forms import SubtreeFilterForm
from core.audit import history_rows
from core.documents import DOCX_CONTENT_TYPE, PDF_CONTENT_TYPE
from core.exporters import content_disposition
from core.findings import Finding
from core.views.write import ConfirmActionView, WriteFormView

from ..documents import resolutions
from ..enums import Stage
from ..exporters import IncompleteExporter
from ..forms.cases import CloseForm, DocumentForm, SponsorForm
from ..forms.stages import AdvanceForm
from ..queries.cases import (
    dossier_of,
    get_case_for,
    get_document_for,
    get_sponsor_for,
    incomplete_dossiers_for,
)
from ..queries.certificates import certificate_source
from ..queries.stages import committee_base, next_stage, stages_of, standing_findings
from ..services.cases import add_sponsor, close_case, record_document, remove_sponsor
from .common import export_query


def case_context(request, case, **forms) -> dict:
    """The case page: the timeline of stages, the findings, the dossier, the sponsors, the
    forms; `forms` replaces the page's empty forms with the one just submitted."""
    today = timezone.localdate()
    upcoming = next_stage(case) if case.is_open or case.stage == Stage.CEREMONY else None
    steps = {s.stage: s for s in case.steps.select_related("done_by")}
    timeline = [
        {"stage": s, "label": Stage(s).label, "step": steps.get(s), "next": s == upcoming}
        for s in stages_of(case)
    ]
    recorded = [
        Finding(f["rule_id"], f["severity"], f["message"])
        for s in steps.values()
        for f in s.findings
    ]
    dossier = dossier_of(case, today)
    for row in dossier:  # one small form per document, with ids of its own
        row.form = DocumentForm(auto_id=f"id_doc{row.document.pk}_%s")
    advance_form = forms.get("advance_form")
    return {
        "case": case,
        "today": today,
        "timeline": timeline,
        "next_stage": upcoming,
        "next_label": Stage(upcoming).label if upcoming else "",
        "standing": standing_findings(case, today) if case.is_open else [],
        "recorded": recorded,
        "dossier": dossier,
        "sponsors": case.sponsors.select_related("member"),
        "forms_available": resolutions.available_forms(case),
        "can_write": request.user.has_perm("admissions.change_case", case),
        "advance_form": advance_form
        or (AdvanceForm(case=case, stage=upcoming) if upcoming else None),
        "sponsor_form": forms.get("sponsor_form")
        or SponsorForm(case=case, auto_id="id_sponsor_%s"),
        "close_form": forms.get("close_form") or CloseForm(auto_id="id_close_%s"),
        "committee_base": committee_base(  # ADM-06: who counts in the committee vote
            case.cell,
            resolved_on=case.committee_resolution_on,
            upcoming=upcoming == Stage.COMMITTEE_RESOLUTION,
            on=(getattr(advance_form, "cleaned_data", None) or {}).get("on"),
        ),
        "history": history_rows(case),
        # ADM-04: the certificate and where it came from (training course or typed).
        "certificate": certificate_source(request.user, case, today),
    }


@login_required
def case_detail(request, pk):
    if not request.user.has_perm("admissions.view_admissions"):
        raise Http404
    case = get_case_for(request.user, pk)
    return render(request, "admissions/case_detail.html", case_context(request, case))


class CasePageFormView(WriteFormView):
    """A form of the case page: POST only; refused, the page is shown again with the
    form's errors (`form_key`: the form's name on the page)."""

    permission = "admissions.change_case"
    template_name = "admissions/case_detail.html"
    http_method_names = ["post"]
    form_key = ""
    auto_id = ""

    def get_object(self):
        return get_case_for(self.request.user, self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "auto_id": self.auto_id}

    def get_context_data(self, **kwargs):
        return case_context(self.request, self.object, **{self.form_key: kwargs["form"]})


class SponsorAddView(CasePageFormView):
    """ADM-03: a sponsor of the case."""

    form_class = SponsorForm
    form_key, auto_id = "sponsor_form", "id_sponsor_%s"
    success_message = gettext_lazy("Đã thêm người giới thiệu.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "case": self.object}

    def perform(self, form):
        add_sponsor(self.object, by=self.request.user, **form.cleaned_data)
        return self.object


class CaseCloseView(CasePageFormView):
    """Close the case without admission (refused, withdrawn)."""

    form_class = CloseForm
    form_key, auto_id = "close_form", "id_close_%s"

    def perform(self, form):
        return close_case(self.object, by=self.request.user, **form.cleaned_data)


class SponsorRemoveView(ConfirmActionView):
    """ADM-03: a sponsor taken off the case (before the cell's resolution)."""

    permission = "admissions.change_case"

    def get_object(self):
        return get_sponsor_for(self.request.user, self.kwargs["pk"], self.kwargs["sponsor_pk"])

    def has_permission(self, obj):
        return self.request.user.has_perm(self.permission, obj.case)

    def perform(self):
        remove_sponsor(self.object, by=self.request.user)
        return self.object.case

    def get_error_url(self):
        return self.object.case.get_absolute_url()


class DocumentRecordView(ConfirmActionView):
    """ADM-05, PRB-04: one dossier document marked received (with its scan) or missing;
    the small form's errors and refusals come back as messages on the case page."""

    permission = "admissions.change_case"
    success_message = gettext_lazy("Đã cập nhật hồ sơ.")

    def get_object(self):
        if not self.request.user.has_perm("admissions.view_admissions"):
            raise Http404
        return get_document_for(self.request.user, self.kwargs["pk"])

    def owner(self):
        return self.object.case if self.object.case_id else self.object.full_case

    def has_permission(self, obj):
        return self.request.user.has_perm(self.permission, self.owner())

    def perform(self):
        form = DocumentForm(self.request.POST, self.request.FILES)
        if not form.is_valid():
            raise form.refusal()
        record_document(self.object, by=self.request.user, **form.cleaned_data)
        return self.owner().get_absolute_url()

    def get_error_url(self):
        return self.owner().get_absolute_url()


def document_response(form, obj, fmt: str, user) -> HttpResponse:
    """A DOC-01 form of a case as DOCX or PDF (404 for another format)."""
    if fmt not in ("docx", "pdf"):
        raise Http404
    data = resolutions.render(form, obj, by=user, fmt=fmt)
    response = HttpResponse(
        data, content_type=DOCX_CONTENT_TYPE if fmt == "docx" else PDF_CONTENT_TYPE
    )
    response["Content-Disposition"] = content_disposition(resolutions.filename(form, obj, fmt))
    return response


@login_required
def case_document(request, pk, code, fmt):
    """6-KNĐ, 8-KNĐ, 9-KNĐ as DOCX or PDF (DOC-01), once the case has reached the stage."""
    if not request.user.has_perm("admissions.view_admissions"):
        raise Http404
    case = get_case_for(request.user, pk)
    form = {f.code: f for f in resolutions.available_forms(case)}.get(code)
    if form is None:
        raise Http404
    return document_response(form, case, fmt, request.user)


@login_required
def incomplete(request):
    """ADM-05: the committee's view of dossiers missing a document due by their stage."""
    if not request.user.has_perm("admissions.view_admissions"):
        raise Http404
    form = SubtreeFilterForm(request.GET or None, user=request.user)
    organization = form.selected_organization()
    if request.GET.get("format") == "xlsx":
        return IncompleteExporter(user=request.user, organization=organization).response()
    rows = incomplete_dossiers_for(request.user, organization=organization)
    return render(
        request,
        "admissions/incomplete.html",
        {"form": form, "rows": rows, "export_query": export_query(request)},
    )


sponsor_add = SponsorAddView.as_view()
sponsor_remove = SponsorRemoveView.as_view()
case_close = CaseCloseView.as_view()
document_record = DocumentRecordView.as_view()
