from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import Form
from members.enums import ACTIVE_STATUSES
from members.models import Member
from organizations.models import Organization

from .enums import (
    Activity,
    AppealOutcome,
    Area,
    DecidingBody,
    DeferralReason,
    DisciplineForm,
    InspectionKind,
)
from .models import InspectionProgramme


def _subtree(organization):
    orgs = Organization.objects.filter(path__startswith=organization.path).order_by("path")
    members = Member.objects.filter(
        organization__path__startswith=organization.path, status__in=ACTIVE_STATUSES
    ).order_by("sort_key", "id")
    return orgs, members


class ProgrammeForm(Form):
    year = forms.IntegerField(label=_("Năm"), min_value=1930, max_value=2100)
    title = forms.CharField(label=_("Tên chương trình"), max_length=255)
    note = forms.CharField(
        label=_("Nội dung"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class InspectionForm(Form):
    activity = forms.ChoiceField(label=_("Hoạt động"), choices=Activity.choices)
    kind = forms.ChoiceField(label=_("Loại"), choices=InspectionKind.choices)
    conducted_by = forms.ChoiceField(label=_("Cơ quan tiến hành"), choices=DecidingBody.choices)
    programme: forms.ModelChoiceField[InspectionProgramme] = forms.ModelChoiceField(
        label=_("Theo chương trình"), queryset=None, required=False
    )
    subject_organization: forms.ModelChoiceField[Organization] = forms.ModelChoiceField(
        label=_("Tổ chức đảng được kiểm tra, giám sát"), queryset=None, required=False
    )
    subject_member: forms.ModelChoiceField[Member] = forms.ModelChoiceField(
        label=_("Đảng viên được kiểm tra, giám sát"), queryset=None, required=False
    )
    members_covered = forms.IntegerField(
        label=_("Số đảng viên cùng được kiểm tra, giám sát"), min_value=0, initial=0, required=False
    )
    areas = forms.MultipleChoiceField(
        label=_("Nội dung"),
        choices=Area.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    team = forms.CharField(
        label=_("Đoàn (tổ) kiểm tra, giám sát"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    starts_on = forms.DateField(label=_("Từ ngày"))
    ends_on = forms.DateField(label=_("Đến ngày"), required=False)

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        orgs, members = _subtree(organization)
        self.fields["subject_organization"].queryset = orgs
        self.fields["subject_member"].queryset = members
        self.fields["programme"].queryset = organization.inspection_programmes.all()

    def clean(self):
        data = super().clean()
        if bool(data.get("subject_organization")) == bool(data.get("subject_member")):
            raise forms.ValidationError(_("Chọn một đối tượng: tổ chức đảng hoặc đảng viên."))
        data["members_covered"] = data.get("members_covered") or 0
        return data


class ConcludeForm(Form):
    findings = forms.CharField(
        label=_("Kết quả, ưu điểm, khuyết điểm"), widget=forms.Textarea(attrs={"rows": 3})
    )
    conclusion = forms.CharField(label=_("Kết luận"), widget=forms.Textarea(attrs={"rows": 3}))
    concluded_on = forms.DateField(label=_("Ngày kết luận"))
    violation_found = forms.BooleanField(label=_("Có vi phạm"), required=False)


class RecommendationForm(Form):
    text = forms.CharField(label=_("Kiến nghị, yêu cầu"), widget=forms.Textarea(attrs={"rows": 2}))
    due_on = forms.DateField(label=_("Hạn thực hiện"), required=False)


class CompleteForm(Form):
    completed_on = forms.DateField(label=_("Ngày hoàn thành"))
    note = forms.CharField(label=_("Kết quả thực hiện"), required=False, max_length=255)


class AssignmentForm(Form):
    member: forms.ModelChoiceField[Member] = forms.ModelChoiceField(
        label=_("Cấp ủy viên"), queryset=None
    )
    followed: forms.ModelChoiceField[Organization] = forms.ModelChoiceField(
        label=_("Tổ chức được phân công theo dõi"), queryset=None
    )
    areas = forms.MultipleChoiceField(
        label=_("Lĩnh vực"),
        choices=Area.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    starts_on = forms.DateField(label=_("Từ ngày"))
    ends_on = forms.DateField(label=_("Đến ngày"), required=False)

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        orgs, _members = _subtree(organization)
        self.fields["followed"].queryset = orgs
        self.fields["member"].queryset = (
            Member.objects.filter(seats__committee__organization=organization)
            .distinct()
            .order_by("sort_key")
        )


class DisciplineRecordForm(Form):
    subject_organization: forms.ModelChoiceField[Organization] = forms.ModelChoiceField(
        label=_("Tổ chức đảng bị kỷ luật"), queryset=None, required=False
    )
    subject_member: forms.ModelChoiceField[Member] = forms.ModelChoiceField(
        label=_("Đảng viên bị kỷ luật"), queryset=None, required=False
    )
    deciding_body = forms.ChoiceField(label=_("Cơ quan quyết định"), choices=DecidingBody.choices)
    form = forms.ChoiceField(label=_("Hình thức kỷ luật"), choices=DisciplineForm.choices)
    offence = forms.CharField(label=_("Nội dung vi phạm"), widget=forms.Textarea(attrs={"rows": 2}))
    offence_on = forms.DateField(label=_("Ngày vi phạm"))
    restarted_on = forms.DateField(
        label=_("Ngày có vi phạm mới (tính lại thời hiệu)"), required=False
    )
    decided_on = forms.DateField(label=_("Ngày quyết định"), required=False)
    decision_number = forms.CharField(label=_("Số quyết định"), required=False, max_length=50)
    self_remedied = forms.BooleanField(label=_("Tự phát hiện và khắc phục"), required=False)
    deferral_reason = forms.ChoiceField(
        label=_("Hoãn xử lý (DIS-04)"),
        choices=[("", "---"), *DeferralReason.choices],
        required=False,
    )
    deferred_until = forms.DateField(label=_("Hoãn đến ngày"), required=False)

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        orgs, members = _subtree(organization)
        self.fields["subject_organization"].queryset = orgs
        self.fields["subject_member"].queryset = members

    def clean(self):
        data = super().clean()
        if bool(data.get("subject_organization")) == bool(data.get("subject_member")):
            raise forms.ValidationError(_("Chọn một đối tượng: tổ chức đảng hoặc đảng viên."))
        return data


class DecideForm(Form):
    decided_on = forms.DateField(label=_("Ngày quyết định"))
    decision_number = forms.CharField(label=_("Số quyết định"), required=False, max_length=50)


class ReceiptForm(Form):
    received_on = forms.DateField(label=_("Ngày nhận quyết định"))


class AppealForm(Form):
    appealed_on = forms.DateField(label=_("Ngày khiếu nại"))


class ResolveForm(Form):
    outcome = forms.ChoiceField(
        label=_("Kết quả"),
        choices=[c for c in AppealOutcome.choices if c[0] != AppealOutcome.PENDING],
    )
    decided_on = forms.DateField(label=_("Ngày giải quyết"))
    new_form = forms.ChoiceField(
        label=_("Hình thức mới"), choices=[("", "---"), *DisciplineForm.choices], required=False
    )


class BadgeForm(Form):
    returned_on = forms.DateField(label=_("Ngày thu hồi huy hiệu"))


class PeriodForm(Form):
    date_from = forms.DateField(label=_("Từ ngày"))
    date_to = forms.DateField(label=_("Đến ngày"))

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            raise forms.ValidationError(_("Đến ngày trước từ ngày."))
        return data
