"""Screens of the party tree: thin views (parse, call a query or service, render).

browse: tree browser, search, organization page (reads only).
edit: create, edit, move, dissolve, succession (officers of the subtree).
records: residential units, terms and committees (officers and the cell's secretary);
  committee seats are members' (members.views.seats).
"""

from .browse import children, detail, search, tree
from .edit import create_child, dissolve, edit, move, succession
from .records import (
    add_committee,
    add_model_year,
    add_term,
    add_unit,
    delete_unit,
    edit_unit,
)

__all__ = [
    "add_committee",
    "add_model_year",
    "add_term",
    "add_unit",
    "children",
    "create_child",
    "delete_unit",
    "detail",
    "dissolve",
    "edit",
    "edit_unit",
    "move",
    "search",
    "succession",
    "tree",
]
