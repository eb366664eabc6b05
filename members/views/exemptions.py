"""Exemption pages (EXM-01): start an exemption for a member, end it, current exemptions
of a subtree. Thin views over members.queries.exemptions and members.services.exemptions."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.forms import SubtreeFilterForm
from core.views.write import WriteFormView

from ..forms.exemptions import EndExemptionForm, ExemptionForm
from ..queries.exemptions import (
    current_exemptions_for,
    get_exemption_for,
    lapsed_exemptions_for,
)
from ..queries.transfers import get_reachable_member_for
from ..services import exemptions as services


@login_required
def exemption_list(request):
    if not request.user.has_perm("members.view_register"):
        raise Http404  # a member reads only their own record
    form = SubtreeFilterForm(request.GET or None, user=request.user)
    today = timezone.localdate()
    organization = form.selected_organization()
    exemptions = list(current_exemptions_for(request.user, organization=organization, on=today))
    lapsed = list(lapsed_exemptions_for(request.user, organization=organization, on=today))
    for exemption in exemptions + lapsed:
        exemption.can_end = request.user.has_perm("members.change_member", exemption.member)
    return render(
        request,
        "members/exemptions/list.html",
        {"form": form, "exemptions": exemptions, "lapsed": lapsed, "today": today},
    )


class ExemptionCreateView(WriteFormView):
    """Start an exemption: whoever may change the member's record ("members.change_member":
    the writers of the member's organization); 404 outside the reach."""

    permission = "members.change_member"
    form_class = ExemptionForm
    template_name = "members/exemptions/form.html"
    success_message = gettext_lazy("Đã ghi miễn công tác và sinh hoạt đảng.")

    def get_object(self):
        return get_reachable_member_for(self.request.user, self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.object}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            member=self.object, title=_("Miễn công tác và sinh hoạt đảng"), **kwargs
        )
        context["retires_on"] = context["form"].retires_on()  # EXM-01
        return context

    def perform(self, form):
        services.start_exemption(member=self.object, **form.service_kwargs(), by=self.request.user)
        return self.object.get_absolute_url()


class ExemptionEndView(WriteFormView):
    """End an exemption: the same writers, asked of the exemption's member."""

    form_class = EndExemptionForm
    template_name = "members/exemptions/end.html"
    success_message = gettext_lazy("Đã ghi kết thúc miễn công tác và sinh hoạt.")

    def get_object(self):
        return get_exemption_for(self.request.user, self.kwargs["pk"])

    def has_permission(self, obj):
        return self.request.user.has_perm("members.change_member", obj.member)

    def get_initial(self):
        return {"ends_on": self.object.ends_on or timezone.localdate()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(exemption=self.object, member=self.object.member, **kwargs)

    def perform(self, form):
        services.end_exemption(
            self.object,
            ends_on=form.cleaned_data["ends_on"],
            reason=form.cleaned_data.get("reason") or "",
            by=self.request.user,
        )
        return self.object.member.get_absolute_url()


exemption_create = ExemptionCreateView.as_view()
exemption_end = ExemptionEndView.as_view()
