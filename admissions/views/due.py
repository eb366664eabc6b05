"""The dashboard: due and overdue work of the admission cases and probation (ADM-05..09,
PRB-02..03), with its XLSX download."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from ..enums import STAGE_ORDER, Stage
from ..exporters import DueExporter
from ..forms.due import DueFilterForm
from ..queries.cases import counts_by_stage
from ..queries.due import due_rows_for
from .common import export_query


@login_required
def dashboard(request):
    if not request.user.has_perm("admissions.view_admissions"):
        raise Http404
    form = DueFilterForm(request.GET or None, user=request.user)
    organization = form.selected_organization()
    today = timezone.localdate()
    if request.GET.get("format") == "xlsx":
        return DueExporter(
            user=request.user,
            organization=organization,
            today=today,
            horizon_days=form.horizon_days(),
        ).response()
    rows = due_rows_for(
        request.user, organization=organization, today=today, horizon_days=form.horizon_days()
    )
    counts = counts_by_stage(request.user, organization)
    return render(
        request,
        "admissions/dashboard.html",
        {
            "form": form,
            "rows": rows,
            "today": today,
            "overdue_count": sum(1 for r in rows if r.overdue),
            "stage_counts": [
                (Stage(s).label, counts.get(s, 0)) for s in STAGE_ORDER if counts.get(s)
            ],
            "export_query": export_query(request),
        },
    )
