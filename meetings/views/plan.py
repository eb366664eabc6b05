"""The cell's year: plan, new meetings, the ICS calendar feed."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.views.write import ConfirmActionView, Saved, WriteFormView
from organizations.models import Organization

from ..documents.ics import calendar_text
from ..enums import MeetingKind, Rating
from ..forms import MeetingForm, YearPlanForm
from ..models import Meeting
from ..queries.alerts import member_alerts, plan_findings
from ..queries.evaluations import year_scores
from ..queries.plan import calendar_feed_of, feed_meetings, get_feed
from ..queries.scope import get_meeting_org_for, year_meetings
from ..queries.superior_attendance import superior_attendance_of
from ..services import documents as document_services
from ..services import plan as services
from .common import writer


@login_required
def cell_plan(request, org_pk, year=None):
    organization = get_meeting_org_for(request.user, org_pk)
    year = year or timezone.localdate().year
    meetings = list(year_meetings(organization, year))
    scores = year_scores(organization, year, meetings)
    for meeting in meetings:
        score = scores.scores.get(meeting.pk)
        meeting.score = score
        meeting.rating_label = Rating(score.rating).label if score else ""
    can_edit = request.user.has_perm("meetings.plan_meetings", organization)
    feed = calendar_feed_of(organization) if can_edit else None
    return render(
        request,
        "meetings/plan.html",
        {
            "org": organization,
            "year": year,
            "meetings": meetings,
            "year_rating": Rating(scores.rating).label if scores.rating else "",
            "year_explanation": scores.explanation,
            "superior_attendance": superior_attendance_of(organization, year),
            "findings": plan_findings(organization, year, meetings),
            "can_edit": can_edit,
            "plan_form": YearPlanForm(),
            "feed_url": request.build_absolute_uri(reverse("meetings:feed", args=[feed.token]))
            if feed
            else "",
            "alerts": member_alerts(organization, year) if can_edit else [],
        },
    )


class PlanActionView(ConfirmActionView[Organization]):
    """A POST on the cell's year plan, for whoever plans the cell's meetings."""

    permission = "meetings.plan_meetings"

    def get_object(self) -> Organization:
        return get_meeting_org_for(self.request.user, self.kwargs["org_pk"])


class GeneratePlanView(PlanActionView):
    """MTG-01: one periodic meeting a month on the chosen day (a bad day: an error message)."""

    created: list[Meeting] = []

    def perform(self) -> Saved:
        form = YearPlanForm(self.request.POST)
        if not form.is_valid():
            raise ValidationError(_("Ngày trong tháng từ 1 đến 31."))
        self.created = services.generate_year_plan(
            organization=self.object,
            year=self.kwargs["year"],
            day_of_month=form.cleaned_data["day_of_month"],
            by=writer(self.request),
        )
        return None

    def get_success_message(self, saved: Saved) -> str:
        return _("Đã lập %(n)s buổi sinh hoạt định kỳ.") % {"n": len(self.created)}

    def get_success_url(self) -> str:
        return reverse(
            "meetings:plan_year", kwargs={"org_pk": self.object.pk, "year": self.kwargs["year"]}
        )

    def get_error_url(self) -> str:
        return self.get_success_url()


class FeedLinkView(PlanActionView):
    """A new secret link of the cell's calendar; the old one stops working."""

    success_message = gettext_lazy("Đã tạo đường dẫn lịch mới; đường dẫn cũ không còn dùng được.")

    def perform(self) -> Saved:
        document_services.calendar_feed(self.object, by=writer(self.request), regenerate=True)
        return reverse("meetings:plan", kwargs={"org_pk": self.object.pk})


class MeetingCreateView(WriteFormView[MeetingForm, Organization]):
    permission = "meetings.plan_meetings"
    form_class = MeetingForm
    template_name = "meetings/form.html"
    success_message = gettext_lazy("Đã thêm buổi sinh hoạt.")

    def get_object(self) -> Organization:
        return get_meeting_org_for(self.request.user, self.kwargs["org_pk"])

    def get_initial(self) -> dict[str, Any]:
        return {"kind": self.request.GET.get("kind") or MeetingKind.PERIODIC}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(org=self.object, title=_("Thêm buổi sinh hoạt"), **kwargs)

    def perform(self, form: MeetingForm) -> Saved:
        return services.create_meeting(
            organization=self.object, by=writer(self.request), **form.cleaned_data
        )


def feed(request, token):
    """The cell's ICS calendar: no login, the secret token is the key."""
    calendar = get_feed(token)
    response = HttpResponse(
        calendar_text(calendar.organization, feed_meetings(calendar)),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="lich-sinh-hoat.ics"'
    return response


generate_plan = GeneratePlanView.as_view()
feed_link = FeedLinkView.as_view()
create = MeetingCreateView.as_view()
