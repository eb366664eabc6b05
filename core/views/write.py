"""The one way to write a screen: a form (or a confirmed action) that calls one service.

`WriteFormView`: GET shows the form; POST validates it, calls `perform(form)` (exactly one
service), and on success adds `success_message` and redirects; a `ValidationError` from the
service is put on the form in one place (`core.forms.apply_errors`: field errors on their
fields, the others above the form) and the form is shown again with `invalid_status`.

`ConfirmActionView`: POST calls `perform()` and redirects; a `ValidationError` becomes an
error message and the user is sent back (`get_error_url()`). GET shows `template_name` (a
confirm page) when there is one, else answers 405.

Both: login required; `get_object()` is the scoped getter (404 outside the user's reach,
e.g. an app's `get_<thing>_for(user, pk)`), then `has_permission(obj)` asks
`request.user.has_perm(permission, obj)` (django-rules); a refusal is a 403
(`permission_denied()`: a screen may answer with its own 403 page, or a 404 when it
hides itself).
"""

from typing import Any, Generic, TypeVar, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.functional import Promise
from django.views.generic import FormView, TemplateView

from core.forms import apply_errors

_F = TypeVar("_F", bound=forms.BaseForm)
_O = TypeVar("_O", bound=models.Model | None)

# What `perform` returns: the saved object (redirected to by its get_absolute_url) or the
# URL to go to.
Saved = models.Model | str | None


class _WriteAccessMixin(AccessMixin, Generic[_O]):
    """Login, the scoped object, the permission: shared by both screens."""

    request: HttpRequest
    kwargs: dict[str, Any]
    permission: str = ""
    success_message: str | Promise = ""
    object: _O

    def get_object(self) -> _O:
        """The object the screen writes to, from the scoped getter (404 outside the reach).
        A screen without one (a create with no parent) keeps this default: None."""
        return cast(_O, None)

    def has_permission(self, obj: _O) -> bool:
        if not self.permission:
            raise ImproperlyConfigured(
                f"{type(self).__name__} names no permission (or overrides has_permission)."
            )
        return self.request.user.has_perm(self.permission, obj)

    def permission_denied(self) -> HttpResponseBase:
        """Readable but not writable: 403 (a screen may answer with its own 403 page, or
        raise Http404 when it hides itself)."""
        raise PermissionDenied

    def get_success_message(self, saved: Saved) -> str:
        return str(self.success_message)

    def _guard(self, request: HttpRequest) -> HttpResponseBase | None:
        if not request.user.is_authenticated:
            return self.handle_no_permission()  # the login page, with ?next=
        self.object = self.get_object()
        if not self.has_permission(self.object):
            return self.permission_denied()
        return None


class WriteFormView(_WriteAccessMixin[_O], FormView[_F], Generic[_F, _O]):
    """A form screen that calls one service. Declare `permission`, `form_class`,
    `template_name`, `success_message`; override `get_object()`, `perform(form)` and,
    when needed, `get_form_kwargs()`, `get_context_data()`, `get_success_url()`."""

    http_method_names = ["get", "post"]
    # The status of a form shown again with its errors (some screens answer 400).
    invalid_status = 200
    saved: Saved = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        refused = self._guard(request)
        if refused is not None:
            return refused
        return super().dispatch(request, *args, **kwargs)

    def perform(self, form: _F) -> Saved:
        """Call exactly one service with the form's data; return the saved object or the
        URL to go to. A ValidationError it raises is shown on the form."""
        raise NotImplementedError

    def form_valid(self, form: _F) -> HttpResponse:
        try:
            self.saved = self.perform(form)
        except ValidationError as error:
            apply_errors(form, error)
            return self.form_invalid(form)
        message = self.get_success_message(self.saved)
        if message:
            messages.success(self.request, message)
        return HttpResponseRedirect(self.get_success_url())

    def form_invalid(self, form: _F) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=form), status=self.invalid_status)

    def get_success_url(self) -> str:
        """The URL `perform` returned, else the saved object's page, else `success_url`."""
        if isinstance(self.saved, str):
            return self.saved
        if isinstance(self.saved, models.Model) and hasattr(self.saved, "get_absolute_url"):
            return str(self.saved.get_absolute_url())
        return super().get_success_url()


class ConfirmActionView(_WriteAccessMixin[_O], TemplateView, Generic[_O]):
    """A POST-only action (a confirm page on GET when `template_name` is set). Declare
    `permission`, `success_message`; override `get_object()`, `perform()`, and
    `get_success_url()` / `get_error_url()` (by default both: the object's page)."""

    http_method_names = ["get", "post"]
    saved: Saved = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        refused = self._guard(request)
        if refused is not None:
            return refused
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.template_name:
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().get(request, *args, **kwargs)

    def perform(self) -> Saved:
        """Call exactly one service; return the saved object, a URL, or None."""
        raise NotImplementedError

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            self.saved = self.perform()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.get_error_url())
        message = self.get_success_message(self.saved)
        if message:
            messages.success(request, message)
        return redirect(self.get_success_url())

    def _object_url(self) -> str:
        url = getattr(self.object, "get_absolute_url", None)
        if url is not None:
            return str(url())
        raise ImproperlyConfigured(f"{type(self).__name__} needs get_success_url().")

    def get_success_url(self) -> str:
        if isinstance(self.saved, str):
            return self.saved
        if isinstance(self.saved, models.Model) and hasattr(self.saved, "get_absolute_url"):
            return str(self.saved.get_absolute_url())
        return self._object_url()

    def get_error_url(self) -> str:
        """Where a refusal sends the user back: the object's page."""
        return self._object_url()
