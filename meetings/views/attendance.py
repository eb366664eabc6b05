"""Attendance: one screen, a tap per member (MTG-03, EXM-02)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_stubs_ext import StrOrPromise

from .. import queries, rules, services
from ..enums import AttendanceStatus
from .common import _meeting

# --- Attendance: one screen, a tap per member -------------------------------------------


def _sheet_context(meeting, *, error: str = ""):
    rows = queries.attendance_sheet(meeting)
    count = rules.count_attendance(
        rules.Row(
            r.member.pk,
            r.status,
            exempted=r.exempted,
            on_special_duty=r.on_special_duty,
            temporary=r.temporary,
            away=r.away,
        )
        for r in rows
        if r.status
    )
    return {
        "meeting": meeting,
        "org": meeting.organization,
        "rows": rows,
        "count": count,
        "pending": sum(1 for r in rows if not r.status),
        "statuses": AttendanceStatus,
        "error": error,
    }


def _entries(request, rows):
    entries = []
    for row in rows:
        pk = row.member.pk
        status = request.POST.get(f"status-{pk}", "")
        if status:
            entries.append(
                {
                    "member": pk,
                    "status": status,
                    "reason": request.POST.get(f"reason-{pk}", ""),
                    "on_special_duty": bool(request.POST.get(f"duty-{pk}")),
                }
            )
    return entries


@login_required
def attendance(request, pk):
    meeting = _meeting(request, pk, write=True)
    error, unsaved = "", []
    if request.method == "POST":
        rows = queries.attendance_sheet(meeting)
        try:
            if "all_present" in request.POST:
                services.mark_all_present(
                    meeting, version=request.POST.get("version"), by=request.user
                )
            else:
                services.save_attendance(
                    meeting,
                    entries=_entries(request, rows),
                    version=request.POST.get("version"),
                    by=request.user,
                )
        except ValidationError as exc:
            error = " ".join(exc.messages)
            meeting.refresh_from_db()
            if isinstance(exc, services.Conflict):
                unsaved = _unsaved(request, meeting)
        else:
            messages.success(request, _("Đã lưu điểm danh."))
            return redirect("meetings:attendance", pk=meeting.pk)
    context = _sheet_context(meeting, error=error)
    context["unsaved"] = unsaved
    return render(request, "meetings/attendance.html", context, status=409 if error else 200)


def _unsaved(request, meeting) -> list[tuple[str, StrOrPromise, str]]:
    """After a conflict: what this user submitted that differs from what is now saved, so
    that they can redo it on the fresh sheet (nothing is silently lost)."""
    rows = queries.attendance_sheet(meeting)
    labels = dict(AttendanceStatus.choices)
    out = []
    for entry in _entries(request, rows):
        row = next(r for r in rows if r.member.pk == entry["member"])
        if entry["status"] != row.status or entry["reason"].strip() != row.reason:
            out.append((row.member.full_name, labels.get(entry["status"], ""), entry["reason"]))
    return out


@login_required
@require_POST
def attendance_row(request, pk, member_pk):
    """htmx: one member's status; answers the row, the counts and the new version."""
    meeting = _meeting(request, pk, write=True)
    try:
        services.record_attendance(
            meeting,
            member=member_pk,
            status=request.POST.get(f"status-{member_pk}", ""),
            reason=request.POST.get(f"reason-{member_pk}", ""),
            on_special_duty=bool(request.POST.get(f"duty-{member_pk}")),
            version=request.POST.get("version"),
            by=request.user,
        )
    except services.Conflict as exc:
        # Nothing silently lost: reload the sheet with the other person's data and say so.
        messages.error(request, " ".join(exc.messages))
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    except ValidationError as exc:
        meeting.refresh_from_db()
        context = _sheet_context(meeting, error=" ".join(exc.messages))
        return render(request, "meetings/_attendance_update.html", {**context, "only": member_pk})
    context = _sheet_context(meeting)
    return render(request, "meetings/_attendance_update.html", {**context, "only": member_pk})
