"""The holiday calendar page: system administrators list, add, edit and delete days.

Everyone else gets a 404. Writes are single-row saves; django-simple-history records
who changed what (HistoryRequestMiddleware), and the calendar cache is cleared by the
PublicHoliday signals.
"""

from datetime import date
from typing import Any, NoReturn, cast

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import history_rows
from core.calendar import (
    delete_holiday,
    holidays_in,
    is_working_day,
    save_holiday,
    working_days_between,
)
from core.forms import DATE_FORMAT, ModelForm
from core.models import DayKind, PublicHoliday
from core.views.write import ConfirmActionView, Saved, WriteFormView

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


class PublicHolidayForm(ModelForm[PublicHoliday]):
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
    days = holidays_in(year)
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


class _HolidayAccess:
    """Only system administrators ("core.manage_holidays", a rule registered by
    accounts.permissions): everyone else gets a 404, the pages do not exist for them."""

    permission = MANAGE_HOLIDAYS

    def permission_denied(self) -> NoReturn:
        raise Http404


class _HolidayFormView(_HolidayAccess, WriteFormView[PublicHolidayForm, PublicHoliday | None]):
    form_class = PublicHolidayForm
    template_name = "core/holidays/form.html"
    title: str | Promise = ""
    submit: str | Promise = ""

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.object}

    def perform(self, form: PublicHolidayForm) -> Saved:
        return save_holiday(form.save(commit=False))

    def get_success_url(self) -> str:
        return _list_url(cast(PublicHoliday, self.saved).date.year)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        holiday = self.object
        year = holiday.date.year if holiday else _year_param(self.request)
        context: dict[str, Any] = {
            "title": self.title,
            "submit": self.submit,
            "holiday": holiday,
            "cancel_url": _list_url(year),
            "history": history_rows(holiday) if holiday else None,
        }
        return super().get_context_data(**context, **kwargs)


class HolidayCreateView(_HolidayFormView):
    title = gettext_lazy("Thêm ngày nghỉ lễ")
    submit = gettext_lazy("Thêm")

    def get_success_message(self, saved: Saved) -> str:
        return _("Đã thêm ngày %(day)s vào lịch.") % {"day": saved}


class HolidayUpdateView(_HolidayFormView):
    title = gettext_lazy("Sửa ngày nghỉ lễ")
    submit = gettext_lazy("Lưu")

    def get_object(self) -> PublicHoliday | None:
        return get_object_or_404(PublicHoliday, pk=self.kwargs["pk"])

    def get_success_message(self, saved: Saved) -> str:
        return _("Đã lưu ngày %(day)s.") % {"day": saved}


class HolidayDeleteView(_HolidayAccess, ConfirmActionView[PublicHoliday]):
    template_name = "core/holidays/confirm_delete.html"

    def get_object(self) -> PublicHoliday:
        return get_object_or_404(PublicHoliday, pk=self.kwargs["pk"])

    def perform(self) -> Saved:
        self.label = str(self.object)
        delete_holiday(self.object)
        return _list_url(self.object.date.year)

    def get_success_message(self, saved: Saved) -> str:
        return _("Đã xóa ngày %(day)s khỏi lịch.") % {"day": self.label}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = {
            "holiday": self.object,
            "cancel_url": _list_url(self.object.date.year),
        }
        return super().get_context_data(**context, **kwargs)
