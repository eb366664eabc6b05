"""The start page at "/" (namespace "home"): the committee officer's home page."""

from django.urls import path

from ..views import home as views_home

app_name = "home"
urlpatterns = [
    path("", views_home.home, name="page"),
]
