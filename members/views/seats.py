"""Committee seats on the organization page: add a seat, end one.

Officers of the subtree and the cell's own secretary (organizations.services.
may_edit_committees) may; readers who may not get a 403 page, anyone else a 404. The
pages are organizations' (organizations.views.common.form_page) and return to the
organization page.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from organizations.queries import committee_for, get_organization_for
from organizations.services import may_edit_committees
from organizations.views.common import forbidden, form_page

from ..forms_seats import EndSeatForm, SeatForm
from ..models import CommitteeSeat
from ..queries import members_of_subtree_for
from ..services import seats as services


def _committees_org(request, pk):
    org = get_organization_for(request.user, pk)
    return org, may_edit_committees(request.user, org)


@login_required
def add_seat(request, pk, committee_pk):
    org, allowed = _committees_org(request, pk)
    committee = committee_for(org, committee_pk)
    if not allowed:
        return forbidden(request, org)
    form = SeatForm(
        request.POST or None,
        committee=committee,
        members=members_of_subtree_for(request.user, org),
    )
    return form_page(
        request,
        org=org,
        form=form,
        save=lambda f: services.add_seat(committee=committee, by=request.user, **f.cleaned_data),
        title=_("Thêm cấp ủy viên: %(committee)s") % {"committee": committee},
        success=_("Đã thêm cấp ủy viên."),
        next_url=org.get_absolute_url(),
    )


@login_required
def end_seat(request, pk, seat_pk):
    org, allowed = _committees_org(request, pk)
    seat = get_object_or_404(
        CommitteeSeat.objects.select_related("committee__organization", "member"),
        pk=seat_pk,
        committee__organization=org,
    )
    if not allowed:
        return forbidden(request, org)
    form = EndSeatForm(request.POST or None, seat=seat)
    return form_page(
        request,
        org=org,
        form=form,
        save=lambda f: services.end_seat(
            seat, on=f.cleaned_data["ends_on"], reason=f.cleaned_data["reason"], by=request.user
        ),
        title=_("%(member)s thôi giữ chức %(role)s")
        % {"member": seat.member.full_name, "role": seat.get_role_display().lower()},
        success=_("Đã ghi nhận thôi giữ chức."),
        next_url=org.get_absolute_url(),
    )
