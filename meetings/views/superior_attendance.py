"""MTG-06: superior committee members at meetings, assignments to cells, cells never visited."""

from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.views.write import ConfirmActionView, Saved, WriteFormView
from members.models import Member
from organizations.models import Organization

from ..forms import AssignmentForm, SuperiorForm
from ..models import SupervisorAssignment
from ..queries.superior_attendance import (
    assignments_at,
    cells_never_visited,
    committee_members,
    followed_cells,
    get_assignment_for,
    get_superior_for,
    superior_attendance_overview,
)
from ..services import superior_attendance as services
from .common import MeetingFormView, writer


class SuperiorAddView(MeetingFormView[SuperiorForm]):
    """A superior committee member attending the meeting (MTG-06)."""

    form_class = SuperiorForm
    title = gettext_lazy("Cấp ủy cấp trên dự sinh hoạt")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "assignments": assignments_at(self.meeting)}

    def perform(self, form: SuperiorForm) -> Saved:
        assignment = form.cleaned_data["assignment"]
        services.add_superior(
            self.meeting,
            by=writer(self.request),
            member=assignment.member if assignment else None,
            name=form.cleaned_data["name"],
            position=form.cleaned_data["position"],
        )
        return self.meeting


# --- The superior's screen: assignments, attendance, cells never visited ----------------


class SuperiorAttendanceView(WriteFormView[AssignmentForm, Organization]):
    """MTG-06 for a committee: its cells, who is assigned to each for the year, which
    meetings each committee member attended, and the cells no one visited. Whoever reads
    the committee sees the page (404 otherwise); assigning takes
    "meetings.assign_superior_attendee" (403 for a reader); a refusal answers 400."""

    form_class = AssignmentForm
    template_name = "meetings/superior_attendance.html"
    success_message = gettext_lazy("Đã phân công cấp ủy viên phụ trách.")
    invalid_status = 400
    members: QuerySet[Member]

    def get_object(self) -> Organization:
        return get_superior_for(self.request.user, self.kwargs["org_pk"])

    @property
    def year(self) -> int:
        return self.kwargs.get("year") or timezone.localdate().year

    def allowed_to_assign(self, superior: Organization) -> bool:
        return self.request.user.has_perm("meetings.assign_superior_attendee", superior)

    def has_permission(self, obj: Organization) -> bool:
        # Reading is the getter's reach; writing is the permission.
        return self.request.method != "POST" or self.allowed_to_assign(obj)

    def get_form_kwargs(self) -> dict[str, Any]:
        self.members = committee_members(self.object, self.year)
        return {
            **super().get_form_kwargs(),
            "cells": followed_cells(self.object),
            "members": self.members,
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        superior, year = self.object, self.year
        can_edit = self.allowed_to_assign(superior)
        rows, lines = superior_attendance_overview(superior, year)
        context.update(
            {
                "org": superior,
                "year": year,
                "rows": rows,
                "lines": lines,
                "never_visited": list(cells_never_visited(superior, year)),
                "can_edit": can_edit,
                "form": context["form"] if can_edit else None,
                "has_members": self.members.exists(),
            }
        )
        return context

    def perform(self, form: AssignmentForm) -> Saved:
        services.assign_superior_attendee(
            organization=form.cleaned_data["organization"],
            member=form.cleaned_data["member"],
            year=self.year,
            note=form.cleaned_data["note"],
            by=writer(self.request),
        )
        return reverse(
            "meetings:supervision_year", kwargs={"org_pk": self.object.pk, "year": self.year}
        )


class AssignmentDeleteView(ConfirmActionView[SupervisorAssignment]):
    """End an assignment; the superior must be within the user's reach (404, never 403)."""

    success_message = gettext_lazy("Đã bỏ phân công.")
    superior: Organization

    def get_object(self) -> SupervisorAssignment:
        assignment, self.superior = get_assignment_for(self.request.user, self.kwargs["pk"])
        return assignment

    def has_permission(self, obj: SupervisorAssignment) -> bool:
        return self.request.user.has_perm("meetings.assign_superior_attendee", self.superior)

    def perform(self) -> Saved:
        year = self.object.year
        services.unassign_superior_attendee(self.object, by=writer(self.request))
        return reverse(
            "meetings:supervision_year", kwargs={"org_pk": self.superior.pk, "year": year}
        )


superior_add = SuperiorAddView.as_view()
superior_attendance = SuperiorAttendanceView.as_view()
assignment_delete = AssignmentDeleteView.as_view()
