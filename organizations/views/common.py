"""What the organization views share: the 403 page and the form screen of one
organization (core.views.write.WriteFormView)."""

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.views.write import WriteFormView

from ..models import Organization
from ..queries import get_organization_for


def forbidden(request, org: Organization | None = None, message: str | None = None):
    """Readable but not writable: a 403 page in Vietnamese (unreadable records are 404)."""
    return render(
        request,
        "organizations/forbidden.html",
        {"org": org, "message": message or _("Bạn không có quyền thực hiện thao tác này.")},
        status=403,
    )


class OrganizationFormView(WriteFormView[Any, Organization]):
    """A form about one organization (`pk` in the URL; 404 outside the reader's reach):
    `permission` names one of organizations/permissions.py, a reader who may not gets the 403
    page. After saving: the saved object's page, or the organization's (`back_to_org`)."""

    template_name = "organizations/form.html"
    submit: str | Promise = gettext_lazy("Lưu")
    danger = False
    back_to_org = False

    def get_object(self) -> Organization:
        return get_organization_for(self.request.user, self.kwargs["pk"])

    def permission_denied(self) -> HttpResponse:
        return forbidden(self.request, self.object)

    def get_title(self) -> str:
        raise NotImplementedError

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = {
            "org": self.object,
            "title": self.get_title(),
            "submit": self.submit,
            "danger": self.danger,
            "cancel_url": self.object.get_absolute_url(),
        }
        return super().get_context_data(**context, **kwargs)

    def get_success_url(self) -> str:
        url = None if self.back_to_org else getattr(self.saved, "get_absolute_url", None)
        return str(url()) if url is not None else self.object.get_absolute_url()


def permissions(user, org: Organization) -> dict[str, bool]:
    """Which buttons the organization page shows (the views refuse the rest)."""
    return {
        "create": user.has_perm("organizations.add_organization", org),
        "edit": user.has_perm("organizations.manage_organization", org),
        "move": user.has_perm("organizations.restructure_organization", org)
        and org.depth > 1
        and not org.is_dissolved,
        "dissolve": user.has_perm("organizations.restructure_organization", org)
        and not org.is_dissolved,
        "succession": user.has_perm("organizations.record_succession", org),
        "units": user.has_perm("organizations.change_units", org),
        "model_year": user.has_perm("organizations.designate_model_cell", org),
        "committees": user.has_perm("organizations.change_committees", org),
    }
