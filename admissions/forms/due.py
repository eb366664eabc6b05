"""The filter of the due and overdue dashboard: organization and horizon."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import SubtreeFilterForm

HORIZONS = [
    ("", _("Tất cả")),
    ("30", _("Đến hạn trong 30 ngày")),
    ("60", _("Đến hạn trong 60 ngày")),
    ("90", _("Đến hạn trong 90 ngày")),
]


class DueFilterForm(SubtreeFilterForm):
    horizon = forms.TypedChoiceField(
        label=_("Thời hạn"),
        choices=HORIZONS,
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Việc quá hạn luôn được hiển thị."),
    )

    def horizon_days(self) -> int | None:
        if not self.is_bound or not self.is_valid():
            return None
        return self.cleaned_data.get("horizon")
