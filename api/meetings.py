"""Cell-meeting compliance statistics of a subtree (MTG-01..03, EXM-02).

The same `meetings.queries.statistics.result.compliance()` the statistics page, its XLSX export and the
annual report call, with the same period and the same scope: the organization is read
through organizations.queries (404 outside the user's reach; a member, who reads only
their own record, gets a 404), and only the cells the user may read are counted.
"""

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from accounts.scope import org_read_filter_or_all
from meetings.queries.statistics.base import BUCKET_LABELS, BUCKETS, Share
from meetings.queries.statistics.periods import default_year, year_so_far
from meetings.queries.statistics.result import compliance
from organizations.queries import get_organization_for

from .schemas import MeetingStatisticsOut

router = Router(tags=["meetings"])

FIRST_YEAR, LAST_YEAR = 1930, 2100


class StatisticsQuery(Schema):
    year: int | None = None


def share(s: Share) -> dict:
    fraction = s.fraction
    return {
        "n": s.n,
        "of": s.of,
        "fraction": None if fraction is None else float(fraction),
        "text": s.text,
    }


def row(r, quarters) -> dict:
    return {
        "category": r.category,
        "label": str(r.label),
        "cells": r.cells,
        "buckets": [
            {
                "key": b,
                "label": str(BUCKET_LABELS[b]),
                "cells": r.buckets[b],
                "share": share(r.share(b)),
            }
            for b in BUCKETS
        ],
        "periodic_meetings": r.periodic,
        "thematic_meetings": sum(r.thematic_in(quarters)),
        "thematic_by_quarter": r.thematic_in(quarters),
        "extraordinary_meetings": r.extraordinary,
        "cells_with_quarter_gap": r.quarter_gap,
        "attendance": share(r.attendance),
        "meetings_on_target": share(r.meetings_target),
        "cells_on_target": share(r.cells_target),
        "unexcused_absences": r.unexcused,
    }


@router.get(
    "/{int:org_id}/meeting-statistics/",
    response=MeetingStatisticsOut,
    summary="Cell-meeting compliance of a subtree for a year",
)
def meeting_statistics(request, org_id: int, params: Query[StatisticsQuery]):
    """Cells holding their periodic meetings every month, in 9–11 months or fewer
    (MTG-01), thematic meetings (MTG-02), the average attendance and the share of
    meetings above 85% (MTG-03), unexcused absences: in total and per cell category.

    `year` defaults to the last full year until March, this year from then on; this
    year runs to the last finished month (`period.note` says so).
    """
    org = get_organization_for(request.user, org_id)
    year = default_year() if params.year is None else params.year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise HttpError(
            422,
            _("Năm không hợp lệ: %(year)s (từ %(first)s đến %(last)s).")
            % {"year": year, "first": FIRST_YEAR, "last": LAST_YEAR},
        )
    period, note = year_so_far(year)
    within = org_read_filter_or_all(request.user)
    result = compliance(org, period, within=within)
    quarters = result.quarters
    return {
        "organization": org,
        "period": {
            "starts_on": period.starts_on,
            "ends_on": period.ends_on,
            "label": period.label,
            "note": note,
            "quarters": [q.label for q in quarters],
        },
        "total": row(result.total, quarters),
        "rows": [row(r, quarters) for r in result.rows],
    }
