"""Resolutions and tasks (MTG-07, MTG-04)."""

from typing import Any

from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy

from core.views.write import ConfirmActionView, Saved

from ..forms import ResolutionForm, TaskForm
from ..models import Task
from ..queries.register import register_members
from ..queries.resolutions import get_task_for
from ..services import resolutions as services
from .common import MeetingFormView, writer


class ResolutionCreateView(MeetingFormView[ResolutionForm]):
    form_class = ResolutionForm
    title = gettext_lazy("Nghị quyết")
    success_message = gettext_lazy("Đã ghi nghị quyết.")

    def perform(self, form: ResolutionForm) -> Saved:
        services.add_resolution(self.meeting, by=writer(self.request), **form.cleaned_data)
        return self.meeting


class TaskCreateView(MeetingFormView[TaskForm]):
    form_class = TaskForm
    title = gettext_lazy("Giao nhiệm vụ")
    success_message = gettext_lazy("Đã giao nhiệm vụ.")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "members": register_members(self.meeting)}

    def perform(self, form: TaskForm) -> Saved:
        services.add_task(self.meeting, by=writer(self.request), **form.cleaned_data)
        return self.meeting


class TaskDoneView(ConfirmActionView[Task]):
    """A task done today; back to where the user came from (`next`) or the meeting."""

    def get_object(self) -> Task:
        return get_task_for(self.request.user, self.kwargs["pk"])

    def has_permission(self, obj: Task) -> bool:
        return self.request.user.has_perm("meetings.change_meeting", obj.meeting)

    def perform(self) -> Saved:
        services.complete_task(self.object, by=writer(self.request))
        return None

    def get_success_url(self) -> str:
        back = self.request.POST.get("next", "")
        if back and url_has_allowed_host_and_scheme(
            back, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return back
        return self.object.meeting.get_absolute_url()

    def get_error_url(self) -> str:
        return self.get_success_url()


resolution_create = ResolutionCreateView.as_view()
task_create = TaskCreateView.as_view()
task_done = TaskDoneView.as_view()
