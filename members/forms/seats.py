"""Committee seats (cấp ủy viên): a member of the organization's subtree takes a seat on
one of its committees, or leaves it. The committees themselves are organizations'."""

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import Form
from organizations.models import Committee

from ..enums import SeatRole
from ..models import Member
from ..services import seats as services


class _MemberChoiceField(forms.ModelChoiceField[Member]):
    """Members labelled with their organization ("Nguyễn Văn A — Chi bộ 1")."""

    def label_from_instance(self, obj: Member) -> str:
        return f"{obj.full_name} — {obj.organization}"


class SeatForm(Form):
    """A member of the organization's subtree takes a seat on one of its committees."""

    member = _MemberChoiceField(label=_("Đảng viên"), queryset=Member.objects.none())
    role = forms.ChoiceField(label=_("Chức vụ"))
    starts_on = forms.DateField(label=_("Từ ngày"))
    ends_on = forms.DateField(label=_("Đến ngày"), required=False)

    def __init__(self, *args, committee: Committee, members, **kwargs):
        self.committee = committee
        self.members = members
        # The term's first day unless the page gives another (a view always passes `initial`).
        kwargs["initial"] = {"starts_on": committee.term.starts_on, **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        member = cast(_MemberChoiceField, self.fields["member"])
        member.queryset = self.members
        member.empty_label = _("— Chọn đảng viên —")
        cast(forms.ChoiceField, self.fields["role"]).choices = SeatRole.choices

    def clean(self):
        data = super().clean()
        if data.get("member") and data.get("role") and data.get("starts_on"):
            self.add_errors(
                services.seat_errors(
                    committee=self.committee,
                    member=data["member"],
                    role=data["role"],
                    starts_on=data["starts_on"],
                    ends_on=data.get("ends_on"),
                )
            )
        return data


class EndSeatForm(Form):
    ends_on = forms.DateField(label=_("Thôi giữ chức từ ngày"))
    reason = forms.CharField(label=_("Lý do"), max_length=255, required=False)

    def __init__(self, *args, seat, **kwargs):
        self.seat = seat
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        on = data.get("ends_on")
        if on and on < self.seat.starts_on:
            self.add_error("ends_on", _("Ngày thôi giữ chức phải sau ngày bắt đầu."))
        return data
