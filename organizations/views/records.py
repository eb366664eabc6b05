"""An organization's own records: residential units (cells), terms, committees (their
seats: members.views.seats).

Officers of the subtree and the cell's own secretary ("organizations.change_units", "organizations.change_committees")
may change these; readers who may not get a 403 page, anyone else a 404.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.views.write import ConfirmActionView

from ..forms import (
    CommitteeForm,
    ModelCellForm,
    ResidentialUnitForm,
    TermForm,
)
from ..models import Organization
from ..queries import get_organization_for, get_unit_of
from ..services import committees, units
from .common import OrganizationFormView, forbidden


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
        self.unit = get_unit_of(org, self.kwargs["unit_pk"])
        return org

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.unit}

    def get_title(self):
        return _("Sửa %(unit)s") % {"unit": self.unit}

    def _unit(self):
        return {"unit": self.unit}


add_unit = AddUnitView.as_view()
edit_unit = EditUnitView.as_view()


class DeleteUnitView(ConfirmActionView[Organization]):
    """Take a village or block off a cell (a confirm page, then POST): the cell's writers;
    a reader gets the 403 page, anyone else a 404."""

    template_name = "organizations/confirm_delete.html"
    permission = "organizations.change_units"

    def get_object(self) -> Organization:
        org = get_organization_for(self.request.user, self.kwargs["pk"])
        # The unit is looked up before the permission: 404 for a unit of another cell.
        self.unit = get_unit_of(org, self.kwargs["unit_pk"])
        return org

    def permission_denied(self):
        return forbidden(self.request, self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(org=self.object, unit=self.unit, **kwargs)

    def perform(self):
        units.delete_residential_unit(self.unit, by=self.request.user)
        return self.object

    def get_success_message(self, saved):
        return _("Đã xóa %(unit)s.") % {"unit": self.unit}


delete_unit = DeleteUnitView.as_view()


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
