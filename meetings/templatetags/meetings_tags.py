"""{% load meetings_tags %}{% meeting_alerts org %}: the Charter alerts box for an
organization page (a cell: its members' alerts and last month's meeting; a higher
organization: the members' alerts of every cell of its subtree and the cells without last
month's periodic meeting)."""

from django import template
from django.utils import timezone

from .. import queries
from ..enums import MeetingKind, MeetingState
from ..models import Meeting

register = template.Library()
CELL_LIST_LIMIT = 20
ALERT_LIST_LIMIT = 30


@register.inclusion_tag("meetings/_alerts.html", takes_context=True)
def meeting_alerts(context, org, year=None):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not queries.can_read_alerts(user, org):
        return {"show": False}
    today = timezone.localdate()
    last_month = queries.previous_month(today)
    data = {"show": True, "org": org, "last_month": last_month, "alerts": [], "cells": []}
    if org.kind in queries.MEETING_KINDS:
        data["plan_link"] = True
        data["alerts"] = queries.member_alerts(org, year or today.year)
        if org.is_cell:
            data["no_meeting_last_month"] = not Meeting.objects.filter(
                organization=org,
                kind=MeetingKind.PERIODIC,
                state=MeetingState.HELD,
                held_on__year=last_month[0],
                held_on__month=last_month[1],
            ).exists()
    if not org.is_cell:
        # MTG-08 / MTG-03 for every cell of the subtree (and the organization's own
        # meetings), each with its cell; the first ALERT_LIST_LIMIT, and how many in all.
        alerts = queries.subtree_member_alerts(org, year or today.year)
        data["alerts"] = alerts[:ALERT_LIST_LIMIT]
        data["alerts_total"] = len(alerts)
        cells = queries.cells_without_meeting(org, today=today)
        data["cells"] = list(cells[:CELL_LIST_LIMIT])
        # Always counted, so the page issues the same number of queries whatever the data.
        data["cells_total"] = cells.count()
    return data
