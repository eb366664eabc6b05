"""Forms of the badge pages (BDG-01)."""

from datetime import date
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.forms import SubtreeFilterForm
from core.forms import Form, VNDateInput

from ..models import Member
from ..queries.badges import presentation_choices
from ..rules import BADGE_YEARS, next_presentation_date

BADGE_CHOICES = [(years, _("%(years)s năm tuổi Đảng") % {"years": years}) for years in BADGE_YEARS]


class PresentationForm(SubtreeFilterForm):
    """Which organization (no "all": the page is one subtree's), presentation day (3/2,
    19/5, 2/9, 7/11) and badge level to list."""

    all_choice = False

    on = forms.TypedChoiceField(
        label=_("Đợt trao huy hiệu"), required=False, coerce=date.fromisoformat
    )
    years = forms.TypedChoiceField(
        label=_("Huy hiệu"), choices=BADGE_CHOICES, coerce=int, required=False
    )

    def configure(self) -> None:
        super().configure()
        today = timezone.localdate()
        cast(forms.ChoiceField, self.fields["on"]).choices = [
            (day.isoformat(), day.strftime("%d/%m/%Y")) for day in presentation_choices(today)
        ]

    def presentation_date(self) -> date:
        if self.is_bound and self.is_valid() and self.cleaned_data.get("on"):
            return self.cleaned_data["on"]
        return next_presentation_date(timezone.localdate())

    def badge_years(self) -> int | None:
        if self.is_bound and self.is_valid() and self.cleaned_data.get("years"):
            return self.cleaned_data["years"]
        return None


class BadgeRecordForm(Form):
    """One badge presented to one member."""

    years = forms.TypedChoiceField(label=_("Huy hiệu"), choices=BADGE_CHOICES, coerce=int)
    presented_on = forms.DateField(label=_("Ngày trao"), widget=VNDateInput())
    decision = forms.CharField(label=_("Số quyết định"), max_length=100, required=False)
    early = forms.BooleanField(
        label=_("Trao sớm (đảng viên ốm nặng)"),
        required=False,
        help_text=_(
            "Chỉ khi trao sớm mới được trao vào ngày khác các ngày 03/02, 19/05, 02/09, 07/11."
        ),
    )


class BadgeBulkForm(Form):
    """Everyone checked on a due list, presented on one day under one decision."""

    members: forms.ModelMultipleChoiceField[Member] = forms.ModelMultipleChoiceField(
        label=_("Đảng viên"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    years = forms.TypedChoiceField(choices=BADGE_CHOICES, coerce=int, widget=forms.HiddenInput)
    early = forms.BooleanField(required=False, widget=forms.HiddenInput)
    presented_on = forms.DateField(label=_("Ngày trao"), widget=VNDateInput())
    decision = forms.CharField(label=_("Số quyết định"), max_length=100, required=False)

    def __init__(self, *args, members, **kwargs):
        self.member_queryset = members
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        cast(forms.ModelChoiceField[Any], self.fields["members"]).queryset = self.member_queryset
