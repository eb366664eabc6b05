from django.urls import path

from .views import candidates, cases, due, files, full_membership, stages, targets

app_name = "admissions"
urlpatterns = [
    path("", due.dashboard, name="dashboard"),
    path("candidates/", candidates.candidate_list, name="candidates"),
    path("candidates/new/", candidates.candidate_new, name="candidate_new"),
    path("candidates/<int:pk>/", candidates.candidate_detail, name="candidate"),
    path("candidates/<int:pk>/state/", candidates.candidate_state, name="candidate_state"),
    path("candidates/<int:pk>/review/", candidates.candidate_review, name="candidate_review"),
    path("candidates/<int:pk>/open/", candidates.case_open, name="case_open"),
    path("cases/<int:pk>/", cases.case_detail, name="case"),
    path("cases/<int:pk>/advance/", stages.case_advance, name="case_advance"),
    path(
        "cases/<int:pk>/committee-base/",
        stages.case_committee_base,
        name="case_committee_base",
    ),
    path("cases/<int:pk>/sponsors/", cases.sponsor_add, name="sponsor_add"),
    path(
        "cases/<int:pk>/sponsors/<int:sponsor_pk>/remove/",
        cases.sponsor_remove,
        name="sponsor_remove",
    ),
    path("cases/<int:pk>/close/", cases.case_close, name="case_close"),
    path("cases/<int:pk>/forms/<str:code>.<str:fmt>", cases.case_document, name="case_document"),
    path("documents/<int:pk>/", cases.document_record, name="document_record"),
    path("documents/<int:pk>/scan/", files.document_file, name="document_file"),
    path("steps/<int:pk>/file/", files.step_file, name="step_file"),
    path("dossiers/incomplete/", cases.incomplete, name="incomplete"),
    path("probation/", full_membership.probation, name="probation"),
    path("probation/<int:member_pk>/open/", full_membership.full_open, name="full_open"),
    path("full/<int:pk>/", full_membership.full_detail, name="full_case"),
    path("full/<int:pk>/advance/", stages.full_advance, name="full_advance"),
    path(
        "full/<int:pk>/committee-base/",
        stages.full_committee_base,
        name="full_committee_base",
    ),
    path(
        "full/<int:pk>/forms/<str:code>.<str:fmt>",
        full_membership.full_document,
        name="full_document",
    ),
    path("results/", targets.results, name="results"),
    path("results/targets/", targets.target_set, name="target_set"),
]
