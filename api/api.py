"""The REST API v1: one NinjaAPI instance, read-only, mounted at /api/v1/.

Authentication is the Django session (ninja's `django_auth`): a user logged in to the
screens can call the API; anyone else gets 401. Every read goes through the scoped query
functions of the apps (`<things>_for(user)`, `get_<thing>_for(user, pk)`), so a record
outside the user's part of the tree is a 404, never a 403, as on the pages. Error
answers carry a `detail` in the user's language (Vietnamese first).
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import django_auth

from . import meetings, members, organizations
from .docs import LocalSwagger

api = NinjaAPI(
    title="chibo API",
    version="1",
    description=(
        "Read-only API of the party-building records. Session authentication; "
        "every list and record is limited to the user's part of the party tree."
    ),
    auth=django_auth,
    urls_namespace="api_v1",
    docs=LocalSwagger(),
    docs_decorator=login_required,
)

api.add_router("/organizations", organizations.router)
api.add_router("/organizations", meetings.router)
api.add_router("/members", members.router)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": _("Không tìm thấy.")}, status=404)


@api.exception_handler(AuthenticationError)
def not_logged_in(request, exc):
    return api.create_response(request, {"detail": _("Bạn cần đăng nhập.")}, status=401)


@api.exception_handler(HttpError)
def http_error(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    """422: a Vietnamese summary in `detail`, pydantic's findings (where and what) in
    `errors`."""
    return api.create_response(
        request,
        {"detail": _("Tham số không hợp lệ."), "errors": exc.errors},
        status=422,
    )
