"""Scans, served only to those who may read the case."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from .. import queries
from ..models import CaseDocument, CaseStep
from .common import _require_reach

# --- scans: served only to those who may read the case ----------------------------------------


def _serve(field):
    if not field:
        raise Http404
    try:
        handle = field.open("rb")
    except OSError as error:
        raise Http404 from error
    return FileResponse(handle, as_attachment=True, filename=field.name.rsplit("/", 1)[-1])


def _owner_for(user, case_id, full_case_id):
    if case_id:
        return queries.get_case_for(user, case_id)
    return queries.get_full_case_for(user, full_case_id)


@login_required
def step_file(request, pk):
    """The document uploaded with a step (scoped like its case: 404 outside reach)."""
    _require_reach(request.user)
    step = get_object_or_404(CaseStep, pk=pk)
    _owner_for(request.user, step.case_id, step.full_case_id)
    return _serve(step.document)


@login_required
def document_file(request, pk):
    """The scan of a dossier document (scoped like its case)."""
    _require_reach(request.user)
    document = get_object_or_404(CaseDocument, pk=pk)
    _owner_for(request.user, document.case_id, document.full_case_id)
    return _serve(document.scan)
