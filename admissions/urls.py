from django.urls import path

from . import views

app_name = "admissions"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("candidates/", views.candidate_list, name="candidates"),
    path("candidates/new/", views.candidate_new, name="candidate_new"),
    path("candidates/<int:pk>/", views.candidate_detail, name="candidate"),
    path("candidates/<int:pk>/state/", views.candidate_state, name="candidate_state"),
    path("candidates/<int:pk>/review/", views.candidate_review, name="candidate_review"),
    path("candidates/<int:pk>/open/", views.case_open, name="case_open"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
    path("cases/<int:pk>/advance/", views.case_advance, name="case_advance"),
    path(
        "cases/<int:pk>/committee-base/",
        views.case_committee_base,
        name="case_committee_base",
    ),
    path("cases/<int:pk>/sponsors/", views.sponsor_add, name="sponsor_add"),
    path(
        "cases/<int:pk>/sponsors/<int:sponsor_pk>/remove/",
        views.sponsor_remove,
        name="sponsor_remove",
    ),
    path("cases/<int:pk>/close/", views.case_close, name="case_close"),
    path("cases/<int:pk>/forms/<str:code>.<str:fmt>", views.case_document, name="case_document"),
    path("documents/<int:pk>/", views.document_record, name="document_record"),
    path("documents/<int:pk>/scan/", views.document_file, name="document_file"),
    path("steps/<int:pk>/file/", views.step_file, name="step_file"),
    path("dossiers/incomplete/", views.incomplete, name="incomplete"),
    path("probation/", views.probation, name="probation"),
    path("probation/<int:member_pk>/open/", views.full_open, name="full_open"),
    path("full/<int:pk>/", views.full_detail, name="full_case"),
    path("full/<int:pk>/advance/", views.full_advance, name="full_advance"),
    path(
        "full/<int:pk>/committee-base/",
        views.full_committee_base,
        name="full_committee_base",
    ),
    path("full/<int:pk>/forms/<str:code>.<str:fmt>", views.full_document, name="full_document"),
    path("results/", views.results, name="results"),
    path("results/targets/", views.target_set, name="target_set"),
]
