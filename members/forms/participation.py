"""Forms of the periods of non-participation (AGE-01, MTG-07). Writes go through
members.services.participation; its errors are shown beside their fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import Form, ModelForm, VNDateInput

from ..models import NonParticipation


class NonParticipationForm(ModelForm):
    """A period in which the member did not take part: out of contact (AGE-01),
    suspended from party activity, prosecuted, detained (MTG-07)."""

    class Meta:
        model = NonParticipation
        fields = ["kind", "starts_on", "ends_on", "document", "note"]
        widgets = {"starts_on": VNDateInput(), "ends_on": VNDateInput()}
        help_texts = {
            "kind": _(
                "Mất liên lạc: trừ vào tuổi đảng (AGE-01). Đình chỉ sinh hoạt, bị truy tố, "
                "bị tạm giam: không tính vào số đảng viên biểu quyết nghị quyết trong thời "
                "gian đó (MTG-07)."
            ),
            "ends_on": _("Để trống khi chưa kết thúc."),
        }

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("Ngày kết thúc trước ngày bắt đầu."))
        return data

    def _post_clean(self):
        # The service builds and validates the row; the form only checks the fields.
        pass

    def service_kwargs(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}


class EndNonParticipationForm(Form):
    ends_on = forms.DateField(label=_("Ngày kết thúc"), widget=VNDateInput())
    reason = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)
