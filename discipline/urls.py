from django.urls import path

from . import views

app_name = "discipline"
urlpatterns = [
    path("", views.index, name="index"),
    path("org/<int:org_pk>/<int:year>/", views.overview, name="overview"),
    path(
        "org/<int:org_pk>/programmes/new/",
        views.ProgrammeCreateView.as_view(),
        name="programme_create",
    ),
    path(
        "org/<int:org_pk>/inspections/new/",
        views.InspectionCreateView.as_view(),
        name="inspection_create",
    ),
    path(
        "org/<int:org_pk>/assignments/new/",
        views.AssignmentCreateView.as_view(),
        name="assignment_create",
    ),
    path(
        "org/<int:org_pk>/disciplines/new/",
        views.DisciplineCreateView.as_view(),
        name="discipline_create",
    ),
    path("org/<int:org_pk>/statistics/", views.stats, name="stats"),
    path("org/<int:org_pk>/statistics/xlsx/", views.stats_xlsx, name="stats_xlsx"),
    path("inspections/<int:pk>/", views.inspection_detail, name="inspection"),
    path("<int:pk>/", views.discipline_detail, name="detail"),
]
