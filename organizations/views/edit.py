"""Changing the tree: create a subordinate, edit, move, dissolve, record a succession.

Only officers whose subtree holds the organization (accounts.scope.can_manage_subtree)
may do these; a reader who may not gets a 403 page, anyone else a 404.
"""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _

from .. import services
from ..forms import DissolveForm, MoveForm, OrganizationForm, SuccessionForm
from ..models import Organization
from ..queries import get_organization_for, move_targets_for, writable_organizations_for
from .common import forbidden, form_page


@login_required
def create_child(request, pk):
    superior = get_organization_for(request.user, pk)
    if not services.may_create_under(request.user, superior):
        return forbidden(request, superior)
    form = OrganizationForm(request.POST or None, superior=superior)
    return form_page(
        request,
        org=superior,
        form=form,
        save=lambda f: services.create_organization(
            superior=superior, by=request.user, **f.cleaned_data
        ),
        title=_("Thành lập tổ chức trực thuộc %(name)s") % {"name": superior.name},
        success=_("Đã thêm tổ chức trực thuộc."),
        submit=_("Thêm tổ chức"),
    )


@login_required
def edit(request, pk):
    org = get_organization_for(request.user, pk)
    if not services.may_edit(request.user, org):
        return forbidden(request, org)
    form = OrganizationForm(
        request.POST or None, instance=org, superior=Organization.objects.get_parent(org)
    )
    return form_page(
        request,
        org=org,
        form=form,
        save=lambda f: services.update_organization(org, by=request.user, **f.cleaned_data),
        title=_("Sửa thông tin %(name)s") % {"name": org.name},
        success=_("Đã lưu thay đổi."),
    )


@login_required
def move(request, pk):
    org = get_organization_for(request.user, pk)
    if not services.may_move_or_dissolve(request.user, org) or org.depth <= 1:
        return forbidden(request, org)
    form = MoveForm(request.POST or None, org=org, targets=move_targets_for(request.user, org))
    return form_page(
        request,
        org=org,
        form=form,
        save=lambda f: services.move_organization(
            org,
            to=f.cleaned_data["to"],
            moved_on=f.cleaned_data["moved_on"],
            reason=f.cleaned_data["reason"],
            by=request.user,
        ),
        title=_("Điều chuyển %(name)s sang tổ chức cấp trên khác") % {"name": org.name},
        success=_("Đã điều chuyển tổ chức cùng các tổ chức trực thuộc."),
        submit=_("Điều chuyển"),
        next_url=org.get_absolute_url(),
    )


@login_required
def dissolve(request, pk):
    org = get_organization_for(request.user, pk)
    if not services.may_move_or_dissolve(request.user, org):
        return forbidden(request, org)
    form = DissolveForm(request.POST or None, org=org)
    return form_page(
        request,
        org=org,
        form=form,
        save=lambda f: services.dissolve_organization(
            org,
            on=f.cleaned_data["dissolved_on"],
            reason=f.cleaned_data["reason"],
            by=request.user,
        ),
        title=_("Giải thể %(name)s") % {"name": org.name},
        success=_("Đã ghi nhận giải thể."),
        submit=_("Giải thể"),
        danger=True,
    )


@login_required
def succession(request, pk):
    org = get_organization_for(request.user, pk)
    if not services.may_record_succession(request.user, org):
        return forbidden(request, org)
    form = SuccessionForm(
        request.POST or None,
        org=org,
        others=writable_organizations_for(request.user).order_by("path"),
    )

    def save(f):
        predecessor, successor = f.pair()
        return services.record_succession(
            predecessor=predecessor,
            successor=successor,
            kind=f.cleaned_data["kind"],
            effective_on=f.cleaned_data["effective_on"],
            note=f.cleaned_data["note"],
            by=request.user,
        )

    return form_page(
        request,
        org=org,
        form=form,
        save=save,
        title=_("Ghi nhận kế thừa (hợp nhất, chia tách, đổi tên) của %(name)s")
        % {"name": org.name},
        success=_("Đã ghi nhận quan hệ kế thừa."),
        next_url=org.get_absolute_url(),
    )
