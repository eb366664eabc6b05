"""What every admission view shares: the reach and write checks, putting a refusal on a form, the form-write patterns."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from accounts.enums import Role
from accounts.scope import active_roles, can_write_org
from core.forms import apply_errors

from .. import queries, rules, services


def _require_reach(user) -> None:
    """Admission pages are for those who reach some organization; a member gets 404."""
    if not (active_roles(user) - {Role.MEMBER}):
        raise Http404


def _require_write(user, organization) -> None:
    """Readable but not writable: 403 before any form is looked at."""
    if not can_write_org(user, organization):
        raise PermissionDenied


def _error_messages(form, error: ValidationError) -> None:
    """Put a service's refusal on the form: findings (with rule IDs) as non-field errors."""
    findings = getattr(error, "findings", None)
    if findings is not None:
        for message in error.messages:
            form.add_error(None, message)
        return
    apply_errors(form, error)


_REFUSED = object()


def _form_write(request, form, write, success: str | None = None):
    """The write a form view makes: a valid form calls `write(cleaned_data)`, a service's
    refusal goes onto the form. Returns what the write returned, or `_REFUSED` when the
    form is invalid or the service refused (the page is then shown again with the form)."""
    if not form.is_valid():
        return _REFUSED
    try:
        result = write(form.cleaned_data)
    except ValidationError as error:
        _error_messages(form, error)
        return _REFUSED
    if success:
        messages.success(request, success)
    return result


def _flash_write(request, form, write, success: str) -> None:
    """The write a small inline form makes (then back to the page): errors and refusals
    as flash messages."""
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
        return
    try:
        write(form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)


def _advance_write(request, form, advance, case, stage: str, success: str):
    """One step of a case (`services.advance` or `services.advance_full`) from its form."""

    def write(data):
        return advance(
            case,
            stage,
            by=request.user,
            on=data["on"],
            document=data.get("document"),
            override_reason=data.get("override_reason") or "",
            **form.facts(),
        )

    return _form_write(request, form, write, success)


def _writable_candidate(request, pk):
    """The candidate, 404 outside the user's reach, 403 if readable but not writable."""
    _require_reach(request.user)
    candidate = queries.get_candidate_for(request.user, pk)
    _require_write(request.user, candidate.cell)
    return candidate


def _writable_case(request, pk):
    """The admission case, 404 outside the user's reach, 403 if readable but not writable."""
    _require_reach(request.user)
    case = queries.get_case_for(request.user, pk)
    _require_write(request.user, case.cell)
    return case


def _export_query(request) -> str:
    query = request.GET.copy()
    query["format"] = "xlsx"
    return query.urlencode()


def _committee_base(cell, *, resolved_on=None, upcoming: bool = False, form=None):
    """ADM-06: who counts in the grassroots committee's vote, for the case page.

    Once the resolution is recorded: the register on its date. Before (`upcoming`): the
    register on the date typed in the step form, else today. None when neither.
    """
    if resolved_on is None and not upcoming:
        return None
    on = resolved_on or (getattr(form, "cleaned_data", None) or {}).get("on")
    on = on or timezone.localdate()
    organization = services.grassroots_of(cell)
    seats = services.committee_voters_on(organization, on)
    return {
        "organization": organization,
        "on": on,
        "seats": seats,
        "size": len(seats),
        "need": rules.two_thirds(len(seats)),
        "recorded": resolved_on is not None,
    }


def _committee_base_response(request, cell, obj):
    """ADM-06: the committee-base panel for the date typed in the step form (htmx)."""
    try:
        on = forms.DateField(required=False).clean(request.GET.get("on", ""))
    except ValidationError:
        on = None
    base = _committee_base(cell, upcoming=True)
    if on is not None:
        seats = services.committee_voters_on(base["organization"], on)
        base.update(on=on, seats=seats, size=len(seats), need=services.rules.two_thirds(len(seats)))
    return render(request, "admissions/_committee_base.html", {"base": base, "obj": obj})
