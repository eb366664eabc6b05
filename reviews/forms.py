from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from core.forms import Form

from .rules import RuleSet


class _AnyLevelField(forms.ChoiceField):
    """Accepts every level the form knows, so that a level of another year reaches the
    service and is refused with the rule's message."""

    def valid_value(self, value: object) -> bool:
        return bool(value)


class StepForm(Form):
    level = _AnyLevelField(label=_("Mức xếp loại"))
    score = forms.IntegerField(label=_("Điểm (thang 100)"), required=False)
    note = forms.CharField(
        label=_("Nhận xét"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    # The step's name shown above the form (set by the page).
    step_label: StrOrPromise = ""

    def __init__(self, *args, rule_set: RuleSet, subject: str, **kwargs):
        self.rule_set = rule_set
        self.subject = subject
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        rule_set, subject = self.rule_set, self.subject
        cast(forms.ChoiceField, self.fields["level"]).choices = [("", "---")] + [
            (lv, rule_set.label(lv, subject)) for lv in rule_set.levels(subject)
        ]
        if rule_set.scored:
            self.fields["score"].required = True
            self.fields["score"].help_text = _(
                "HTXS từ 90, HTT từ 70 đến dưới 90, HT từ 50 đến dưới 70, KHT dưới 50 (REV-04)."
            )
        else:
            self.fields["score"].help_text = _("Không bắt buộc trước năm 2025.")


class RoundForm(Form):
    cutoff_on = forms.DateField(label=_("Ngày chốt danh sách"), required=False)
    review_exempted = forms.BooleanField(
        label=_("Đánh giá cả đảng viên được miễn công tác, sinh hoạt"), required=False
    )
    apply_excellent_cap = forms.BooleanField(
        label=_("Áp dụng giới hạn HTXS không quá 20% số HTT"), required=False
    )


class PublishForm(Form):
    published_on = forms.DateField(label=_("Ngày công bố"))
