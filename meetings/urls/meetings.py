"""The meeting screens (namespace "meetings")."""

from django.urls import path

from ..views import (
    attendance,
    documents,
    meeting,
    plan,
    resolutions,
    scoring,
    superior_attendance,
)

app_name = "meetings"
urlpatterns = [
    path("mine/", meeting.mine, name="mine"),
    path("cell/<int:org_pk>/", plan.cell_plan, name="plan"),
    path("cell/<int:org_pk>/<int:year>/", plan.cell_plan, name="plan_year"),
    path("cell/<int:org_pk>/<int:year>/generate/", plan.generate_plan, name="generate"),
    path("cell/<int:org_pk>/new/", plan.create, name="create"),
    path("cell/<int:org_pk>/feed/", plan.feed_link, name="feed_link"),
    path("ics/<str:token>.ics", plan.feed, name="feed"),
    path("<int:pk>/", meeting.detail, name="detail"),
    path("<int:pk>/edit/", meeting.edit_plan, name="edit"),
    path("<int:pk>/hold/", meeting.hold, name="hold"),
    path("<int:pk>/cancel/", meeting.cancel, name="cancel"),
    path("<int:pk>/minutes/", meeting.minutes, name="minutes"),
    path("<int:pk>/attendance/", attendance.attendance, name="attendance"),
    path(
        "<int:pk>/attendance/<int:member_pk>/",
        attendance.attendance_row,
        name="attendance_row",
    ),
    path("<int:pk>/resolutions/new/", resolutions.resolution_create, name="resolution_create"),
    path("<int:pk>/tasks/new/", resolutions.task_create, name="task_create"),
    path("tasks/<int:pk>/done/", resolutions.task_done, name="task_done"),
    path("<int:pk>/documents/new/", documents.document_upload, name="document_upload"),
    path("documents/<int:pk>/", documents.document_download, name="document"),
    path("<int:pk>/superiors/new/", superior_attendance.superior_add, name="superior_add"),
    path(
        "<int:pk>/minutes.docx",
        documents.minutes_document,
        {"fmt": "docx"},
        name="minutes_docx",
    ),
    path("<int:pk>/minutes.pdf", documents.minutes_document, {"fmt": "pdf"}, name="minutes_pdf"),
    path("<int:pk>/minutes/issue/", documents.issue_minutes, name="issue_minutes"),
    path(
        "resolutions/<int:pk>.docx",
        documents.resolution_document,
        {"fmt": "docx"},
        name="resolution_docx",
    ),
    path(
        "resolutions/<int:pk>.pdf",
        documents.resolution_document,
        {"fmt": "pdf"},
        name="resolution_pdf",
    ),
    path("resolutions/<int:pk>/issue/", documents.issue_resolution, name="issue_resolution"),
    # Signed scans of numbered documents, served only through the scoped view.
    path("<int:pk>/minutes/scan/", documents.minutes_scan, name="minutes_scan"),
    path("resolutions/<int:pk>/scan/", documents.resolution_scan, name="resolution_scan"),
    path("scans/<int:pk>/", documents.scan_download, name="scan"),
    # MTG-06: the superior committee's follow-up of its cells.
    path(
        "supervision/<int:org_pk>/",
        superior_attendance.superior_attendance,
        name="supervision",
    ),
    path(
        "supervision/<int:org_pk>/<int:year>/",
        superior_attendance.superior_attendance,
        name="supervision_year",
    ),
    path(
        "supervision/assignments/<int:pk>/delete/",
        superior_attendance.assignment_delete,
        name="assignment_delete",
    ),
    # MTG-05: the province's weights of the meeting score.
    path("scoring/", scoring.scoring_index, name="scoring_index"),
    path("scoring/default/", scoring.scoring, name="scoring_default"),
    path("scoring/<int:org_pk>/", scoring.scoring, name="scoring"),
]
