"""Training and the study of directives and resolutions (namespace "training")."""

from django.urls import path

from . import views

app_name = "training"
urlpatterns = [
    path("", views.home, name="home"),
    path("org/<int:org_pk>/courses/", views.course_list, name="course_list"),
    path("org/<int:org_pk>/courses/export/", views.course_export, name="course_export"),
    path("org/<int:org_pk>/courses/new/", views.course_create, name="course_create"),
    path("courses/<int:pk>/", views.course_detail, name="course_detail"),
    path("courses/<int:pk>/edit/", views.course_edit, name="course_edit"),
    path("courses/<int:pk>/enroll/", views.enroll, name="enroll"),
    path("courses/<int:pk>/complete/", views.complete, name="complete"),
    path("courses/<int:pk>/export/", views.course_export_enrollments, name="enrollment_export"),
    path("enrollments/<int:pk>/result/", views.enrollment_result, name="enrollment_result"),
    path("study/", views.study_home, name="study_home"),
    path("org/<int:org_pk>/directives/", views.directive_list, name="directive_list"),
    path("org/<int:org_pk>/directives/export/", views.directive_export, name="directive_export"),
    path("org/<int:org_pk>/directives/new/", views.directive_create, name="directive_create"),
    path("org/<int:org_pk>/directives/<int:pk>/", views.directive_detail, name="directive_detail"),
    path(
        "org/<int:org_pk>/directives/<int:pk>/sessions/new/",
        views.session_create,
        name="session_create",
    ),
    path(
        "org/<int:org_pk>/directives/<int:pk>/export/", views.session_export, name="session_export"
    ),
]
