"""URLs of the member register: transfers, exemptions and periods of non-participation
(included by members/urls.py, namespace "members")."""

from django.urls import path

from .views import exemptions, participation, transfers

urlpatterns = [
    # TRF-01..02
    path("transfers/", transfers.transfer_list, name="transfer_list"),
    path("transfers/deadlines/", transfers.transfer_deadlines, name="transfer_deadlines"),
    path("transfers/incoming/", transfers.transfer_incoming, name="transfer_incoming"),
    path("transfers/<int:pk>/", transfers.transfer_detail, name="transfer_detail"),
    path("transfers/<int:pk>/send/", transfers.transfer_send, name="transfer_send"),
    path("transfers/<int:pk>/receive/", transfers.transfer_receive, name="transfer_receive"),
    path("transfers/<int:pk>/return/", transfers.transfer_return, name="transfer_return"),
    path("transfers/<int:pk>/cancel/", transfers.transfer_cancel, name="transfer_cancel"),
    path("<int:pk>/transfer/", transfers.transfer_create, name="transfer_create"),
    # EXM-01..02
    path("exemptions/", exemptions.exemption_list, name="exemption_list"),
    path("exemptions/<int:pk>/end/", exemptions.exemption_end, name="exemption_end"),
    path("<int:pk>/exemption/", exemptions.exemption_create, name="exemption_create"),
    # AGE-01, MTG-07
    path(
        "<int:pk>/non-participation/",
        participation.non_participation_create,
        name="non_participation_create",
    ),
    path(
        "non-participation/<int:pk>/end/",
        participation.non_participation_end,
        name="non_participation_end",
    ),
]
