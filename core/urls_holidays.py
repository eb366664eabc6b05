"""Holiday calendar pages; included by chibo/urls.py under "holidays/"."""

from django.urls import path

from . import views_holidays as views

app_name = "holidays"
urlpatterns = [
    path("", views.holiday_list, name="list"),
    path("new/", views.holiday_create, name="create"),
    path("<int:pk>/edit/", views.holiday_update, name="update"),
    path("<int:pk>/delete/", views.holiday_delete, name="delete"),
]
