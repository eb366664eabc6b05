"""URLs of the register's data quality page (included by members/urls/register.py,
namespace "members")."""

from django.urls import path

from ..views import quality

urlpatterns = [
    path("quality/", quality.page, name="quality"),
    path("quality.xlsx", quality.export, name="quality_export"),
]
