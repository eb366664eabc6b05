"""The forms of an admission case's page: a sponsor (ADM-03), a dossier document
(ADM-05, PRB-04), closing the case without admission."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import Form, VNDateInput
from members.enums import MemberStatus
from members.models import Member

from ..enums import Outcome, SponsorKind
from ..queries.stages import grassroots_of
from .inline import InlineForm
from .scans import check_scan


class SponsorForm(Form):
    kind = forms.ChoiceField(label=_("Người giới thiệu là"), choices=SponsorKind.choices)
    member = forms.ModelChoiceField(
        label=_("Đảng viên"), queryset=Member.objects.none(), required=False
    )
    youth_union_name = forms.CharField(
        label=_("Ban Chấp hành Đoàn cơ sở"), required=False, max_length=255
    )
    since = forms.DateField(
        label=_("Cùng công tác, học tập, sinh sống từ ngày"), widget=VNDateInput()
    )
    letter_on = forms.DateField(
        label=_("Ngày giấy giới thiệu"), required=False, widget=VNDateInput()
    )

    def __init__(self, *args, case, **kwargs):
        self.case = case
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        grassroots = grassroots_of(self.case.cell)
        # Every member of the grassroots organization; ADM-03 refuses the probationary ones.
        cast(forms.ModelChoiceField[Any], self.fields["member"]).queryset = Member.objects.filter(
            grassroots.subtree_q("organization__"),
            status__in=[MemberStatus.FULL, MemberStatus.PROBATIONARY],
        ).select_related("organization")


class DocumentForm(InlineForm):
    received_on = forms.DateField(label=_("Ngày nhận"), required=False, widget=VNDateInput())
    scan = forms.FileField(label=_("Bản quét"), required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=255)

    def clean_scan(self):
        return check_scan(self.cleaned_data.get("scan"))


class CloseForm(Form):
    outcome = forms.ChoiceField(
        label=_("Kết quả"),
        choices=[
            (Outcome.REFUSED, Outcome.REFUSED.label),
            (Outcome.WITHDRAWN, Outcome.WITHDRAWN.label),
        ],
    )
    on = forms.DateField(label=_("Ngày"), widget=VNDateInput())
    reason = forms.CharField(label=_("Lý do"), max_length=255)
