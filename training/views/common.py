"""What the training and study pages share."""

from django.http import Http404

from organizations.queries import tree_roots_for


def first_root(user):
    """The first organization of the user's reach (the start of both home pages); 404 for
    a user who reaches none."""
    roots = tree_roots_for(user)
    if not roots:
        raise Http404
    return roots[0]
