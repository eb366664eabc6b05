"""The cell's year: plan, new meetings, the ICS calendar feed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.forms import apply_errors

from .. import queries, services
from ..enums import MeetingKind, MeetingState, Rating
from ..forms import (
    MeetingForm,
    YearPlanForm,
)
from ..ics import calendar_text
from ..models import CalendarFeed, Meeting
from .common import _writable

# --- The cell's year -------------------------------------------------------------------


@login_required
def cell_plan(request, org_pk, year=None):
    organization = queries.get_meeting_org_for(request.user, org_pk)
    year = year or timezone.localdate().year
    meetings = list(queries.year_meetings(organization, year))
    scores = queries.year_scores(organization, year, meetings)
    for meeting in meetings:
        score = scores.scores.get(meeting.pk)
        meeting.score = score
        meeting.rating_label = Rating(score.rating).label if score else ""
    can_edit = queries.can_edit(request.user, organization)
    feed = CalendarFeed.objects.filter(organization=organization).first() if can_edit else None
    return render(
        request,
        "meetings/plan.html",
        {
            "org": organization,
            "year": year,
            "meetings": meetings,
            "year_rating": Rating(scores.rating).label if scores.rating else "",
            "year_explanation": scores.explanation,
            "superior_attendance": queries.superior_attendance_of(organization, year),
            "findings": queries.plan_findings(organization, year, meetings),
            "can_edit": can_edit,
            "plan_form": YearPlanForm(),
            "feed_url": request.build_absolute_uri(reverse("meetings:feed", args=[feed.token]))
            if feed
            else "",
            "alerts": queries.member_alerts(organization, year) if can_edit else [],
        },
    )


@login_required
@require_POST
def generate_plan(request, org_pk, year):
    organization = queries.get_meeting_org_for(request.user, org_pk)
    _writable(request, organization)
    form = YearPlanForm(request.POST)
    if form.is_valid():
        created = services.generate_year_plan(
            organization=organization,
            year=year,
            day_of_month=form.cleaned_data["day_of_month"],
            by=request.user,
        )
        messages.success(request, _("Đã lập %(n)s buổi sinh hoạt định kỳ.") % {"n": len(created)})
    else:
        messages.error(request, _("Ngày trong tháng từ 1 đến 31."))
    return redirect("meetings:plan_year", org_pk=organization.pk, year=year)


@login_required
def create(request, org_pk):
    organization = queries.get_meeting_org_for(request.user, org_pk)
    _writable(request, organization)
    initial = {"kind": request.GET.get("kind") or MeetingKind.PERIODIC}
    form = MeetingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.create_meeting(
                organization=organization, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã thêm buổi sinh hoạt."))
            return redirect(meeting)
    return render(
        request,
        "meetings/form.html",
        {"form": form, "org": organization, "title": _("Thêm buổi sinh hoạt")},
    )


@login_required
@require_POST
def feed_link(request, org_pk):
    organization = queries.get_meeting_org_for(request.user, org_pk)
    _writable(request, organization)
    services.calendar_feed(organization, by=request.user, regenerate=True)
    messages.success(request, _("Đã tạo đường dẫn lịch mới; đường dẫn cũ không còn dùng được."))
    return redirect("meetings:plan", org_pk=organization.pk)


def feed(request, token):
    """The cell's ICS calendar: no login, the secret token is the key."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("organization"), token=token)
    meetings = Meeting.objects.filter(organization=feed.organization).exclude(
        state=MeetingState.CANCELLED
    )
    response = HttpResponse(
        calendar_text(feed.organization, meetings), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="lich-sinh-hoat.ics"'
    return response
