"""The step of a case (ADM-05, PRB-02..03): one screen for both kinds of case, calling the
one dispatcher (admissions.services.stages.advance); and the committee-base panel of the
step form (ADM-06, htmx)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.views.write import WriteFormView

from ..enums import FullStage, Stage
from ..forms.stages import AdvanceForm, CommitteeBaseForm, FullAdvanceForm
from ..queries.cases import get_case_for, get_full_case_for
from ..queries.stages import case_organization, committee_base
from ..services.stages import advance
from .cases import case_context
from .full_membership import full_context


class StepView(WriteFormView):
    """The next step of a case from its form; refused, the case page is shown again with
    the form and the findings."""

    permission = "admissions.change_case"
    http_method_names = ["post"]
    stages: type[Stage] | type[FullStage] = Stage

    def get_form_kwargs(self):
        self.stage = self.request.POST.get("stage", "")
        if self.stage not in self.stages.values:
            raise Http404
        return {**super().get_form_kwargs(), "stage": self.stage}

    def perform(self, form):
        data = form.cleaned_data
        advance(
            self.object,
            self.stage,
            by=self.request.user,
            on=data["on"],
            document=data.get("document"),
            override_reason=data.get("override_reason") or "",
            **form.facts(),
        )
        return self.object

    def form_invalid(self, form):
        self.object.refresh_from_db()
        return super().form_invalid(form)


class CaseStepView(StepView):
    form_class = AdvanceForm
    template_name = "admissions/case_detail.html"

    def get_object(self):
        return get_case_for(self.request.user, self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "case": self.object}

    def get_success_message(self, saved):
        return _("Đã chuyển sang bước “%(stage)s”.") % {"stage": Stage(self.stage).label}

    def get_context_data(self, **kwargs):
        return case_context(self.request, self.object, advance_form=kwargs["form"])


class FullStepView(StepView):
    form_class = FullAdvanceForm
    template_name = "admissions/full_detail.html"
    stages = FullStage

    def get_object(self):
        return get_full_case_for(self.request.user, self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "fcase": self.object}

    def get_success_message(self, saved):
        return _("Đã ghi nhận.")

    def get_context_data(self, **kwargs):
        return full_context(self.request, self.object, advance_form=kwargs["form"])


def committee_base_panel(request, case):
    """ADM-06: the committee-base panel for the date typed in the step form (htmx)."""
    form = CommitteeBaseForm(request.GET)
    base = committee_base(case_organization(case), upcoming=True, on=form.day())
    return render(request, "admissions/_committee_base.html", {"base": base, "obj": case})


@login_required
def case_committee_base(request, pk):
    """ADM-06: who counts in the committee vote on the date typed in the step form."""
    if not request.user.has_perm("admissions.view_admissions"):
        raise Http404
    return committee_base_panel(request, get_case_for(request.user, pk))


@login_required
def full_committee_base(request, pk):
    """ADM-06: who counts in the committee vote on the date typed in the step form."""
    if not request.user.has_perm("admissions.view_admissions"):
        raise Http404
    return committee_base_panel(request, get_full_case_for(request.user, pk))


case_advance = CaseStepView.as_view()
full_advance = FullStepView.as_view()
