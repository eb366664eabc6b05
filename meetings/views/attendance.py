"""Attendance: one screen, a tap per member (MTG-03, EXM-02)."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from core.views.write import Saved, WriteFormView

from ..enums import AttendanceStatus
from ..forms import AttendanceRowForm, AttendanceSheetForm
from ..models import Meeting
from ..queries.register import SheetRow, attendance_sheet
from ..queries.scope import get_meeting_for
from ..rules.quality import Row, count_attendance
from ..services import attendance as services
from .common import writer


def sheet_context(meeting: Meeting, *, error: str = "") -> dict[str, Any]:
    rows = attendance_sheet(meeting)
    count = count_attendance(
        Row(
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


def unsaved(
    entries: list[dict[str, Any]], rows: list[SheetRow]
) -> list[tuple[str, StrOrPromise, str]]:
    """After a conflict: what this user submitted that differs from what is now saved, so
    that they can redo it on the fresh sheet (nothing is silently lost)."""
    labels = dict(AttendanceStatus.choices)
    by_member = {r.member.pk: r for r in rows}
    out = []
    for entry in entries:
        row = by_member.get(entry["member"])
        if row is None:
            continue
        if entry["status"] != row.status or entry["reason"].strip() != row.reason:
            out.append((row.member.full_name, labels.get(entry["status"], ""), entry["reason"]))
    return out


def refusal(form: AttendanceSheetForm | AttendanceRowForm) -> str:
    """The service's refusal, as the attendance screen shows it (one line)."""
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


class AttendanceView(WriteFormView[AttendanceSheetForm, Meeting]):
    """The whole sheet, or "all present". A refusal is shown above the fresh sheet with
    409; after a conflict, what this user had marked is listed to be redone."""

    permission = "meetings.change_meeting"
    form_class = AttendanceSheetForm
    template_name = "meetings/attendance.html"
    success_message = gettext_lazy("Đã lưu điểm danh.")
    invalid_status = 409

    def get_object(self) -> Meeting:
        return get_meeting_for(self.request.user, self.kwargs["pk"])

    def get_form_kwargs(self) -> dict[str, Any]:
        rows = attendance_sheet(self.object) if self.request.method == "POST" else []
        return {**super().get_form_kwargs(), "rows": rows}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(sheet_context(self.object))
        context["unsaved"] = []
        return context

    def perform(self, form: AttendanceSheetForm) -> Saved:
        version = form.cleaned_data["version"]
        if form.all_present:
            services.mark_all_present(self.object, version=version, by=writer(self.request))
        else:
            services.save_attendance(
                self.object, entries=form.entries(), version=version, by=writer(self.request)
            )
        return reverse("meetings:attendance", kwargs={"pk": self.object.pk})

    def form_invalid(self, form: AttendanceSheetForm) -> HttpResponse:
        self.object.refresh_from_db()
        context = self.get_context_data(form=form)
        context["error"] = refusal(form)
        if form.has_error(NON_FIELD_ERRORS, code="conflict"):
            context["unsaved"] = unsaved(form.entries(), context["rows"])
        return self.render_to_response(context, status=self.invalid_status)


class AttendanceRowView(WriteFormView[AttendanceRowForm, Meeting]):
    """htmx: one member's status; answers the row, the counts and the new version. After a
    conflict the sheet reloads with the other person's data and says so."""

    http_method_names = ["post"]
    permission = "meetings.change_meeting"
    form_class = AttendanceRowForm
    template_name = "meetings/_attendance_update.html"

    def get_object(self) -> Meeting:
        return get_meeting_for(self.request.user, self.kwargs["pk"])

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "member_pk": self.kwargs["member_pk"]}

    def perform(self, form: AttendanceRowForm) -> Saved:
        services.record_attendance(self.object, by=writer(self.request), **form.service_kwargs())
        return reverse("meetings:attendance", kwargs={"pk": self.object.pk})

    def row(self, *, error: str = "") -> HttpResponse:
        context = sheet_context(self.object, error=error)
        return render(
            self.request,
            self.template_name,
            {**context, "only": self.kwargs["member_pk"]},
        )

    def form_valid(self, form: AttendanceRowForm) -> HttpResponse:
        response = super().form_valid(form)
        if isinstance(response, HttpResponseRedirect):
            return self.row()  # saved: the row, not a redirect
        return response

    def form_invalid(self, form: AttendanceRowForm) -> HttpResponse:
        if form.has_error(NON_FIELD_ERRORS, code="conflict"):
            # Nothing silently lost: reload the sheet with the other person's data and say so.
            messages.error(self.request, refusal(form))
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"
            return response
        self.object.refresh_from_db()
        return self.row(error=refusal(form))


attendance = AttendanceView.as_view()
attendance_row = AttendanceRowView.as_view()
