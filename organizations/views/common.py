"""What the organization views share: the 403 page and running a form through a service."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import services
from ..models import Organization


def forbidden(request, org: Organization | None = None, message: str | None = None):
    """Readable but not writable: a 403 page in Vietnamese (unreadable records are 404)."""
    return render(
        request,
        "organizations/forbidden.html",
        {"org": org, "message": message or _("Bạn không có quyền thực hiện thao tác này.")},
        status=403,
    )


def form_page(
    request,
    *,
    org: Organization,
    form,
    save: Callable,
    title: str,
    success: str,
    submit: str | None = None,
    next_url: str | None = None,
    danger: bool = False,
):
    """GET: show the form. POST: validate, call `save(form)` (a service), redirect.

    A ValidationError from the service (a rule checked again while writing, or a lost
    race) is shown beside the fields like the form's own errors; nothing is saved.
    """
    if request.method == "POST" and form.is_valid():
        try:
            result = save(form)
        except ValidationError as exc:
            form.add_errors(exc.message_dict)
        else:
            messages.success(request, success)
            target = next_url or (
                result.get_absolute_url()
                if hasattr(result, "get_absolute_url")
                else org.get_absolute_url()
            )
            return redirect(target)
    return render(
        request,
        "organizations/form.html",
        {
            "org": org,
            "form": form,
            "title": title,
            "submit": submit or _("Lưu"),
            "danger": danger,
            "cancel_url": org.get_absolute_url(),
        },
    )


def permissions(user, org: Organization) -> dict[str, bool]:
    """Which buttons the organization page shows (the views refuse the rest)."""
    return {
        "create": services.may_create_under(user, org),
        "edit": services.may_edit(user, org),
        "move": services.may_move_or_dissolve(user, org) and org.depth > 1 and not org.is_dissolved,
        "dissolve": services.may_move_or_dissolve(user, org) and not org.is_dissolved,
        "succession": services.may_record_succession(user, org),
        "units": services.may_edit_units(user, org),
        "model_year": services.may_designate_model_cell(user, org),
        "committees": services.may_edit_committees(user, org),
    }
