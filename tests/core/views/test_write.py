"""core.views.write: WriteFormView and ConfirmActionView, driven with a tiny form and
service through RequestFactory (the responses are not rendered: the context is read)."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.http import Http404
from django.test import RequestFactory

from core.views.write import ConfirmActionView, Saved, WriteFormView

PERMISSION = "core.manage_holidays"  # system administrators (accounts.permissions)
calls: list[dict] = []


class NameForm(forms.Form):
    name = forms.CharField()


def service(*, name):
    """The tiny service: refuses by field, by message, or records the call."""
    if name == "field":
        raise ValidationError({"name": "Tên đã có."})
    if name == "other":
        raise ValidationError({"elsewhere": "Không phải trường của biểu mẫu."})
    if name == "plain":
        raise ValidationError("Không được phép lúc này.")
    calls.append({"name": name})
    return "/done/"


class NameView(WriteFormView[NameForm, None]):
    permission = PERMISSION
    form_class = NameForm
    template_name = "unused.html"
    success_message = "Đã lưu."

    def perform(self, form: NameForm) -> Saved:
        return service(**form.cleaned_data)


class BadRequestView(NameView):
    invalid_status = 400


class ActionView(ConfirmActionView[None]):
    permission = PERMISSION
    success_message = "Đã làm."

    def perform(self) -> Saved:
        service(name=self.request.POST.get("name", ""))
        return "/done/"

    def get_error_url(self) -> str:
        return "/back/"


def _request(user, method="get", data=None):
    factory = RequestFactory()
    request = factory.post("/x/", data or {}) if method == "post" else factory.get("/x/")
    request.user = user
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def _messages(request):
    return [(m.level_tag, str(m)) for m in get_messages(request)]


@pytest.fixture(autouse=True)
def _no_calls():
    calls.clear()


def test_get_shows_the_form(admin_user):
    response = NameView.as_view()(_request(admin_user))
    assert response.status_code == 200
    assert isinstance(response.context_data["form"], NameForm)


def test_success_adds_the_message_and_redirects(admin_user):
    request = _request(admin_user, "post", {"name": "Lan"})
    response = NameView.as_view()(request)
    assert response.status_code == 302 and response["Location"] == "/done/"
    assert calls == [{"name": "Lan"}]
    assert _messages(request) == [("success", "Đã lưu.")]


def test_a_field_refusal_lands_on_the_field(admin_user):
    request = _request(admin_user, "post", {"name": "field"})
    response = NameView.as_view()(request)
    assert response.status_code == 200
    form = response.context_data["form"]
    assert form.errors == {"name": ["Tên đã có."]}
    assert _messages(request) == []


def test_a_refusal_on_another_field_lands_above_the_form(admin_user):
    response = NameView.as_view()(_request(admin_user, "post", {"name": "other"}))
    assert response.context_data["form"].non_field_errors() == ["Không phải trường của biểu mẫu."]


def test_a_message_refusal_lands_above_the_form(admin_user):
    response = NameView.as_view()(_request(admin_user, "post", {"name": "plain"}))
    form = response.context_data["form"]
    assert form.non_field_errors() == ["Không được phép lúc này."]
    assert "name" not in form.errors


def test_invalid_status_is_the_screens(admin_user):
    assert (
        BadRequestView.as_view()(_request(admin_user, "post", {"name": "plain"})).status_code == 400
    )
    assert BadRequestView.as_view()(_request(admin_user, "post", {})).status_code == 400
    assert BadRequestView.as_view()(_request(admin_user)).status_code == 200


def test_without_the_permission_403_and_no_call(officer):
    with pytest.raises(PermissionDenied):  # raises-without-match: a bare PermissionDenied
        NameView.as_view()(_request(officer, "post", {"name": "Lan"}))
    with pytest.raises(PermissionDenied):  # raises-without-match: a bare PermissionDenied
        ActionView.as_view()(_request(officer, "post", {"name": "Lan"}))
    assert calls == []


def test_a_hidden_screen_turns_the_refusal_into_404(officer):
    class Hidden(NameView):
        def permission_denied(self):
            raise Http404

    with pytest.raises(Http404):
        Hidden.as_view()(_request(officer))


def test_the_object_comes_from_the_scoped_getter_before_the_permission(admin_user):
    class Scoped(NameView):
        def get_object(self):
            raise Http404("outside the reach")

    with pytest.raises(Http404, match="outside the reach"):
        Scoped.as_view()(_request(admin_user))


def test_a_view_without_permission_is_a_mistake(admin_user):
    class Forgotten(NameView):
        permission = ""

    with pytest.raises(ImproperlyConfigured, match="names no permission"):
        Forgotten.as_view()(_request(admin_user))


def test_anonymous_goes_to_login(db):
    from django.contrib.auth.models import AnonymousUser

    response = NameView.as_view()(_request(AnonymousUser()))
    assert response.status_code == 302 and "next=" in response["Location"]


def test_other_methods_are_refused(admin_user):
    request = RequestFactory().put("/x/")
    request.user = admin_user
    assert NameView.as_view()(request).status_code == 405


def test_action_success_and_refusal(admin_user):
    request = _request(admin_user, "post", {"name": "Lan"})
    response = ActionView.as_view()(request)
    assert response.status_code == 302 and response["Location"] == "/done/"
    assert _messages(request) == [("success", "Đã làm.")]

    request = _request(admin_user, "post", {"name": "field"})
    response = ActionView.as_view()(request)
    assert response.status_code == 302 and response["Location"] == "/back/"
    assert _messages(request) == [("error", "Tên đã có.")]


def test_action_without_a_confirm_page_refuses_get(admin_user):
    assert ActionView.as_view()(_request(admin_user)).status_code == 405


def test_action_with_a_confirm_page_shows_it(admin_user):
    class Confirmed(ActionView):
        template_name = "unused.html"

    response = Confirmed.as_view()(_request(admin_user))
    assert response.status_code == 200 and response.template_name == ["unused.html"]
