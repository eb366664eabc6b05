from django.urls import path

from . import views

app_name = "meetings"
urlpatterns = [
    path("mine/", views.mine, name="mine"),
    path("cell/<int:org_pk>/", views.cell_plan, name="plan"),
    path("cell/<int:org_pk>/<int:year>/", views.cell_plan, name="plan_year"),
    path("cell/<int:org_pk>/<int:year>/generate/", views.generate_plan, name="generate"),
    path("cell/<int:org_pk>/new/", views.create, name="create"),
    path("cell/<int:org_pk>/feed/", views.feed_link, name="feed_link"),
    path("ics/<str:token>.ics", views.feed, name="feed"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit_plan, name="edit"),
    path("<int:pk>/hold/", views.hold, name="hold"),
    path("<int:pk>/cancel/", views.cancel, name="cancel"),
    path("<int:pk>/minutes/", views.minutes, name="minutes"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/attendance/<int:member_pk>/", views.attendance_row, name="attendance_row"),
    path("<int:pk>/resolutions/new/", views.resolution_create, name="resolution_create"),
    path("<int:pk>/tasks/new/", views.task_create, name="task_create"),
    path("tasks/<int:pk>/done/", views.task_done, name="task_done"),
    path("<int:pk>/documents/new/", views.document_upload, name="document_upload"),
    path("documents/<int:pk>/", views.document_download, name="document"),
    path("<int:pk>/superiors/new/", views.superior_add, name="superior_add"),
    path("<int:pk>/minutes.docx", views.minutes_document, {"fmt": "docx"}, name="minutes_docx"),
    path("<int:pk>/minutes.pdf", views.minutes_document, {"fmt": "pdf"}, name="minutes_pdf"),
    path("<int:pk>/minutes/issue/", views.issue_minutes, name="issue_minutes"),
    path(
        "resolutions/<int:pk>.docx",
        views.resolution_document,
        {"fmt": "docx"},
        name="resolution_docx",
    ),
    path(
        "resolutions/<int:pk>.pdf", views.resolution_document, {"fmt": "pdf"}, name="resolution_pdf"
    ),
    path("resolutions/<int:pk>/issue/", views.issue_resolution, name="issue_resolution"),
    # Signed scans of numbered documents, served only through the scoped view.
    path("<int:pk>/minutes/scan/", views.minutes_scan, name="minutes_scan"),
    path("resolutions/<int:pk>/scan/", views.resolution_scan, name="resolution_scan"),
    path("scans/<int:pk>/", views.scan_download, name="scan"),
    # MTG-06: the superior committee's follow-up of its cells.
    path("supervision/<int:org_pk>/", views.superior_attendance, name="supervision"),
    path(
        "supervision/<int:org_pk>/<int:year>/", views.superior_attendance, name="supervision_year"
    ),
    path(
        "supervision/assignments/<int:pk>/delete/",
        views.assignment_delete,
        name="assignment_delete",
    ),
    # MTG-05: the province's weights of the meeting score.
    path("scoring/", views.scoring_index, name="scoring_index"),
    path("scoring/default/", views.scoring, name="scoring_default"),
    path("scoring/<int:org_pk>/", views.scoring, name="scoring"),
]
