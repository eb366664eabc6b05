"""Middleware: a strict Content-Security-Policy (every script, style, font and image from
our origin), Vietnamese first, and htmx requests sent to the login page whole."""

from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import resolve_url

GetResponse = Callable[[HttpRequest], HttpResponseBase]

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        return response


class VietnameseFirstMiddleware:
    """Vietnamese unless the user chose English with the language switch.

    Django would otherwise follow the browser's Accept-Language, so an office PC with an
    English-language browser would show English; the choice is the user's, made once with
    the VI/EN buttons (kept in the language cookie). Must run before LocaleMiddleware.
    """

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class HtmxLoginRedirectMiddleware:
    """When the session has expired, an htmx request (a progress bar's poll, a filter) would
    follow the redirect to the login page and swap the whole login page into a fragment.
    Instead answer with `HX-Redirect`: htmx sends the browser to the login page, which
    comes back to the page the user was on (HX-Current-URL), not to the fragment's URL."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if request.headers.get("HX-Request") != "true" or response.status_code != 302:
            return response

        login = resolve_url("accounts:login")
        if urlsplit(response["Location"]).path != login:
            return response
        current = urlsplit(request.headers.get("HX-Current-URL", ""))
        same_site = not current.netloc or current.netloc == request.get_host()
        back = current.path if current.path and same_site else "/"
        if current.query and same_site:
            back = f"{back}?{current.query}"
        answer = HttpResponse(status=204)
        answer["HX-Redirect"] = redirect_to_login(back, login)["Location"]
        return answer
