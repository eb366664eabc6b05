"""ADM-11: the results page's filter (organization, years) and the target form."""

from typing import Any, cast

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.forms import SubtreeFilterForm, SubtreeOrganizationField, reach_depth
from organizations.enums import CELL_KINDS
from organizations.models import Term
from organizations.queries import writable_organizations_for

from .inline import InlineForm


class ResultsForm(SubtreeFilterForm):
    year_from = forms.IntegerField(
        label=_("Từ năm"), required=False, min_value=2000, max_value=2100
    )
    year_to = forms.IntegerField(label=_("Đến năm"), required=False, min_value=2000, max_value=2100)

    def years(self) -> list[int]:
        this_year = timezone.localdate().year
        start, end = this_year - 4, this_year
        if self.is_bound and self.is_valid():
            start = self.cleaned_data.get("year_from") or start
            end = self.cleaned_data.get("year_to") or end
        if end < start:
            start, end = end, start
        end = min(end, start + 19)
        return list(range(start, end + 1))


class TargetForm(InlineForm):
    organization = SubtreeOrganizationField(label=_("Tổ chức"), queryset=None)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100, required=False)
    term: forms.ModelChoiceField[Term] = forms.ModelChoiceField(
        label=_("Hoặc nhiệm kỳ"), queryset=None, required=False
    )
    target = forms.IntegerField(label=_("Chỉ tiêu kết nạp"), min_value=0)

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        orgs = writable_organizations_for(self.user).exclude(kind__in=CELL_KINDS)
        cast(forms.ModelChoiceField[Any], self.fields["organization"]).queryset = orgs.order_by(
            "path"
        )
        cast(SubtreeOrganizationField, self.fields["organization"]).base_depth = reach_depth(
            self.user
        )
        cast(forms.ModelChoiceField[Any], self.fields["term"]).queryset = Term.objects.filter(
            Q(organization__in=orgs)
        ).select_related("organization")

    def clean(self):
        data = super().clean()
        if (data.get("year") is None) == (data.get("term") is None):
            raise forms.ValidationError(_("Chọn một năm hoặc một nhiệm kỳ."))
        return data
