"""What the meeting screens share: the user who writes, the form page of one meeting."""

from typing import TYPE_CHECKING, Any, TypeVar, cast

from django import forms
from django.http import HttpRequest
from django.utils.functional import Promise

from core.views.write import WriteFormView

from ..models import Meeting
from ..queries.scope import get_meeting_for

if TYPE_CHECKING:
    from accounts.models import User

_F = TypeVar("_F", bound=forms.BaseForm)


def writer(request: HttpRequest) -> "User":
    """The user a write is recorded for: the write screens require a login."""
    return cast("User", request.user)


class MeetingFormView(WriteFormView[_F, Meeting]):
    """A form page that writes to one meeting of the user's reach (404 outside it) for
    whoever may change it ("meetings.change_meeting"; 403 for a reader), shown with
    meetings/form.html under `title`."""

    permission = "meetings.change_meeting"
    template_name = "meetings/form.html"
    title: str | Promise = ""
    multipart = False

    def get_object(self) -> Meeting:
        return get_meeting_for(self.request.user, self.kwargs["pk"])

    @property
    def meeting(self) -> Meeting:
        return self.object

    def get_title(self) -> str | Promise:
        return self.title

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(
            meeting=self.meeting,
            org=self.meeting.organization,
            title=self.get_title(),
            **kwargs,
        )
        if self.multipart:
            context["multipart"] = True
        return context
