"""Forms of the badge pages (BDG-01) and the quarterly reconciliation (MEM-03)."""

from datetime import date
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.scope import active_assignments
from core.forms import Form, FormMixin, VNDateInput
from organizations.models import Organization
from organizations.queries import organizations_for

from .badges import presentation_choices
from .models import Member
from .reconciliation import QUARTERS, quarter_of
from .rules import BADGE_YEARS, next_presentation_date

BADGE_CHOICES = [(years, _("%(years)s năm tuổi Đảng") % {"years": years}) for years in BADGE_YEARS]


class ScopedOrganizationField(forms.ModelChoiceField[Organization]):
    """An organization of the user's reach, indented by depth in a plain <select>."""

    base_depth = 1

    def label_from_instance(self, obj: Organization) -> str:
        return "— " * max(obj.depth - self.base_depth, 0) + obj.name


class OrganizationPickerMixin(FormMixin):
    """Adds `organization`: any organization the user reads (the page is for its subtree).

    Needs `user=`; leaves the field out when the user reaches a single organization."""

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        super().configure()
        if self.user is None:
            return

        field = ScopedOrganizationField(
            label=_("Tổ chức"),
            queryset=organizations_for(self.user).order_by("path"),
            required=False,
            empty_label=None,
        )

        field.base_depth = min(
            (a.organization.depth for a in active_assignments(self.user) if a.organization),
            default=1,
        )
        self.fields = {"organization": field, **self.fields}

    def picked_organization(self):
        if self.is_bound and self.is_valid():
            return self.cleaned_data.get("organization")
        return None


class PresentationForm(OrganizationPickerMixin, Form):
    """Which presentation day (3/2, 19/5, 2/9, 7/11) and which badge level to list."""

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


class QuarterForm(OrganizationPickerMixin, Form):
    year = forms.IntegerField(label=_("Năm"), min_value=1930, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=_("Quý"),
        coerce=int,
        choices=[(q, _("Quý %(q)s") % {"q": q}) for q in QUARTERS],
    )

    def configure(self) -> None:
        super().configure()
        self.fields["year"].widget.attrs.update({"inputmode": "numeric"})

    def period(self) -> tuple[int, int]:
        if self.is_bound and self.is_valid():
            return self.cleaned_data["year"], self.cleaned_data["quarter"]
        return quarter_of(timezone.localdate())
