"""The OpenAPI page, served from this server only.

ninja's own Swagger page loads Swagger UI from a CDN unless "ninja" is an installed app;
party offices run on isolated networks and the Content-Security-Policy allows scripts
and styles from our origin only. So the page is our template, and the Swagger UI files
that ship inside the django-ninja package are served by `asset` (a fixed list of names).
Both are for logged-in users only.
"""

import json
from pathlib import Path

import ninja
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from ninja.openapi.docs import DocsBase

ASSETS_DIR = Path(ninja.__file__).parent / "static" / "ninja"
ASSETS = {
    "swagger-ui.css": "text/css",
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui-init.js": "text/javascript",
}


class LocalSwagger(DocsBase):
    """Swagger UI with every file from our origin; settings in a JSON block, no inline
    script (ninja's swagger-ui-init.js reads them)."""

    settings = {"layout": "BaseLayout", "deepLinking": True}

    def render_page(self, request, api, **kwargs):
        settings = {**self.settings, "url": self.get_openapi_url(api, kwargs)}
        return render(
            request,
            "api/swagger.html",
            {"api": api, "swagger_settings": json.dumps(settings)},
        )


@login_required
def asset(request, name: str):
    """One Swagger UI file from the django-ninja package (404 for any other name)."""
    if name not in ASSETS:
        raise Http404
    response = FileResponse((ASSETS_DIR / name).open("rb"), content_type=ASSETS[name])
    response["Cache-Control"] = "private, max-age=86400"
    return response
