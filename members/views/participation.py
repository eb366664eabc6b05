"""Periods of non-participation (AGE-01, MTG-07): record one for a member, end it. Shown
on the member page. Thin views over members.queries.participation and
members.services.participation; outside the user's reach a 404, a reader's write a 403."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.views.write import WriteFormView

from ..forms.participation import EndNonParticipationForm, NonParticipationForm
from ..queries.participation import get_non_participation_for
from ..queries.transfers import get_reachable_member_for
from ..services import participation as services


class NonParticipationCreateView(WriteFormView):
    """Record a period out of contact: whoever may change the member's record
    ("members.change_member"); 404 outside the reach."""

    permission = "members.change_member"
    form_class = NonParticipationForm
    template_name = "members/participation/form.html"
    success_message = gettext_lazy("Đã ghi thời gian không tham gia sinh hoạt đảng.")

    def get_object(self):
        return get_reachable_member_for(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            member=self.object, title=_("Thời gian không tham gia sinh hoạt đảng"), **kwargs
        )

    def perform(self, form):
        services.record_non_participation(
            member=self.object, **form.service_kwargs(), by=self.request.user
        )
        return self.object.get_absolute_url()


class NonParticipationEndView(WriteFormView):
    """End a period out of contact: the same writers, asked of the period's member."""

    form_class = EndNonParticipationForm
    template_name = "members/participation/end.html"
    success_message = gettext_lazy("Đã ghi ngày kết thúc.")

    def get_object(self):
        return get_non_participation_for(self.request.user, self.kwargs["pk"])

    def has_permission(self, obj):
        return self.request.user.has_perm("members.change_member", obj.member)

    def get_initial(self):
        return {"ends_on": self.object.ends_on or timezone.localdate()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(period=self.object, member=self.object.member, **kwargs)

    def perform(self, form):
        services.end_non_participation(
            self.object,
            ends_on=form.cleaned_data["ends_on"],
            reason=form.cleaned_data.get("reason") or "",
            by=self.request.user,
        )
        return self.object.member.get_absolute_url()


non_participation_create = NonParticipationCreateView.as_view()
non_participation_end = NonParticipationEndView.as_view()
