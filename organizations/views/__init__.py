"""Screens of the party tree: thin views (parse, call a query or service, render).

browse: tree browser, search, organization page (reads only).
edit: create, edit, move, dissolve, succession (officers of the subtree).
records: residential units, terms and committees (officers and the cell's secretary);
  committee seats are members' (members.views.seats).
common: the 403 page and OrganizationFormView, the form screen of one organization.
"""
