"""Compliance statistics pages: the table and charts for a subtree and a period, the
cells behind each figure, and the XLSX export.

Thin views over meetings.queries.statistics. The organization is read through the user's
scope (accounts.scope.org_read_filter): outside it, a 404; a member (who reads only their
own record) gets a 404 too. The same `compliance()` feeds the page and the export
(meetings.exporters.MeetingStatisticsExporter).
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts.scope import org_read_filter_or_all
from organizations.enums import CellCategory
from organizations.queries import get_organization_for, tree_roots_for

from ..exporters import MeetingStatisticsExporter
from ..forms import PeriodForm
from ..queries.statistics.base import BUCKET_LABELS, BUCKETS, NO_CATEGORY, Period
from ..queries.statistics.drilldown import cell_lines
from ..queries.statistics.periods import cut_note, default_year, last_finished_month
from ..queries.statistics.result import compliance


def _period(request) -> tuple[PeriodForm, Period, str]:
    """The period asked for, and a note when it was cut short. Months that have not ended
    are not counted (a cell cannot have held November's meeting on 23 November): for this
    year the period runs to the last finished month, as on the home page (MTG-01)."""
    data = request.GET.copy()
    data.setdefault("year", str(default_year()))
    data.setdefault("month_from", "1")
    note = ""
    year: int | None
    first: int | None
    try:
        year, first = int(data["year"]), int(data["month_from"])
    except ValueError:
        year = first = None
    last = last_finished_month(year) if year is not None else None
    if "month_to" not in data:
        data["month_to"] = str(last if last is not None and last >= (first or 1) else 12)
    elif (
        year is not None
        and last is not None
        and first is not None
        and first <= last < _int(data["month_to"])
    ):
        data["month_to"] = str(last)
        note = cut_note(year, last)
    form = PeriodForm(data)
    if not form.is_valid():
        # Fall back to the default year; the form shows what was wrong.
        return form, Period.year(default_year()), note
    return form, form.period(), note


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        return 0


def _scope(user):
    return org_read_filter_or_all(user)


def _query(period: Period, **extra) -> str:
    params = {"year": period.starts_on.year}
    if not period.is_year:
        params["month_from"] = period.starts_on.month
        params["month_to"] = period.ends_on.month
    params.update({k: v for k, v in extra.items() if v not in (None, "")})
    return urlencode(params)


@login_required
def home(request):
    roots = tree_roots_for(request.user)
    if not roots:
        raise Http404
    return redirect("meeting_stats:page", roots[0].pk)


def _chart_data(result) -> dict:
    rows = result.rows
    return {
        "labels": [r.label for r in rows],
        "buckets": [
            {
                "label": str(BUCKET_LABELS[b]),
                "data": [float(r.share(b).fraction or 0) * 100 for r in rows],
            }
            for b in BUCKETS
        ],
        "attendance": [float(r.attendance.fraction or 0) * 100 for r in rows],
        "attendance_label": _("Tỷ lệ dự sinh hoạt bình quân (%)"),
        "quarters": [q.label for q in result.quarters],
        "thematic": result.total.thematic_in(result.quarters),
        "thematic_label": _("Buổi sinh hoạt chuyên đề"),
    }


@login_required
def page(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    form, period, period_note = _period(request)
    result = compliance(org, period, within=_scope(request.user))
    query = _query(period)
    cells_url = reverse("meeting_stats:cells", args=[org.pk])
    for r in [*result.rows, result.total]:
        category = {} if r is result.total else {"category": r.category or "-"}
        r.links = {b: f"{cells_url}?{_query(period, bucket=b, **category)}" for b in BUCKETS}
        r.links["all"] = f"{cells_url}?{_query(period, **category)}"
        r.links["gap"] = f"{cells_url}?{_query(period, gap=1, **category)}"
        r.thematic_list = r.thematic_in(result.quarters)
    return render(
        request,
        "meetings/statistics/page.html",
        {
            "org": org,
            "form": form,
            "period": period,
            "period_note": period_note,
            "result": result,
            "query": query,
            "chart": _chart_data(result),
            "bucket_labels": [BUCKET_LABELS[b] for b in BUCKETS],
        },
    )


def _category_param(request) -> str | None:
    value = request.GET.get("category")
    if value is None or value == "":
        return None
    if value == "-":
        return NO_CATEGORY
    if value not in CellCategory.values:
        raise Http404
    return value


@login_required
def cells(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    form, period, _note = _period(request)
    bucket = request.GET.get("bucket", "")
    if bucket and bucket not in BUCKETS:
        raise Http404
    category = _category_param(request)
    gap = request.GET.get("gap") == "1"
    lines = cell_lines(
        org, period, within=_scope(request.user), bucket=bucket, category=category, quarter_gap=gap
    )
    filters = []
    if bucket:
        filters.append(str(BUCKET_LABELS[bucket]))
    if category is not None:
        filters.append(str(CellCategory(category).label) if category else _("Chưa phân loại"))
    if gap:
        filters.append(_("Có quý chưa sinh hoạt chuyên đề"))
    return render(
        request,
        "meetings/statistics/cells.html",
        {
            "org": org,
            "period": period,
            "lines": lines,
            "filters": filters,
            "quarters": period.quarters,
            "back": f"{reverse('meeting_stats:page', args=[org.pk])}?{_query(period)}",
        },
    )


@login_required
def export(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    _form, period, _note = _period(request)
    return MeetingStatisticsExporter(
        organization=org, period=period, within=_scope(request.user)
    ).response()
