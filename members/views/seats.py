"""Committee seats on the organization page: add a seat, end one.

Officers of the subtree and the cell's own secretary ("organizations.change_committees")
may; readers who may not get a 403 page, anyone else a 404. The pages are organizations'
(organizations.views.common.OrganizationFormView) and return to the organization page.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organizations.queries import committee_for
from organizations.views.common import OrganizationFormView

from ..forms.seats import EndSeatForm, SeatForm
from ..queries.seats import get_seat_for, members_of_subtree_for
from ..services import seats as services


class _SeatFormView(OrganizationFormView):
    back_to_org = True

    def has_permission(self, obj):
        return self.request.user.has_perm("organizations.change_committees", obj)


class AddSeatView(_SeatFormView):
    form_class = SeatForm
    success_message = gettext_lazy("Đã thêm cấp ủy viên.")

    def get_object(self):
        org = super().get_object()
        # The committee is looked up before the permission: 404 for another's committee.
        self.committee = committee_for(org, self.kwargs["committee_pk"])
        return org

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "committee": self.committee,
            "members": members_of_subtree_for(self.request.user, self.object),
        }

    def get_title(self):
        return _("Thêm cấp ủy viên: %(committee)s") % {"committee": self.committee}

    def perform(self, form):
        return services.add_seat(
            committee=self.committee, by=self.request.user, **form.cleaned_data
        )


class EndSeatView(_SeatFormView):
    form_class = EndSeatForm
    success_message = gettext_lazy("Đã ghi nhận thôi giữ chức.")

    def get_object(self):
        org = super().get_object()
        self.seat = get_seat_for(org, self.kwargs["seat_pk"])
        return org

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "seat": self.seat}

    def get_title(self):
        seat = self.seat
        return _("%(member)s thôi giữ chức %(role)s") % {
            "member": seat.member.full_name,
            "role": seat.get_role_display().lower(),
        }

    def perform(self, form):
        return services.end_seat(
            self.seat,
            on=form.cleaned_data["ends_on"],
            reason=form.cleaned_data["reason"],
            by=self.request.user,
        )


add_seat = AddSeatView.as_view()
end_seat = EndSeatView.as_view()
