"""Periods of non-participation (AGE-01, MTG-07): record one for a member, end it. Shown
on the member page. Thin views over members.queries_participation and
members.services.participation; outside the user's reach a 404, a reader's write a 403."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.scope import can_write_org
from core.forms import apply_errors

from ..forms_participation import EndNonParticipationForm, NonParticipationForm
from ..queries_participation import get_non_participation_for
from ..queries_transfers import readable_members_in_reach
from ..services import participation as services


@login_required
def non_participation_create(request, pk):
    member = get_object_or_404(
        readable_members_in_reach(request.user).select_related("organization"), pk=pk
    )
    if not can_write_org(request.user, member.organization):
        raise PermissionDenied
    form = NonParticipationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_non_participation(
                member=member, **form.service_kwargs(), by=request.user
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã ghi thời gian không tham gia sinh hoạt đảng."))
            return redirect(member)
    return render(
        request,
        "members/participation/form.html",
        {"form": form, "member": member, "title": _("Thời gian không tham gia sinh hoạt đảng")},
    )


@login_required
def non_participation_end(request, pk):
    period = get_non_participation_for(request.user, pk)
    member = period.member
    if not can_write_org(request.user, member.organization):
        raise PermissionDenied
    form = EndNonParticipationForm(
        request.POST or None, initial={"ends_on": period.ends_on or timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.end_non_participation(
                period,
                ends_on=form.cleaned_data["ends_on"],
                reason=form.cleaned_data.get("reason") or "",
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã ghi ngày kết thúc."))
            return redirect(member)
    return render(
        request,
        "members/participation/end.html",
        {"form": form, "period": period, "member": member},
    )
