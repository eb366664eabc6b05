"""Forms of the training and study pages: they parse; training.services decides."""

from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import Form, VNDateInput
from members.models import Member
from organizations.models import Organization

from .enums import CourseKind, DirectiveKind, Result, StudyLevel


class CourseFilterForm(Form):
    kind = forms.ChoiceField(
        label=_("Loại lớp"), choices=[("", _("Tất cả"))] + CourseKind.choices, required=False
    )
    year = forms.IntegerField(label=_("Năm"), min_value=1930, max_value=2100, required=False)

    def configure(self) -> None:
        self.fields["year"].widget.attrs.update({"inputmode": "numeric"})

    def value(self, name):
        if self.is_bound and self.is_valid():
            return self.cleaned_data.get(name)
        return None


class CourseForm(Form):
    kind = forms.ChoiceField(label=_("Loại lớp"), choices=CourseKind.choices)
    title = forms.CharField(label=_("Tên lớp"), max_length=255)
    starts_on = forms.DateField(label=_("Từ ngày"), widget=VNDateInput())
    ends_on = forms.DateField(label=_("Đến ngày"), widget=VNDateInput())
    place = forms.CharField(label=_("Địa điểm"), max_length=255, required=False)
    notes = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class EnrollMemberForm(Form):
    member: forms.ModelChoiceField[Member] = forms.ModelChoiceField(
        label=_("Đảng viên"), queryset=None
    )
    notes = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)

    def __init__(self, *args, members, **kwargs):
        self.member_queryset = members
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        cast(forms.ModelChoiceField[Any], self.fields["member"]).queryset = self.member_queryset


class EnrollPersonForm(Form):
    """A learner who is not a member: picked from the candidates the user may read (the
    enrolment is then linked, ADM-04), or typed by name and birth date."""

    candidate_ref = forms.ChoiceField(
        label=_("Quần chúng trong danh sách phát triển đảng viên"),
        required=False,
        error_messages={
            "invalid_choice": _("Quần chúng này không có trong danh sách đồng chí được xem.")
        },
        help_text=_(
            "Chọn để liên kết: giấy chứng nhận sẽ chuyển thẳng vào hồ sơ kết nạp. "
            "Để trống nếu người học chưa có trong danh sách."
        ),
    )
    full_name = forms.CharField(
        label=_("Họ và tên"),
        max_length=150,
        required=False,
        help_text=_("Để trống khi đã chọn quần chúng ở trên."),
    )
    date_of_birth = forms.DateField(label=_("Ngày sinh"), required=False, widget=VNDateInput())
    citizen_id = forms.CharField(
        label=_("Số CCCD"),
        max_length=12,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    notes = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)

    def __init__(self, *args, people=(), **kwargs):
        """`people`: training.links.LinkedPerson the user may link (scoped by the caller)."""
        self.people = list(people)
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        cast(forms.ChoiceField, self.fields["candidate_ref"]).choices = [("", "—")] + [
            (p.ref, p.label) for p in self.people
        ]

    def clean(self):
        data = super().clean()
        if not data.get("candidate_ref") and "candidate_ref" not in self.errors:
            if not (data.get("full_name") or "").strip() and "full_name" not in self.errors:
                self.add_error(
                    "full_name", _("Cần ghi họ và tên, hoặc chọn quần chúng trong danh sách.")
                )
            if data.get("date_of_birth") is None and "date_of_birth" not in self.errors:
                self.add_error("date_of_birth", _("Cần ghi ngày sinh."))
        return data


class ResultForm(Form):
    result = forms.ChoiceField(
        label=_("Kết quả"), choices=[c for c in Result.choices if c[0] != Result.ENROLLED]
    )
    certificate_number = forms.CharField(
        label=_("Số giấy chứng nhận"), max_length=50, required=False
    )
    certificate_on = forms.DateField(
        label=_("Ngày cấp giấy chứng nhận"),
        required=False,
        widget=VNDateInput(),
        help_text=_("Để trống: lấy ngày bế giảng lớp."),
    )


class CompleteForm(Form):
    certificate_on = forms.DateField(
        label=_("Ngày cấp giấy chứng nhận"),
        required=False,
        widget=VNDateInput(),
        help_text=_("Để trống: lấy ngày bế giảng lớp."),
    )


class StudyFilterForm(Form):
    year = forms.IntegerField(label=_("Năm"), min_value=1930, max_value=2100, required=False)

    def configure(self) -> None:
        self.fields["year"].widget.attrs.update({"inputmode": "numeric"})

    def value(self, name):
        if self.is_bound and self.is_valid():
            return self.cleaned_data.get(name)
        return None


class DirectiveForm(Form):
    code = forms.CharField(
        label=_("Số, ký hiệu"),
        max_length=40,
        widget=forms.TextInput(attrs={"placeholder": _("ví dụ: 05-CT/TW")}),
    )
    kind = forms.ChoiceField(
        label=_("Loại văn bản"),
        choices=[("", _("Theo ký hiệu"))] + DirectiveKind.choices,
        required=False,
    )
    title = forms.CharField(label=_("Trích yếu"), max_length=500)
    issued_on = forms.DateField(label=_("Ngày ban hành"), widget=VNDateInput())
    issuer = forms.CharField(
        label=_("Cơ quan ban hành"),
        max_length=150,
        widget=forms.TextInput(attrs={"placeholder": _("ví dụ: Bộ Chính trị")}),
    )
    notes = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class StudySessionForm(Form):
    organization: forms.ModelChoiceField[Organization] = forms.ModelChoiceField(
        label=_("Đơn vị tổ chức"), queryset=None
    )
    held_on = forms.DateField(label=_("Ngày tổ chức"), widget=VNDateInput())
    level = forms.ChoiceField(
        label=_("Cấp tổ chức"),
        choices=[("", _("Theo đơn vị tổ chức"))] + StudyLevel.choices,
        required=False,
    )
    members_count = forms.IntegerField(label=_("Số đảng viên tham dự"), min_value=0)
    others_count = forms.IntegerField(
        label=_("Số người khác tham dự"), min_value=0, required=False, initial=0
    )
    notes = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, organizations, **kwargs):
        self.organization_queryset = organizations
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        cast(
            forms.ModelChoiceField[Any], self.fields["organization"]
        ).queryset = self.organization_queryset
        self.fields["members_count"].widget.attrs.update({"inputmode": "numeric"})
        self.fields["others_count"].widget.attrs.update({"inputmode": "numeric"})
        if not self.is_bound:
            self.initial.setdefault("held_on", timezone.localdate())
