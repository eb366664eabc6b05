"""The quarterly reconciliation's picker (MEM-03): organization, year, quarter."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.forms import SubtreeFilterForm

from ..queries.reconciliation import QUARTERS, quarter_of


class QuarterForm(SubtreeFilterForm):
    """Which organization (no "all": the page is one subtree's), year and quarter."""

    all_choice = False

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
