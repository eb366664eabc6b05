"""An organization's own records: residential units (cells), terms, committees, seats.

Officers of the subtree and the cell's own secretary (accounts.scope.can_write_org)
may change these; readers who may not get a 403 page, anyone else a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .. import services
from ..forms import (
    CommitteeForm,
    EndSeatForm,
    ModelCellForm,
    ResidentialUnitForm,
    SeatForm,
    TermForm,
)
from ..queries import committee_for, get_organization_for, members_of_subtree_for
from .common import forbidden, form_page


def _cell_for_units(request, pk):
    org = get_organization_for(request.user, pk)
    return org, services.may_edit_units(request.user, org)


@login_required
def add_unit(request, pk):
    org, allowed = _cell_for_units(request, pk)
    if not allowed:
        return forbidden(request, org)
    form = ResidentialUnitForm(request.POST or None)
    return form_page(
        request,
        org=org,
        form=form,
        save=lambda f: services.save_residential_unit(cell=org, by=request.user, **f.cleaned_data),
        title=_("Thêm thôn, tổ dân phố do %(name)s phụ trách") % {"name": org.name},
        success=_("Đã thêm thôn, tổ dân phố."),
        next_url=org.get_absolute_url(),
    )


@login_required
def edit_unit(request, pk, unit_pk):
    org, allowed = _cell_for_units(request, pk)
    unit = get_object_or_404(org.residential_units, pk=unit_pk)
    if not allowed:
        return forbidden(request, org)
    form = ResidentialUnitForm(request.POST or None, instance=unit)
    return form_page(
        request,
        org=org,
        form=form,
        save=lambda f: services.save_residential_unit(
            cell=org, unit=unit, by=request.user, **f.cleaned_data
        ),
        title=_("Sửa %(unit)s") % {"unit": unit},
        success=_("Đã lưu thay đổi."),
        next_url=org.get_absolute_url(),
    )


@login_required
def delete_unit(request, pk, unit_pk):
    org, allowed = _cell_for_units(request, pk)
    unit = get_object_or_404(org.residential_units, pk=unit_pk)
    if not allowed:
        return forbidden(request, org)
    if request.method == "POST":
        services.delete_residential_unit(unit, by=request.user)
        messages.success(request, _("Đã xóa %(unit)s.") % {"unit": unit})
        return redirect(org)
    return render(request, "organizations/confirm_delete.html", {"org": org, "unit": unit})


def _committees_org(request, pk):
    org = get_organization_for(request.user, pk)
    return org, services.may_edit_committees(request.user, org)


@login_required
def add_term(request, pk):
    org, allowed = _committees_org(request, pk)
    if not allowed:
        return forbidden(request, org)
    form = TermForm(request.POST or None, org=org)
    return form_page(
        request,
        org=org,
        form=form,
        save=lambda f: services.add_term(organization=org, by=request.user, **f.cleaned_data),
        title=_("Thêm nhiệm kỳ của %(name)s") % {"name": org.name},
        success=_("Đã thêm nhiệm kỳ."),
        next_url=org.get_absolute_url(),
    )


@login_required
def add_committee(request, pk):
    org, allowed = _committees_org(request, pk)
    if not allowed:
        return forbidden(request, org)
    form = CommitteeForm(request.POST or None, org=org)
    return form_page(
        request,
        org=org,
        form=form,
        save=lambda f: services.add_committee(
            organization=org,
            term=f.cleaned_data["term"],
            kind=f.cleaned_data["kind"],
            by=request.user,
        ),
        title=_("Thêm cấp ủy của %(name)s") % {"name": org.name},
        success=_("Đã thêm cấp ủy."),
        next_url=org.get_absolute_url(),
    )


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
    from members.models import CommitteeSeat

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


@login_required
def add_model_year(request, pk):
    """ORG-03: the superior's officers choose a model cell for a year."""
    org = get_organization_for(request.user, pk)
    if not services.may_designate_model_cell(request.user, org):
        return forbidden(request, org)
    form = ModelCellForm(request.POST or None, cell=org)
    return form_page(
        request,
        org=org,
        form=form,
        save=lambda f: services.designate_model_cell(cell=org, by=request.user, **f.cleaned_data),
        title=_("Chọn %(name)s là chi bộ điểm") % {"name": org.name},
        success=_("Đã ghi nhận chi bộ điểm."),
        next_url=org.get_absolute_url(),
    )
