"""Resolutions and tasks (MTG-07, MTG-04)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.forms import apply_errors

from .. import queries, services
from ..forms import (
    ResolutionForm,
    TaskForm,
)
from ..models import Task
from .common import _meeting, _register_members, _writable

# --- Resolutions, tasks, documents, superiors ------------------------------------------


@login_required
def resolution_create(request, pk):
    meeting = _meeting(request, pk, write=True)
    form = ResolutionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_resolution(meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã ghi nghị quyết."))
            return redirect(meeting)
    return render(
        request,
        "meetings/form.html",
        {"form": form, "meeting": meeting, "org": meeting.organization, "title": _("Nghị quyết")},
    )


@login_required
def task_create(request, pk):
    meeting = _meeting(request, pk, write=True)
    form = TaskForm(request.POST or None, members=_register_members(meeting))
    if request.method == "POST" and form.is_valid():
        try:
            services.add_task(meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã giao nhiệm vụ."))
            return redirect(meeting)
    return render(
        request,
        "meetings/form.html",
        {
            "form": form,
            "meeting": meeting,
            "org": meeting.organization,
            "title": _("Giao nhiệm vụ"),
        },
    )


@login_required
@require_POST
def task_done(request, pk):
    task = get_object_or_404(
        Task.objects.select_related("meeting__organization").filter(
            meeting__in=queries.meetings_for(request.user)
        ),
        pk=pk,
    )
    _writable(request, task.meeting.organization)
    try:
        services.complete_task(task, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(request.POST.get("next") or task.meeting.get_absolute_url())
