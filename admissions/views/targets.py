"""ADM-11: targets and results."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import queries, services
from ..exporters import results_workbook
from ..forms import (
    ResultsForm,
    TargetForm,
)
from ..queries_results import results_by_child
from .common import _export_query, _flash_write, _require_reach

# --- ADM-11: targets and results ----------------------------------------------------------------


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
    _require_reach(request.user)
    form = ResultsForm(request.GET or None, user=request.user)
    organization = form.selected_organization()
    if organization is None:
        organization = form.fields["organization"].queryset.first()
    if organization is None:
        raise Http404
    years = form.years()
    data = queries.results_for(organization, years)
    breakdown = results_by_child(organization, _breakdown_year(request, years))
    if request.GET.get("format") == "xlsx":
        return results_workbook(
            data, filename=_("Kết quả phát triển đảng viên.xlsx"), breakdown=breakdown
        )
    return render(
        request,
        "admissions/results.html",
        {
            "form": form,
            "results": data,
            "organization": organization,
            "chart": queries.chart_data(data),
            "breakdown": breakdown,
            "breakdown_years": _year_links(request, years, breakdown.year),
            "target_form": TargetForm(user=request.user, initial={"organization": organization}),
            "export_query": _export_query(request),
        },
    )


@login_required
@require_POST
def target_set(request):
    _require_reach(request.user)
    form = TargetForm(request.POST, user=request.user)

    def write(data):
        services.set_target(by=request.user, **data)

    _flash_write(request, form, write, _("Đã lưu chỉ tiêu."))
    return redirect("admissions:results")
