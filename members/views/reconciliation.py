"""Quarterly reconciliation of member counts (MEM-03): page and XLSX, thin views over
members.queries.reconciliation. An organization outside the user's reach is a 404."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from organizations.queries import children_for, get_organization_for

from ..exporters.reconciliation import ReconciliationExporter
from ..forms.reconciliation import QuarterForm
from ..queries.reconciliation import reconcile
from .badges import first_root, picked_elsewhere, with_organization


@login_required
def reconciliation_home(request):
    return redirect("members:reconciliation", first_root(request.user).pk)


def _reconcile(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    form = QuarterForm(with_organization(request, org), user=request.user)
    year, quarter = form.period()
    if not form.is_valid():
        form = QuarterForm(
            initial={"year": year, "quarter": quarter, "organization": org}, user=request.user
        )
    return org, form, reconcile(org, year, quarter, list(children_for(request.user, org)))


@login_required
def reconciliation(request, org_pk):
    org, form, result = _reconcile(request, org_pk)
    if form.is_bound and (
        elsewhere := picked_elsewhere(request, form, org, "members:reconciliation")
    ):
        return elsewhere
    return render(
        request,
        "members/reconciliation/page.html",
        {"org": org, "form": form, "result": result},
    )


@login_required
def reconciliation_export(request, org_pk):
    org, _form, result = _reconcile(request, org_pk)
    return ReconciliationExporter(organization=org, result=result).response()
