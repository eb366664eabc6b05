from django.urls import path

from . import views

app_name = "organizations"
urlpatterns = [
    path("", views.tree, name="tree"),
    path("search/", views.search, name="search"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/children/", views.children, name="children"),
    path("<int:pk>/new/", views.create_child, name="create_child"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/move/", views.move, name="move"),
    path("<int:pk>/dissolve/", views.dissolve, name="dissolve"),
    path("<int:pk>/succession/", views.succession, name="succession"),
    path("<int:pk>/model-years/new/", views.add_model_year, name="add_model_year"),
    path("<int:pk>/units/new/", views.add_unit, name="add_unit"),
    path("<int:pk>/units/<int:unit_pk>/edit/", views.edit_unit, name="edit_unit"),
    path("<int:pk>/units/<int:unit_pk>/delete/", views.delete_unit, name="delete_unit"),
    path("<int:pk>/terms/new/", views.add_term, name="add_term"),
    path("<int:pk>/committees/new/", views.add_committee, name="add_committee"),
]
