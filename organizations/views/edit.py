"""Changing the tree: create a subordinate, edit, move, dissolve, record a succession.

Only officers whose subtree holds the organization (accounts.scope.can_manage_subtree)
may do these; a reader who may not gets a 403 page, anyone else a 404.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..forms import DissolveForm, MoveForm, OrganizationForm, SuccessionForm
from ..queries import move_targets_for, superior_of, writable_organizations_for
from ..services import tree
from .common import OrganizationFormView


class CreateChildView(OrganizationFormView):
    form_class = OrganizationForm
    submit = gettext_lazy("Thêm tổ chức")
    success_message = gettext_lazy("Đã thêm tổ chức trực thuộc.")

    permission = "organizations.add_organization"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "superior": self.object}

    def get_title(self):
        return _("Thành lập tổ chức trực thuộc %(name)s") % {"name": self.object.name}

    def perform(self, form):
        return tree.create_organization(
            superior=self.object, by=self.request.user, **form.cleaned_data
        )


class EditView(OrganizationFormView):
    form_class = OrganizationForm
    success_message = gettext_lazy("Đã lưu thay đổi.")

    permission = "organizations.manage_organization"

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": self.object,
            "superior": superior_of(self.object),
        }

    def get_title(self):
        return _("Sửa thông tin %(name)s") % {"name": self.object.name}

    def perform(self, form):
        return tree.update_organization(self.object, by=self.request.user, **form.cleaned_data)


class MoveView(OrganizationFormView):
    form_class = MoveForm
    submit = gettext_lazy("Điều chuyển")
    success_message = gettext_lazy("Đã điều chuyển tổ chức cùng các tổ chức trực thuộc.")
    back_to_org = True

    def has_permission(self, obj):
        return (
            self.request.user.has_perm("organizations.restructure_organization", obj)
            and obj.depth > 1
        )

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "org": self.object,
            "targets": move_targets_for(self.request.user, self.object),
        }

    def get_title(self):
        return _("Điều chuyển %(name)s sang tổ chức cấp trên khác") % {"name": self.object.name}

    def perform(self, form):
        return tree.move_organization(
            self.object,
            to=form.cleaned_data["to"],
            moved_on=form.cleaned_data["moved_on"],
            reason=form.cleaned_data["reason"],
            by=self.request.user,
        )


class DissolveView(OrganizationFormView):
    form_class = DissolveForm
    submit = gettext_lazy("Giải thể")
    success_message = gettext_lazy("Đã ghi nhận giải thể.")
    danger = True

    permission = "organizations.restructure_organization"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "org": self.object}

    def get_title(self):
        return _("Giải thể %(name)s") % {"name": self.object.name}

    def perform(self, form):
        return tree.dissolve_organization(
            self.object,
            on=form.cleaned_data["dissolved_on"],
            reason=form.cleaned_data["reason"],
            by=self.request.user,
        )


class SuccessionView(OrganizationFormView):
    form_class = SuccessionForm
    success_message = gettext_lazy("Đã ghi nhận quan hệ kế thừa.")
    back_to_org = True

    permission = "organizations.record_succession"

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "org": self.object,
            "others": writable_organizations_for(self.request.user).order_by("path"),
        }

    def get_title(self):
        return _("Ghi nhận kế thừa (hợp nhất, chia tách, đổi tên) của %(name)s") % {
            "name": self.object.name
        }

    def perform(self, form):
        predecessor, successor = form.pair()
        return tree.record_succession(
            predecessor=predecessor,
            successor=successor,
            kind=form.cleaned_data["kind"],
            effective_on=form.cleaned_data["effective_on"],
            note=form.cleaned_data["note"],
            by=self.request.user,
        )


create_child = CreateChildView.as_view()
edit = EditView.as_view()
move = MoveView.as_view()
dissolve = DissolveView.as_view()
succession = SuccessionView.as_view()
