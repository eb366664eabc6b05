"""Exemption pages (EXM-01): start an exemption for a member, end it, current exemptions
of a subtree. Thin views over members.queries_exemptions and members.services.exemptions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.scope import can_write_org
from core.forms import apply_errors

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


@login_required
def exemption_create(request, pk):
    member = get_object_or_404(
        readable_members_in_reach(request.user).select_related("organization"), pk=pk
    )
    if not can_write_org(request.user, member.organization):
        raise PermissionDenied
    form = ExemptionForm(request.POST or None, member=member)
    if request.method == "POST" and form.is_valid():
        try:
            services.start_exemption(member=member, **form.service_kwargs(), by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã ghi miễn công tác và sinh hoạt đảng."))
            return redirect(member)
    return render(
        request,
        "members/exemptions/form.html",
        {
            "form": form,
            "member": member,
            "title": _("Miễn công tác và sinh hoạt đảng"),
            "retires_on": form.retires_on(),  # EXM-01
        },
    )


@login_required
def exemption_end(request, pk):
    exemption = get_exemption_for(request.user, pk)
    member = exemption.member
    if not can_write_org(request.user, member.organization):
        raise PermissionDenied
    form = EndExemptionForm(
        request.POST or None, initial={"ends_on": exemption.ends_on or timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.end_exemption(
                exemption,
                ends_on=form.cleaned_data["ends_on"],
                reason=form.cleaned_data.get("reason") or "",
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã ghi kết thúc miễn công tác và sinh hoạt."))
            return redirect(member)
    return render(
        request,
        "members/exemptions/end.html",
        {"form": form, "exemption": exemption, "member": member},
    )
