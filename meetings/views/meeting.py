"""One meeting: its page, plan edits, holding, cancelling, the minutes' content; a member's
upcoming meetings."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.audit import history_rows
from core.views.write import Saved

from ..enums import Rating
from ..forms import (
    CancelForm,
    DocumentForm,
    HoldForm,
    MinutesForm,
    PlanEditForm,
    ResolutionForm,
    TaskForm,
)
from ..queries.evaluations import meeting_page
from ..queries.register import register_members
from ..queries.scans import signed_scans
from ..queries.scope import get_meeting_for, upcoming_for_member
from ..rules.quality import resolution_valid
from ..services import plan as services
from .common import MeetingFormView, writer


@login_required
def detail(request, pk):
    meeting = get_meeting_for(request.user, pk)
    page = meeting_page(meeting)
    can_edit = request.user.has_perm("meetings.change_meeting", meeting)
    minutes_scans, resolution_scans = signed_scans(meeting, page["resolutions"])
    resolutions = [
        (
            r,
            resolution_valid(r.votes_for, page["evaluation"].base_size),
            resolution_scans[r.pk],
        )
        for r in page["resolutions"]
    ]
    return render(
        request,
        "meetings/detail.html",
        {
            "meeting": meeting,
            "org": meeting.organization,
            **page,
            "resolutions": resolutions,
            "rating_label": Rating(page["evaluation"].score.rating).label,
            "minutes_number": minutes_scans.number if meeting.is_held else None,
            "minutes_scans": minutes_scans,
            "can_edit": can_edit,
            "history": history_rows(meeting) if can_edit else [],
            "resolution_form": ResolutionForm() if can_edit and meeting.is_held else None,
            "task_form": TaskForm(members=register_members(meeting)) if can_edit else None,
            "document_form": DocumentForm() if can_edit else None,
        },
    )


class PlanEditView(MeetingFormView[PlanEditForm]):
    form_class = PlanEditForm
    title = gettext_lazy("Sửa kế hoạch")
    success_message = gettext_lazy("Đã lưu kế hoạch.")

    def get_initial(self) -> dict[str, Any]:
        m = self.meeting
        return {
            "kind": m.kind,
            "planned_on": m.planned_on,
            "topic": m.topic,
            "place": m.place,
            "version": m.version,
        }

    def perform(self, form: PlanEditForm) -> Saved:
        data = dict(form.cleaned_data)
        return services.update_plan(
            self.meeting, version=data.pop("version"), by=writer(self.request), **data
        )


class HoldView(MeetingFormView[HoldForm]):
    form_class = HoldForm
    title = gettext_lazy("Ghi nhận đã sinh hoạt")
    success_message = gettext_lazy("Đã ghi nhận buổi sinh hoạt.")

    def get_initial(self) -> dict[str, Any]:
        m = self.meeting
        return {
            "held_on": m.held_on or min(m.planned_on, timezone.localdate()),
            "starts_at": m.starts_at,
            "ends_at": m.ends_at,
            "place": m.place,
            "version": m.version,
        }

    def perform(self, form: HoldForm) -> Saved:
        data = dict(form.cleaned_data)
        services.hold_meeting(
            self.meeting, version=data.pop("version"), by=writer(self.request), **data
        )
        return reverse("meetings:attendance", kwargs={"pk": self.meeting.pk})


class CancelView(MeetingFormView[CancelForm]):
    form_class = CancelForm
    title = gettext_lazy("Hủy buổi sinh hoạt")
    success_message = gettext_lazy("Đã hủy buổi sinh hoạt.")

    def get_initial(self) -> dict[str, Any]:
        return {"version": self.meeting.version}

    def perform(self, form: CancelForm) -> Saved:
        return services.cancel_meeting(
            self.meeting,
            version=form.cleaned_data["version"],
            by=writer(self.request),
            reason=form.cleaned_data["reason"],
        )


class MinutesView(MeetingFormView[MinutesForm]):
    form_class = MinutesForm
    title = gettext_lazy("Biên bản")
    success_message = gettext_lazy("Đã lưu biên bản.")

    def get_initial(self) -> dict[str, Any]:
        initial = {name: getattr(self.meeting, name) for name in services.MINUTES_FIELDS}
        initial["version"] = self.meeting.version
        return initial

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "members": register_members(self.meeting)}

    def perform(self, form: MinutesForm) -> Saved:
        data = dict(form.cleaned_data)
        return services.update_minutes(
            self.meeting, version=data.pop("version"), by=writer(self.request), **data
        )


@login_required
def mine(request):
    """A member's upcoming meetings with the documents attached ahead of them."""
    return render(
        request,
        "meetings/mine.html",
        {"meetings": upcoming_for_member(request.user)},
    )


edit_plan = PlanEditView.as_view()
hold = HoldView.as_view()
cancel = CancelView.as_view()
minutes = MinutesView.as_view()
