"""An organization's own records: residential units (cells), terms, committees (their
seats: members.views.seats).

Officers of the subtree and the cell's own secretary (accounts.scope.can_write_org)
may change these; readers who may not get a 403 page, anyone else a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..forms import (
    CommitteeForm,
    ModelCellForm,
    ResidentialUnitForm,
    TermForm,
)
from ..queries import get_organization_for
from ..services import committees, units
from .common import OrganizationFormView, forbidden


def _cell_for_units(request, pk):
    org = get_organization_for(request.user, pk)
    return org, request.user.has_perm("organizations.change_units", org)


class _UnitFormView(OrganizationFormView):
    """A cell's residential units: its officers and its own secretary."""

    form_class = ResidentialUnitForm
    back_to_org = True
    unit = None

    permission = "organizations.change_units"

    def perform(self, form):
        return units.save_residential_unit(
            cell=self.object, by=self.request.user, **self._unit(), **form.cleaned_data
        )

    def _unit(self):
        return {}


class AddUnitView(_UnitFormView):
    success_message = gettext_lazy("Đã thêm thôn, tổ dân phố.")

    def get_title(self):
        return _("Thêm thôn, tổ dân phố do %(name)s phụ trách") % {"name": self.object.name}


class EditUnitView(_UnitFormView):
    success_message = gettext_lazy("Đã lưu thay đổi.")

    def get_object(self):
        org = super().get_object()
        # The unit is looked up before the permission: 404 for a unit of another cell.
        self.unit = get_object_or_404(org.residential_units, pk=self.kwargs["unit_pk"])
        return org

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.unit}

    def get_title(self):
        return _("Sửa %(unit)s") % {"unit": self.unit}

    def _unit(self):
        return {"unit": self.unit}


add_unit = AddUnitView.as_view()
edit_unit = EditUnitView.as_view()


@login_required
def delete_unit(request, pk, unit_pk):
    org, allowed = _cell_for_units(request, pk)
    unit = get_object_or_404(org.residential_units, pk=unit_pk)
    if not allowed:
        return forbidden(request, org)
    if request.method == "POST":
        units.delete_residential_unit(unit, by=request.user)
        messages.success(request, _("Đã xóa %(unit)s.") % {"unit": unit})
        return redirect(org)
    return render(request, "organizations/confirm_delete.html", {"org": org, "unit": unit})


class _CommitteesFormView(OrganizationFormView):
    back_to_org = True

    permission = "organizations.change_committees"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "org": self.object}


class AddTermView(_CommitteesFormView):
    form_class = TermForm
    success_message = gettext_lazy("Đã thêm nhiệm kỳ.")

    def get_title(self):
        return _("Thêm nhiệm kỳ của %(name)s") % {"name": self.object.name}

    def perform(self, form):
        return committees.add_term(
            organization=self.object, by=self.request.user, **form.cleaned_data
        )


class AddCommitteeView(_CommitteesFormView):
    form_class = CommitteeForm
    success_message = gettext_lazy("Đã thêm cấp ủy.")

    def get_title(self):
        return _("Thêm cấp ủy của %(name)s") % {"name": self.object.name}

    def perform(self, form):
        return committees.add_committee(
            organization=self.object,
            term=form.cleaned_data["term"],
            kind=form.cleaned_data["kind"],
            by=self.request.user,
        )


add_term = AddTermView.as_view()
add_committee = AddCommitteeView.as_view()


class AddModelYearView(OrganizationFormView):
    """ORG-03: the superior's officers choose a model cell for a year."""

    form_class = ModelCellForm
    success_message = gettext_lazy("Đã ghi nhận chi bộ điểm.")
    back_to_org = True

    permission = "organizations.designate_model_cell"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "cell": self.object}

    def get_title(self):
        return _("Chọn %(name)s là chi bộ điểm") % {"name": self.object.name}

    def perform(self, form):
        return units.designate_model_cell(
            cell=self.object, by=self.request.user, **form.cleaned_data
        )


add_model_year = AddModelYearView.as_view()
