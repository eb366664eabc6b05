"""Training and the study of directives and resolutions (namespace "training")."""

from django.urls import path

from .views import courses, study

app_name = "training"
urlpatterns = [
    path("", courses.home, name="home"),
    path("org/<int:org_pk>/courses/", courses.course_list, name="course_list"),
    path("org/<int:org_pk>/courses/export/", courses.course_export, name="course_export"),
    path("org/<int:org_pk>/courses/new/", courses.course_create, name="course_create"),
    path("courses/<int:pk>/", courses.course_detail, name="course_detail"),
    path("courses/<int:pk>/edit/", courses.course_edit, name="course_edit"),
    path("courses/<int:pk>/enroll/", courses.enroll, name="enroll"),
    path("courses/<int:pk>/complete/", courses.complete, name="complete"),
    path("courses/<int:pk>/export/", courses.course_export_enrollments, name="enrollment_export"),
    path("enrollments/<int:pk>/result/", courses.enrollment_result, name="enrollment_result"),
    path("study/", study.study_home, name="study_home"),
    path("org/<int:org_pk>/directives/", study.directive_list, name="directive_list"),
    path("org/<int:org_pk>/directives/export/", study.directive_export, name="directive_export"),
    path("org/<int:org_pk>/directives/new/", study.directive_create, name="directive_create"),
    path("org/<int:org_pk>/directives/<int:pk>/", study.directive_detail, name="directive_detail"),
    path(
        "org/<int:org_pk>/directives/<int:pk>/sessions/new/",
        study.session_create,
        name="session_create",
    ),
    path(
        "org/<int:org_pk>/directives/<int:pk>/export/", study.session_export, name="session_export"
    ),
]
