from django.urls import path

from . import views

app_name = "reviews"
urlpatterns = [
    path("", views.index, name="index"),
    path("round/<int:org_pk>/<int:year>/", views.round_view, name="round"),
    path("round/<int:org_pk>/<int:year>/open/", views.round_open, name="round_open"),
    path("round/<int:org_pk>/<int:year>/settings/", views.round_settings, name="round_settings"),
    path("round/<int:org_pk>/<int:year>/publish/", views.round_publish, name="round_publish"),
    path("member/<int:member_pk>/<int:year>/", views.member_review, name="member"),
    path("organization/<int:org_pk>/<int:year>/", views.organization_review, name="organization"),
    path("results/<int:org_pk>/<int:year>/", views.results_view, name="results"),
    path("results/<int:org_pk>/<int:year>/xlsx/", views.results_xlsx, name="results_xlsx"),
    path("results/<int:org_pk>/<int:year>/docx/", views.results_docx, name="results_docx"),
]
