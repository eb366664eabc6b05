"""Helpers shared by the training and study pages."""

from django.http import Http404

from organizations.queries import (
    tree_roots_for,
)


def _first_root(user):
    roots = tree_roots_for(user)
    if not roots:
        raise Http404
    return roots[0]
