"""STA-01 statistics pages: the tables of a subtree on a date, and their XLSX (one sheet
per table, reports.exporters.MembershipExporter). Thin views over
reports.queries.membership; an organization outside the user's reach is a 404. Read-only:
every persona that reads the organization sees the page."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from organizations.queries import get_organization_for, tree_roots_for

from ..exporters import MembershipExporter
from ..forms import StatisticsForm
from ..queries.membership import membership_tables


def first_root(user):
    """The highest organization the user reads (a 404 for someone who reads none)."""
    roots = tree_roots_for(user)
    if not roots:
        raise Http404
    return roots[0]


@login_required
def home(request):
    return redirect("reports:membership", first_root(request.user).pk)


def _form(request, org):
    data = request.GET.copy()
    data["organization"] = data.get("organization") or str(org.pk)
    return StatisticsForm(data, user=request.user)


@login_required
def membership(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    form = _form(request, org)
    picked = form.selected_organization()
    if picked is not None and picked.pk != org.pk:
        query = request.GET.copy()
        query.pop("organization", None)
        url = reverse("reports:membership", args=[picked.pk])
        return redirect(f"{url}?{query.urlencode()}" if query else url)
    on = form.statistics_date()
    return render(
        request,
        "reports/membership.html",
        {"org": org, "form": form, "on": on, "tables": membership_tables(org, on)},
    )


@login_required
def membership_export(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    on = _form(request, org).statistics_date()
    return MembershipExporter(organization=org, on=on).response()
