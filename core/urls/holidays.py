"""Holiday calendar pages; included by chibo/urls.py under "holidays/"."""

from django.urls import path

from core.views import holidays as views

app_name = "holidays"
urlpatterns = [
    path("", views.holiday_list, name="list"),
    path("new/", views.HolidayCreateView.as_view(), name="create"),
    path("<int:pk>/edit/", views.HolidayUpdateView.as_view(), name="update"),
    path("<int:pk>/delete/", views.HolidayDeleteView.as_view(), name="delete"),
]
