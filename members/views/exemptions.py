"""Exemption pages (EXM-01): start an exemption for a member, end it, current exemptions
of a subtree. Thin views over members.queries_exemptions and members.services.exemptions."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.scope import can_write_org
from core.views_write import WriteFormView

from ..forms_transfers import EndExemptionForm, ExemptionForm, OrganizationFilterForm
from ..queries_exemptions import (
    current_exemptions_for,
    get_exemption_for,
    lapsed_exemptions_for,
)
from ..queries_transfers import readable_members_in_reach
from ..services import exemptions as services
from .transfers import require_reach


@login_required
def exemption_list(request):
    require_reach(request.user)
    form = OrganizationFilterForm(request.GET or None, user=request.user)
    today = timezone.localdate()
    organization = form.selected_organization()
    exemptions = list(current_exemptions_for(request.user, organization=organization, on=today))
    lapsed = list(lapsed_exemptions_for(request.user, organization=organization, on=today))
    for exemption in exemptions + lapsed:
        exemption.can_end = can_write_org(request.user, exemption.member.organization)
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
        return get_object_or_404(
            readable_members_in_reach(self.request.user).select_related("organization"),
            pk=self.kwargs["pk"],
        )

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
