"""Training and study pages: thin views that parse, call training.services, render.

Everything is scoped (accounts.scope): a course, enrollment, organization or study
session outside the user's reach is a 404 on every page and export; a reader who may
not write (an inspector) gets 403 on a write (training.permissions).
"""
