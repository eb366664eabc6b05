"""The holiday calendar page: system administrators list, add, edit and delete days.

Everyone else gets a 404. Writes are single-row saves; django-simple-history records
who changed what (HistoryRequestMiddleware), and the calendar cache is cleared by the
PublicHoliday signals.
"""

from datetime import date
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.audit import history_rows
from core.calendar import is_working_day, working_days_between
from core.forms import DATE_FORMAT, BootstrapModelForm
from core.models import DayKind, PublicHoliday

MIN_YEAR, MAX_YEAR = 1900, 2199
MANAGE_HOLIDAYS = "core.manage_holidays"
WEEKDAYS = [
    gettext_lazy("Thứ Hai"),
    gettext_lazy("Thứ Ba"),
    gettext_lazy("Thứ Tư"),
    gettext_lazy("Thứ Năm"),
    gettext_lazy("Thứ Sáu"),
    gettext_lazy("Thứ Bảy"),
    gettext_lazy("Chủ nhật"),
]


class PublicHolidayForm(BootstrapModelForm[PublicHoliday]):
    class Meta:
        model = PublicHoliday
        fields = ["date", "name", "kind", "note"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.DateField, self.fields["date"]).input_formats = [DATE_FORMAT]
        self.fields["date"].help_text = _("Nhập theo dạng ngày/tháng/năm, ví dụ 17/02/2026.")


def _admin_only(request: HttpRequest) -> None:
    # "core.manage_holidays": system administrators (the rule is registered by
    # accounts.permissions; core sits below accounts and does not import it).
    if not request.user.has_perm(MANAGE_HOLIDAYS):
        raise Http404


def _year_param(request: HttpRequest) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year
    return year if MIN_YEAR <= year <= MAX_YEAR else timezone.localdate().year


def _list_url(year: int) -> str:
    return f"{reverse('holidays:list')}?year={year}"


@login_required
def holiday_list(request: HttpRequest) -> HttpResponse:
    _admin_only(request)
    year = _year_param(request)
    days = list(PublicHoliday.objects.filter(date__year=year))
    rows = [
        {
            "day": day,
            "weekday": WEEKDAYS[day.date.weekday()],
            "working": is_working_day(day.date),
        }
        for day in days
    ]
    context = {
        "year": year,
        "rows": rows,
        "previous_year": year - 1 if year > MIN_YEAR else None,
        "next_year": year + 1 if year < MAX_YEAR else None,
        "working_days": working_days_between(date(year - 1, 12, 31), date(year, 12, 31)),
        "weekday_days_off": sum(1 for day in days if day.is_day_off and day.date.weekday() < 5),
        "worked_weekends": sum(1 for day in days if day.kind == DayKind.WORKING_WEEKEND),
    }
    return render(request, "core/holidays/list.html", context)


def _form_page(
    request: HttpRequest,
    form: PublicHolidayForm,
    *,
    title: str,
    submit: str,
    holiday: PublicHoliday | None = None,
) -> HttpResponse:
    year = holiday.date.year if holiday else _year_param(request)
    context = {
        "form": form,
        "title": title,
        "submit": submit,
        "holiday": holiday,
        "cancel_url": _list_url(year),
        "history": history_rows(holiday) if holiday else None,
    }
    return render(request, "core/holidays/form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def holiday_create(request: HttpRequest) -> HttpResponse:
    _admin_only(request)
    form = PublicHolidayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        holiday = form.save()
        messages.success(request, _("Đã thêm ngày %(day)s vào lịch.") % {"day": holiday})
        return redirect(_list_url(holiday.date.year))
    return _form_page(request, form, title=_("Thêm ngày nghỉ lễ"), submit=_("Thêm"))


@login_required
@require_http_methods(["GET", "POST"])
def holiday_update(request: HttpRequest, pk: int) -> HttpResponse:
    _admin_only(request)
    holiday = get_object_or_404(PublicHoliday, pk=pk)
    form = PublicHolidayForm(request.POST or None, instance=holiday)
    if request.method == "POST" and form.is_valid():
        holiday = form.save()
        messages.success(request, _("Đã lưu ngày %(day)s.") % {"day": holiday})
        return redirect(_list_url(holiday.date.year))
    return _form_page(request, form, title=_("Sửa ngày nghỉ lễ"), submit=_("Lưu"), holiday=holiday)


@login_required
@require_http_methods(["GET", "POST"])
def holiday_delete(request: HttpRequest, pk: int) -> HttpResponse:
    _admin_only(request)
    holiday = get_object_or_404(PublicHoliday, pk=pk)
    if request.method == "POST":
        year = holiday.date.year
        label = str(holiday)
        holiday.delete()
        messages.success(request, _("Đã xóa ngày %(day)s khỏi lịch.") % {"day": label})
        return redirect(_list_url(year))
    return render(
        request,
        "core/holidays/confirm_delete.html",
        {"holiday": holiday, "cancel_url": _list_url(holiday.date.year)},
    )
