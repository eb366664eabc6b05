from django.urls import path

from .views import browse, edit, records

app_name = "organizations"
urlpatterns = [
    path("", browse.tree, name="tree"),
    path("search/", browse.search, name="search"),
    path("<int:pk>/", browse.detail, name="detail"),
    path("<int:pk>/children/", browse.children, name="children"),
    path("<int:pk>/new/", edit.create_child, name="create_child"),
    path("<int:pk>/edit/", edit.edit, name="edit"),
    path("<int:pk>/move/", edit.move, name="move"),
    path("<int:pk>/dissolve/", edit.dissolve, name="dissolve"),
    path("<int:pk>/succession/", edit.succession, name="succession"),
    path("<int:pk>/model-years/new/", records.add_model_year, name="add_model_year"),
    path("<int:pk>/units/new/", records.add_unit, name="add_unit"),
    path("<int:pk>/units/<int:unit_pk>/edit/", records.edit_unit, name="edit_unit"),
    path("<int:pk>/units/<int:unit_pk>/delete/", records.delete_unit, name="delete_unit"),
    path("<int:pk>/terms/new/", records.add_term, name="add_term"),
    path("<int:pk>/committees/new/", records.add_committee, name="add_committee"),
]
