"""ADM-11: targets and results."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy

from core.views.write import ConfirmActionView

from ..exporters import ResultsExporter
from ..forms.targets import ResultsForm, TargetForm
from ..queries.targets import chart_data, results_by_child, results_for
from ..services.targets import set_target
from .common import export_query


def _breakdown_year(request, years: list[int]) -> int:
    """The year of the breakdown by subordinate organization: `?year=`, else the last
    year shown."""
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return years[-1]
    return year if 2000 <= year <= 2100 else years[-1]


def _year_links(request, years: list[int], current: int) -> list[tuple[int, str, bool]]:
    links = []
    for y in years:
        query = request.GET.copy()
        query["year"] = str(y)
        links.append((y, f"?{query.urlencode()}#by-organization", y == current))
    return links


@login_required
def results(request):
    if not request.user.has_perm("admissions.view_admissions"):
        raise Http404
    form = ResultsForm(request.GET or None, user=request.user)
    organization = form.selected_organization()
    if organization is None:
        organization = form.fields["organization"].queryset.first()
    if organization is None:
        raise Http404
    years = form.years()
    data = results_for(organization, years)
    breakdown = results_by_child(organization, _breakdown_year(request, years))
    if request.GET.get("format") == "xlsx":
        return ResultsExporter(results=data, breakdown=breakdown).response()
    return render(
        request,
        "admissions/results.html",
        {
            "form": form,
            "results": data,
            "organization": organization,
            "chart": chart_data(data),
            "breakdown": breakdown,
            "breakdown_years": _year_links(request, years, breakdown.year),
            "target_form": TargetForm(user=request.user, initial={"organization": organization}),
            "export_query": export_query(request),
        },
    )


class TargetSetView(ConfirmActionView):
    """ADM-11: a yearly or term target of an organization the user writes; the small
    form's errors and refusals come back as messages on the results page."""

    permission = "admissions.view_admissions"
    success_message = gettext_lazy("Đã lưu chỉ tiêu.")

    def permission_denied(self):
        raise Http404  # the admission pages do not show themselves to a member

    def perform(self):
        form = TargetForm(self.request.POST, user=self.request.user)
        if not form.is_valid():
            raise form.refusal()
        set_target(by=self.request.user, **form.cleaned_data)
        return reverse("admissions:results")

    def get_error_url(self):
        return reverse("admissions:results")


target_set = TargetSetView.as_view()
