"""URLs of transfers (TRF-01..02), included by members/urls/register.py, namespace
"members"."""

from django.urls import path

from ..views import transfers

urlpatterns = [
    path("transfers/", transfers.transfer_list, name="transfer_list"),
    path("transfers/deadlines/", transfers.transfer_deadlines, name="transfer_deadlines"),
    path("transfers/incoming/", transfers.transfer_incoming, name="transfer_incoming"),
    path("transfers/<int:pk>/", transfers.transfer_detail, name="transfer_detail"),
    path("transfers/<int:pk>/send/", transfers.transfer_send, name="transfer_send"),
    path("transfers/<int:pk>/receive/", transfers.transfer_receive, name="transfer_receive"),
    path("transfers/<int:pk>/return/", transfers.transfer_return, name="transfer_return"),
    path("transfers/<int:pk>/cancel/", transfers.transfer_cancel, name="transfer_cancel"),
    path("<int:pk>/transfer/", transfers.transfer_create, name="transfer_create"),
]
