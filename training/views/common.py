"""Helpers shared by the training and study pages."""

from django.core.exceptions import ValidationError
from django.http import Http404

from organizations.queries import (
    tree_roots_for,
)

PAGE_SIZE = 50


def _first_root(user):
    roots = tree_roots_for(user)
    if not roots:
        raise Http404
    return roots[0]


def _form_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
