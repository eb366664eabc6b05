"""Forms of exemptions from party work and activity (EXM-01). Writes go through
members.services.exemptions; rule findings are shown beside their fields with the rule ID."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import Form, ModelForm, VNDateInput

from ..models import Exemption
from ..rules import exemption_findings, is_past_working_age, retirement_on


class ExemptionForm(ModelForm):
    """EXM-01: the grounds, dates and conditions; blocking findings shown by field.

    "Past working age" is not a checkbox: it is computed from the member's date of birth
    and sex on the start date (members.rules.is_past_working_age).
    """

    class Meta:
        model = Exemption
        fields = [
            "ground",
            "starts_on",
            "ends_on",
            "poor_health",
            "own_request",
            "cell_decided_on",
            "document",
            "note",
        ]
        widgets = {
            "starts_on": VNDateInput(),
            "ends_on": VNDateInput(),
            "cell_decided_on": VNDateInput(),
        }
        help_texts = {
            "ground": _(
                "Tuổi cao, sức khỏe yếu: cần đủ ba điều kiện (đã hết tuổi lao động, tính từ "
                "ngày sinh và giới tính vào ngày bắt đầu miễn; sức khỏe yếu; đảng viên tự "
                "nguyện đề nghị). Lý do khác: phải có thời hạn (EXM-01)."
            ),
        }

    def __init__(self, *args, member, **kwargs):
        self.member = member
        super().__init__(*args, **kwargs)

    def retires_on(self):
        """EXM-01: the day the member reaches retirement age (None if not computable)."""
        return retirement_on(self.member.date_of_birth, self.member.sex)

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        starts_on = data.get("starts_on")
        for finding in exemption_findings(
            ground=data.get("ground"),
            past_working_age=is_past_working_age(
                self.member.date_of_birth, self.member.sex, starts_on
            ),
            poor_health=data.get("poor_health", False),
            own_request=data.get("own_request", False),
            starts_on=starts_on,
            ends_on=data.get("ends_on"),
            cell_decided_on=data.get("cell_decided_on"),
            retires_on=self.retires_on(),
        ):
            if finding.blocking:
                self.add_error(finding.field, str(finding))
        return data

    def _post_clean(self):
        # The service builds and validates the row; the form only checks the fields.
        pass

    def service_kwargs(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}


class EndExemptionForm(Form):
    ends_on = forms.DateField(label=_("Ngày kết thúc miễn"), widget=VNDateInput())
    reason = forms.CharField(label=_("Lý do"), max_length=255, required=False)
