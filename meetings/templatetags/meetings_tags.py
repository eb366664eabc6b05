"""{% load meetings_tags %}{% meeting_alerts org %}: the Charter alerts box for an
organization page (a cell: its members' alerts and last month's meeting; a higher
organization: the members' alerts of every cell of its subtree and the cells without last
month's periodic meeting)."""

from django import template
from django.utils import timezone

from ..queries.alerts import (
    cells_without_meeting,
    held_periodic_in,
    member_alerts,
    previous_month,
    subtree_member_alerts,
)
from ..queries.scope import MEETING_KINDS

register = template.Library()
CELL_LIST_LIMIT = 20
ALERT_LIST_LIMIT = 30


@register.inclusion_tag("meetings/_alerts.html", takes_context=True)
def meeting_alerts(context, org, year=None):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_perm("meetings.view_alerts", org):
        return {"show": False}
    today = timezone.localdate()
    last_month = previous_month(today)
    data = {"show": True, "org": org, "last_month": last_month, "alerts": [], "cells": []}
    if org.kind in MEETING_KINDS:
        data["plan_link"] = True
        data["alerts"] = member_alerts(org, year or today.year)
        if org.is_cell:
            data["no_meeting_last_month"] = not held_periodic_in(org, *last_month)
    if not org.is_cell:
        # MTG-08 / MTG-03 for every cell of the subtree (and the organization's own
        # meetings), each with its cell; the first ALERT_LIST_LIMIT, and how many in all.
        alerts = subtree_member_alerts(org, year or today.year)
        data["alerts"] = alerts[:ALERT_LIST_LIMIT]
        data["alerts_total"] = len(alerts)
        cells = cells_without_meeting(org, today=today)
        data["cells"] = list(cells[:CELL_LIST_LIMIT])
        # Always counted, so the page issues the same number of queries whatever the data.
        data["cells_total"] = cells.count()
    return data
