"""MTG-06: superior committee members at meetings, assignments to cells, cells never visited."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.forms import apply_errors

from .. import queries, services
from ..forms import AssignmentForm, SuperiorForm
from ..models import SupervisorAssignment
from .common import _meeting


@login_required
def superior_add(request, pk):
    meeting = _meeting(request, pk, write=True)
    assignments = SupervisorAssignment.objects.filter(
        organization=meeting.organization, year=meeting.on.year
    ).select_related("member")
    form = SuperiorForm(request.POST or None, assignments=assignments)
    if request.method == "POST" and form.is_valid():
        assignment = form.cleaned_data["assignment"]
        try:
            services.add_superior(
                meeting,
                by=request.user,
                member=assignment.member if assignment else None,
                name=form.cleaned_data["name"],
                position=form.cleaned_data["position"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return redirect(meeting)
    return render(
        request,
        "meetings/form.html",
        {
            "form": form,
            "meeting": meeting,
            "org": meeting.organization,
            "title": _("Cấp ủy cấp trên dự sinh hoạt"),
        },
    )


# --- The superior's screen: assignments, attendance, cells never visited ----------------


@login_required
def superior_attendance(request, org_pk, year=None):
    """MTG-06 for a committee: its cells, who is assigned to each for the year, which
    meetings each committee member attended, and the cells no one visited."""
    superior = queries.get_superior_for(request.user, org_pk)
    year = year or timezone.localdate().year
    can_edit = queries.can_edit(request.user, superior)
    cells = queries.followed_cells(superior)
    members = queries.committee_members(superior, year)
    form = AssignmentForm(request.POST or None, cells=cells, members=members)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.assign_superior_attendee(
                    organization=form.cleaned_data["organization"],
                    member=form.cleaned_data["member"],
                    year=year,
                    note=form.cleaned_data["note"],
                    by=request.user,
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Đã phân công cấp ủy viên phụ trách."))
                return redirect("meetings:supervision_year", org_pk=superior.pk, year=year)
    rows, lines = queries.superior_attendance_overview(superior, year)
    never = list(queries.cells_never_visited(superior, year))
    return render(
        request,
        "meetings/superior_attendance.html",
        {
            "org": superior,
            "year": year,
            "rows": rows,
            "lines": lines,
            "never_visited": never,
            "can_edit": can_edit,
            "form": form if can_edit else None,
            "has_members": members.exists(),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def assignment_delete(request, pk):
    assignment = get_object_or_404(
        SupervisorAssignment.objects.select_related("organization"), pk=pk
    )
    organization = assignment.organization
    superior = type(organization).objects.get_parent(organization)
    # The superior must be within the user's reach: otherwise a 404, never a 403.
    superior = queries.get_superior_for(request.user, superior.pk if superior else 0)
    if not queries.can_edit(request.user, superior):
        raise PermissionDenied
    year = assignment.year
    services.unassign_superior_attendee(assignment, by=request.user)
    messages.success(request, _("Đã bỏ phân công."))
    return redirect("meetings:supervision_year", org_pk=superior.pk, year=year)
