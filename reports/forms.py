"""The choice of subtree and date for the STA-01 tables; the year of an annual report."""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.forms import SubtreeFilterForm
from core.forms import Form, VNDateInput


class StatisticsForm(SubtreeFilterForm):
    all_choice = False
    on = forms.DateField(label=_("Tính đến ngày"), required=False, widget=VNDateInput())

    def statistics_date(self) -> date:
        today = timezone.localdate()
        if self.is_bound and self.is_valid():
            return self.cleaned_data.get("on") or today
        return today


class AnnualReportForm(Form):
    year = forms.IntegerField(label=_("Năm"), min_value=1930, max_value=2100)

    def configure(self) -> None:
        field = self.fields["year"]
        field.localize = False
        field.widget.is_localized = False
        if not self.is_bound:
            self.initial.setdefault("year", timezone.localdate().year)

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year > timezone.localdate().year:
            raise forms.ValidationError(_("Chưa đến năm %(year)s.") % {"year": year})
        return year
