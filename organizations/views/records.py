"""An organization's own records: residential units (cells), terms, committees (their
seats: members.views.seats).

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
    ModelCellForm,
    ResidentialUnitForm,
    TermForm,
)
from ..queries import get_organization_for
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
