"""Committee seats (namespace "seats"), under /organizations/ beside the organization
page they belong to (included by chibo/urls.py): the paths are the organization's."""

from django.urls import path

from ..views import seats

app_name = "seats"
urlpatterns = [
    path("<int:pk>/committees/<int:committee_pk>/seats/new/", seats.add_seat, name="add_seat"),
    path("<int:pk>/seats/<int:seat_pk>/end/", seats.end_seat, name="end_seat"),
]
