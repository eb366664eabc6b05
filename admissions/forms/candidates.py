"""The list of outstanding people (ADM-05): the list's filter, adding a person, moving
them on or off the list, the monthly review, opening the case."""

from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.forms import SubtreeFilterForm
from core.forms import Form, ModelForm, VNDateInput
from members.enums import MemberStatus
from members.models import Member
from members.queries.register import members_for
from organizations.enums import CELL_KINDS
from organizations.queries import writable_organizations_for

from ..enums import CandidateState, LeavingWay
from ..models import Candidate
from ..services.candidates import CANDIDATE_FIELDS


class CandidateFilterForm(SubtreeFilterForm):
    state = forms.ChoiceField(label=_("Tình trạng"), required=False)

    def configure(self) -> None:
        super().configure()
        cast(forms.ChoiceField, self.fields["state"]).choices = [
            ("", _("Tất cả")),
            *CandidateState.choices,
        ]

    def state_value(self) -> str:
        return self.cleaned_data.get("state", "") if self.is_bound and self.is_valid() else ""


class CandidateForm(ModelForm):
    on = forms.DateField(label=_("Ngày đưa vào danh sách"), widget=VNDateInput())

    class Meta:
        model = Candidate
        fields = ["cell", *CANDIDATE_FIELDS]
        widgets = {"date_of_birth": VNDateInput(), "notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        cast(
            forms.ModelChoiceField[Any], self.fields["cell"]
        ).queryset = writable_organizations_for(self.user).filter(kind__in=CELL_KINDS)
        self.fields["on"].initial = timezone.localdate()


class StateForm(Form):
    state = forms.ChoiceField(label=_("Chuyển sang"))
    on = forms.DateField(label=_("Ngày"), widget=VNDateInput())
    helper = forms.ModelChoiceField(
        label=_("Đảng viên giúp đỡ"), queryset=Member.objects.none(), required=False
    )
    reason = forms.CharField(label=_("Lý do, căn cứ"), required=False, max_length=255)

    def __init__(self, *args, candidate, **kwargs):
        self.candidate = candidate
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        cast(forms.ChoiceField, self.fields["state"]).choices = [
            (v, label)
            for v, label in CandidateState.choices
            if v not in (CandidateState.ADMITTED, self.candidate.state)
        ]
        cast(forms.ModelChoiceField[Any], self.fields["helper"]).queryset = Member.objects.filter(
            organization=self.candidate.cell, status=MemberStatus.FULL
        )


class ReviewForm(Form):
    month = forms.DateField(label=_("Tháng (ngày bất kỳ trong tháng)"), widget=VNDateInput())
    note = forms.CharField(label=_("Nhận xét"), widget=forms.Textarea(attrs={"rows": 2}))


class OpenCaseForm(Form):
    on = forms.DateField(label=_("Ngày lập hồ sơ"), widget=VNDateInput())
    previous_member = forms.ModelChoiceField(
        label=_("Kết nạp lại: đảng viên cũ (ADM-10)"),
        queryset=Member.objects.none(),
        required=False,
    )
    left_on = forms.DateField(label=_("Ngày ra khỏi Đảng"), required=False, widget=VNDateInput())
    leaving_way = forms.ChoiceField(label=_("Hình thức ra khỏi Đảng"), required=False)

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        cast(forms.ModelChoiceField[Any], self.fields["previous_member"]).queryset = members_for(
            self.user
        ).exclude(status__in=[MemberStatus.FULL, MemberStatus.PROBATIONARY])
        cast(forms.ChoiceField, self.fields["leaving_way"]).choices = [
            ("", "—"),
            *LeavingWay.choices,
        ]
        self.fields["on"].initial = timezone.localdate()
