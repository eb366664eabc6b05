"""Forms of transfers (TRF-01..02) and their lists' filters. Writes go through
members.services.transfers; rule findings are shown beside their fields with the rule ID."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import SubtreeFilterForm, SubtreeOrganizationField, reach_depth
from core.forms import Form, ModelForm, VNDateInput
from organizations.enums import CELL_KINDS
from organizations.models import Organization
from organizations.queries import writable_organizations_for

from ..enums import TransferKind, TransferReason, TransferState
from ..models import Transfer
from ..queries.transfers import find_returning_member


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
    to_organization = SubtreeOrganizationField(label=_("Tiếp nhận vào chi bộ"), queryset=None)
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
        cast(SubtreeOrganizationField, self.fields["to_organization"]).base_depth = reach_depth(
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


class TransferFilterForm(SubtreeFilterForm):
    """The transfer list: one subtree (either side in it), a state, a kind."""

    state = forms.ChoiceField(label=_("Tình trạng"), required=False)
    kind = forms.ChoiceField(label=_("Hình thức"), required=False)

    def configure(self) -> None:
        super().configure()
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


class DeadlineFilterForm(SubtreeFilterForm):
    """The deadlines page: one subtree, overdue only."""

    overdue = forms.BooleanField(label=_("Chỉ quá hạn"), required=False)

    def overdue_only(self) -> bool:
        return bool(self.is_bound and self.is_valid() and self.cleaned_data.get("overdue"))
