"""URLs of the API v1, included at /api/v1/ by chibo/urls.py."""

from django.urls import path

from . import docs
from .api import api

urlpatterns = [
    path("docs/assets/<str:name>", docs.asset, name="api_docs_asset"),
    path("", api.urls),
]
