"""The list of outstanding people (ADM-05): the list, a person's page, adding a person,
moving them on or off the list, the monthly review, opening the case."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.audit import history_rows
from core.pagination import paginate
from core.views.write import WriteFormView

from ..forms.candidates import (
    CandidateFilterForm,
    CandidateForm,
    OpenCaseForm,
    ReviewForm,
    StateForm,
)
from ..queries.cases import candidate_list_for, get_candidate_for
from ..queries.certificates import candidate_certificates
from ..services.candidates import CANDIDATE_FIELDS, add_candidate, add_review, set_candidate_state
from ..services.cases import open_case


@login_required
def candidate_list(request):
    if not request.user.has_perm("admissions.view_admissions"):
        raise Http404
    form = CandidateFilterForm(request.GET or None, user=request.user)
    candidates = candidate_list_for(
        request.user, organization=form.selected_organization(), state=form.state_value()
    )
    page = paginate(request, candidates)
    return render(
        request,
        "admissions/candidate_list.html",
        {"form": form, "candidates": page, "page": page},
    )


def candidate_context(request, candidate, **forms) -> dict:
    """The candidate's page: state, reviews, cases, certificates (ADM-04), history; `forms`
    replaces the page's empty forms with the one just submitted (shown with its errors)."""
    return {
        "candidate": candidate,
        "can_write": request.user.has_perm("admissions.change_candidate", candidate),
        "events": candidate.events.select_related("recorded_by"),
        "reviews": candidate.reviews.all(),
        "cases": candidate.cases.all(),
        "state_form": forms.get("state_form")
        or StateForm(candidate=candidate, auto_id="id_state_%s"),
        "review_form": forms.get("review_form") or ReviewForm(auto_id="id_review_%s"),
        "open_form": forms.get("open_form")
        or OpenCaseForm(user=request.user, auto_id="id_open_%s"),
        "history": history_rows(candidate),
        # ADM-04: the awareness course certificates recorded in training.
        "certificates": candidate_certificates(candidate),
        "today": timezone.localdate(),
    }


@login_required
def candidate_detail(request, pk):
    if not request.user.has_perm("admissions.view_admissions"):
        raise Http404
    candidate = get_candidate_for(request.user, pk)
    return render(
        request, "admissions/candidate_detail.html", candidate_context(request, candidate)
    )


class CandidateCreateView(WriteFormView):
    """Put a person on a cell's list (the cells the user writes are offered)."""

    permission = "admissions.view_admissions"
    form_class = CandidateForm
    template_name = "admissions/candidate_form.html"
    success_message = gettext_lazy("Đã thêm vào danh sách quần chúng ưu tú.")

    def permission_denied(self):
        raise Http404  # the admission pages do not show themselves to a member

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def perform(self, form):
        data = form.cleaned_data
        return add_candidate(
            by=self.request.user,
            cell=data["cell"],
            on=data["on"],
            **{k: v for k, v in data.items() if k in CANDIDATE_FIELDS},
        )


class CandidatePageFormView(WriteFormView):
    """A form of the candidate's page: POST only; refused, the page is shown again with
    the form's errors (`form_key`: the form's name on the page)."""

    permission = "admissions.change_candidate"
    template_name = "admissions/candidate_detail.html"
    http_method_names = ["post"]
    form_key = ""
    auto_id = ""

    def get_object(self):
        return get_candidate_for(self.request.user, self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "auto_id": self.auto_id}

    def get_context_data(self, **kwargs):
        return candidate_context(self.request, self.object, **{self.form_key: kwargs["form"]})


class CandidateStateView(CandidatePageFormView):
    """ADM-05: move the person on or off the list (a sympathizer gets a helper)."""

    form_class = StateForm
    form_key, auto_id = "state_form", "id_state_%s"
    success_message = gettext_lazy("Đã ghi nhận.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "candidate": self.object}

    def perform(self, form):
        data = form.cleaned_data
        set_candidate_state(
            self.object,
            data["state"],
            by=self.request.user,
            on=data["on"],
            reason=data["reason"],
            helper=data["helper"],
        )
        return self.object


class CandidateReviewView(CandidatePageFormView):
    """ADM-05: the monthly review of a sympathizer."""

    form_class = ReviewForm
    form_key, auto_id = "review_form", "id_review_%s"
    success_message = gettext_lazy("Đã ghi nhận xét.")

    def perform(self, form):
        data = form.cleaned_data
        add_review(self.object, by=self.request.user, month=data["month"], note=data["note"])
        return self.object


class CaseOpenView(CandidatePageFormView):
    """ADM-05: open the admission case (ADM-10: of a former member)."""

    form_class = OpenCaseForm
    form_key, auto_id = "open_form", "id_open_%s"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def perform(self, form):
        data = form.cleaned_data
        return open_case(
            self.object,
            by=self.request.user,
            on=data["on"],
            previous_member=data["previous_member"],
            left_on=data["left_on"],
            leaving_way=data["leaving_way"] or "",
        )


candidate_new = CandidateCreateView.as_view()
candidate_state = CandidateStateView.as_view()
candidate_review = CandidateReviewView.as_view()
case_open = CaseOpenView.as_view()
