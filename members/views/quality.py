"""The register's data quality page and its XLSX export."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from ..exporters.quality import QualityExporter
from ..forms.quality import QualityFilterForm
from ..queries import quality


def _organization(request):
    """The chosen organization (404 outside the user's reach); the page needs some reach."""
    form = QualityFilterForm(request.GET or None, user=request.user)
    if not form.fields["organization"].queryset.exists():
        raise Http404  # the member role reads only their own record
    if form.is_bound and not form.is_valid():
        if request.GET.get("organization"):
            raise Http404
    organization = form.cleaned_data.get("organization") if form.is_bound else None
    return form, organization


@login_required
def page(request):
    form, organization = _organization(request)
    report = quality.quality_report(request.user, organization)
    return render(
        request,
        "members/quality.html",
        {
            "form": form,
            "organization": organization,
            "report": report,
            "shown": quality.SHOWN,
            "query": request.GET.urlencode(),
        },
    )


@login_required
def export(request):
    _form, organization = _organization(request)
    return QualityExporter(user=request.user, organization=organization).response()
