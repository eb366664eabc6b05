"""One meeting: its page, plan edits, holding, cancelling, the minutes' content; a member's upcoming meetings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import history_rows
from core.forms import apply_errors

from .. import queries, rules, services
from ..enums import Rating
from ..forms import (
    CancelForm,
    DocumentForm,
    HoldForm,
    MinutesForm,
    PlanEditForm,
    ResolutionForm,
    TaskForm,
)
from .common import _meeting, _register_members

# --- One meeting -----------------------------------------------------------------------


@login_required
def detail(request, pk):
    meeting = _meeting(request, pk)
    page = queries.meeting_page(meeting)
    can_edit = queries.can_edit(request.user, meeting.organization)
    minutes_scans, resolution_scans = queries.signed_scans(meeting, page["resolutions"])
    resolutions = [
        (
            r,
            rules.resolution_valid(r.votes_for, page["evaluation"].base_size),
            resolution_scans[r.pk],
        )
        for r in page["resolutions"]
    ]
    return render(
        request,
        "meetings/detail.html",
        {
            "meeting": meeting,
            "org": meeting.organization,
            **page,
            "resolutions": resolutions,
            "rating_label": Rating(page["evaluation"].score.rating).label,
            "minutes_number": minutes_scans.number if meeting.is_held else None,
            "minutes_scans": minutes_scans,
            "can_edit": can_edit,
            "history": history_rows(meeting) if can_edit else [],
            "resolution_form": ResolutionForm() if can_edit and meeting.is_held else None,
            "task_form": TaskForm(members=_register_members(meeting)) if can_edit else None,
            "document_form": DocumentForm() if can_edit else None,
        },
    )


@login_required
def edit_plan(request, pk):
    meeting = _meeting(request, pk, write=True)
    initial = {
        "kind": meeting.kind,
        "planned_on": meeting.planned_on,
        "topic": meeting.topic,
        "place": meeting.place,
        "version": meeting.version,
    }
    form = PlanEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.update_plan(meeting, version=data.pop("version"), by=request.user, **data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã lưu kế hoạch."))
            return redirect(meeting)
    return render(
        request,
        "meetings/form.html",
        {"form": form, "meeting": meeting, "org": meeting.organization, "title": _("Sửa kế hoạch")},
    )


@login_required
def hold(request, pk):
    meeting = _meeting(request, pk, write=True)
    initial = {
        "held_on": meeting.held_on or min(meeting.planned_on, timezone.localdate()),
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "place": meeting.place,
        "version": meeting.version,
    }
    form = HoldForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.hold_meeting(meeting, version=data.pop("version"), by=request.user, **data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã ghi nhận buổi sinh hoạt."))
            return redirect("meetings:attendance", pk=meeting.pk)
    return render(
        request,
        "meetings/form.html",
        {
            "form": form,
            "meeting": meeting,
            "org": meeting.organization,
            "title": _("Ghi nhận đã sinh hoạt"),
        },
    )


@login_required
def cancel(request, pk):
    meeting = _meeting(request, pk, write=True)
    form = CancelForm(request.POST or None, initial={"version": meeting.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.cancel_meeting(
                meeting,
                version=form.cleaned_data["version"],
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã hủy buổi sinh hoạt."))
            return redirect(meeting)
    return render(
        request,
        "meetings/form.html",
        {
            "form": form,
            "meeting": meeting,
            "org": meeting.organization,
            "title": _("Hủy buổi sinh hoạt"),
        },
    )


@login_required
def minutes(request, pk):
    meeting = _meeting(request, pk, write=True)
    names = [f for f in services.MINUTES_FIELDS]
    initial = {name: getattr(meeting, name) for name in names}
    initial["version"] = meeting.version
    form = MinutesForm(request.POST or None, initial=initial, members=_register_members(meeting))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.update_minutes(meeting, version=data.pop("version"), by=request.user, **data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã lưu biên bản."))
            return redirect(meeting)
    return render(
        request,
        "meetings/form.html",
        {"form": form, "meeting": meeting, "org": meeting.organization, "title": _("Biên bản")},
    )


@login_required
def mine(request):
    """A member's upcoming meetings with the documents attached ahead of them."""
    return render(
        request,
        "meetings/mine.html",
        {"meetings": queries.upcoming_for_member(request.user)},
    )
