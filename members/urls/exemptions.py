"""URLs of exemptions (EXM-01..02), included by members/urls/register.py, namespace
"members"."""

from django.urls import path

from ..views import exemptions

urlpatterns = [
    path("exemptions/", exemptions.exemption_list, name="exemption_list"),
    path("exemptions/<int:pk>/end/", exemptions.exemption_end, name="exemption_end"),
    path("<int:pk>/exemption/", exemptions.exemption_create, name="exemption_create"),
]
