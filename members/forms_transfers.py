"""Forms of transfers (TRF-01..02) and exemptions (EXM-01). Writes go through
members.services.transfers and members.services.exemptions; rule findings are shown
beside their fields with the rule ID."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import Form, ModelForm, VNDateInput
from organizations.enums import CELL_KINDS
from organizations.models import Organization
from organizations.queries import organizations_for, writable_organizations_for

from .enums import TransferKind, TransferReason, TransferState
from .forms import OrganizationChoiceField, _reach
from .models import Exemption, Transfer
from .rules import exemption_findings, is_past_working_age, retirement_on
from .services.transfers import find_returning_member


def _base_depth(user) -> int:
    return min((a.organization.depth for a in _reach(user)), default=1)


class DestinationChoiceField(forms.ModelChoiceField):
    """Any cell in the system (the destination may lie outside the user's reach)."""

    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.code})" if obj.code else obj.name


class TransferForm(ModelForm):
    """The sending side opens a transfer (TRF-01)."""

    to_organization = DestinationChoiceField(
        label=_("Nơi đến (trong hệ thống)"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("— ngoài hệ thống —"),
    )

    class Meta:
        model = Transfer
        fields = ["kind", "reason", "trigger_on", "to_organization", "to_outside", "until", "note"]
        widgets = {"trigger_on": VNDateInput(), "until": VNDateInput()}
        help_texts = {
            "to_outside": _("Chỉ ghi khi nơi đến không có trong hệ thống."),
            "until": _(
                "Sinh hoạt tạm thời: từ 3 tháng đến dưới 1 năm; đi học tập trung tối đa 2 năm (TRF-01)."
            ),
            "trigger_on": _(
                "Giấy giới thiệu chuyển chính thức cấp trong 60 ngày làm việc từ ngày này (TRF-01)."
            ),
        }

    def __init__(self, *args, member, **kwargs):
        self.member = member
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        cast(forms.ModelChoiceField[Any], self.fields["to_organization"]).queryset = (
            Organization.objects.filter(kind__in=CELL_KINDS, dissolved_on__isnull=True)
            .exclude(pk=self.member.organization_id)
            .order_by("path")
        )

    def clean(self):
        data = super().clean()
        if data.get("to_organization") and (data.get("to_outside") or "").strip():
            self.add_error("to_outside", _("Đã chọn nơi đến trong hệ thống: để trống ô này."))
        elif not data.get("to_organization") and not (data.get("to_outside") or "").strip():
            self.add_error(
                "to_organization",
                _("Chọn tổ chức nơi đến, hoặc ghi tên nơi đến ngoài hệ thống."),
            )
        return data

    def service_kwargs(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}


class SendForm(Form):
    """The sending side records the introduction letter."""

    letter_number = forms.CharField(label=_("Số giấy giới thiệu"), max_length=50)
    letter_on = forms.DateField(label=_("Ngày giấy giới thiệu"), widget=VNDateInput())


class ReceiveForm(Form):
    """The receiving side confirms the member reported (TRF-02)."""

    received_on = forms.DateField(label=_("Ngày đảng viên đến báo cáo"), widget=VNDateInput())


class ReturnForm(Form):
    returned_on = forms.DateField(label=_("Ngày trở về"), widget=VNDateInput())


class IncomingForm(Form):
    """A member who left to outside the system comes back with a letter from elsewhere."""

    citizen_id = forms.CharField(label=_("Số CCCD"), max_length=12, required=False)
    card_number = forms.CharField(label=_("Số thẻ đảng viên"), max_length=20, required=False)
    to_organization = OrganizationChoiceField(label=_("Tiếp nhận vào chi bộ"), queryset=None)
    from_outside = forms.CharField(label=_("Nơi đi"), max_length=255)
    reason = forms.ChoiceField(label=_("Lý do"), choices=TransferReason.choices)
    letter_number = forms.CharField(label=_("Số giấy giới thiệu"), max_length=50)
    letter_on = forms.DateField(label=_("Ngày giấy giới thiệu"), widget=VNDateInput())
    received_on = forms.DateField(label=_("Ngày đảng viên đến báo cáo"), widget=VNDateInput())
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)

    def __init__(self, *args, by, **kwargs):
        self.by = by
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        cast(forms.ModelChoiceField[Any], self.fields["to_organization"]).queryset = (
            writable_organizations_for(self.by)
            .filter(kind__in=CELL_KINDS, dissolved_on__isnull=True)
            .order_by("path")
        )
        cast(OrganizationChoiceField, self.fields["to_organization"]).base_depth = _base_depth(
            self.by
        )

    def clean(self):
        data = super().clean()
        citizen_id = (data.get("citizen_id") or "").strip()
        card_number = (data.get("card_number") or "").strip()
        if not citizen_id and not card_number:
            self.add_error("citizen_id", _("Ghi số CCCD hoặc số thẻ đảng viên."))
            return data
        member = find_returning_member(citizen_id=citizen_id, card_number=card_number)
        if member is None:
            self.add_error(
                "citizen_id" if citizen_id else "card_number",
                _(
                    "Không tìm thấy đảng viên đã chuyển ra ngoài hệ thống với số này. "
                    "Đảng viên mới đến hệ thống được thêm ở sổ danh sách đảng viên."
                ),
            )
        data["member"] = member
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "member": data["member"],
            "to_organization": data["to_organization"],
            "from_outside": data["from_outside"],
            "reason": data["reason"],
            "letter_number": data["letter_number"],
            "letter_on": data["letter_on"],
            "received_on": data["received_on"],
            "note": data.get("note") or "",
        }


class TransferFilterForm(Form):
    organization = OrganizationChoiceField(
        label=_("Tổ chức"), queryset=None, required=False, empty_label=_("Tất cả")
    )
    state = forms.ChoiceField(label=_("Tình trạng"), required=False)
    kind = forms.ChoiceField(label=_("Hình thức"), required=False)

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        cast(forms.ModelChoiceField[Any], self.fields["organization"]).queryset = organizations_for(
            self.user
        ).order_by("path")
        cast(OrganizationChoiceField, self.fields["organization"]).base_depth = _base_depth(
            self.user
        )
        cast(forms.ChoiceField, self.fields["state"]).choices = [
            ("", _("Tất cả")),
            *TransferState.choices,
        ]
        cast(forms.ChoiceField, self.fields["kind"]).choices = [
            ("", _("Tất cả")),
            *TransferKind.choices,
        ]

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "organization": data.get("organization"),
            "state": data.get("state") or "",
            "kind": data.get("kind") or "",
        }


class OrganizationFilterForm(Form):
    """One subtree (deadlines, current exemptions)."""

    organization = OrganizationChoiceField(
        label=_("Tổ chức"), queryset=None, required=False, empty_label=_("Tất cả")
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        cast(forms.ModelChoiceField[Any], self.fields["organization"]).queryset = organizations_for(
            self.user
        ).order_by("path")
        cast(OrganizationChoiceField, self.fields["organization"]).base_depth = _base_depth(
            self.user
        )

    def selected_organization(self):
        if not self.is_bound or not self.is_valid():
            return None
        return self.cleaned_data.get("organization")


class DeadlineFilterForm(OrganizationFilterForm):
    overdue = forms.BooleanField(label=_("Chỉ quá hạn"), required=False)

    def overdue_only(self) -> bool:
        return bool(self.is_bound and self.is_valid() and self.cleaned_data.get("overdue"))


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
