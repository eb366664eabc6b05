"""Scans, served only to those who may read the case (404 outside the reach)."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404

from ..queries.cases import get_document_for, get_step_for


def _serve(field):
    if not field:
        raise Http404
    try:
        handle = field.open("rb")
    except OSError as error:
        raise Http404 from error
    return FileResponse(handle, as_attachment=True, filename=field.name.rsplit("/", 1)[-1])


@login_required
def step_file(request, pk):
    """The document uploaded with a step (scoped like its case: 404 outside reach)."""
    if not request.user.has_perm("admissions.view_admissions"):
        raise Http404
    return _serve(get_step_for(request.user, pk).document)


@login_required
def document_file(request, pk):
    """The scan of a dossier document (scoped like its case)."""
    if not request.user.has_perm("admissions.view_admissions"):
        raise Http404
    return _serve(get_document_for(request.user, pk).scan)
