"""Forms of the admission screens: parse and show; every write goes through services."""

from typing import Any, cast

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.scope import active_assignments
from core.forms import Form, ModelForm, VNDateInput
from members.enums import MemberStatus
from members.forms import OrganizationChoiceField
from members.models import Member
from members.queries import members_for
from organizations.enums import CELL_KINDS
from organizations.models import Term
from organizations.queries import organizations_for, writable_organizations_for

from .enums import CandidateState, FullStage, LeavingWay, Outcome, Proposal, SponsorKind, Stage
from .forms_course import certificate_fields
from .models import Candidate, FullMembershipCase
from .services import committee_vote, grassroots_of

MAX_SCAN_BYTES = 10 * 1024 * 1024
SCAN_TYPES = (".pdf", ".jpg", ".jpeg", ".png")


def _base_depth(user) -> int:
    depths = [a.organization.depth for a in active_assignments(user) if a.organization]
    return min(depths, default=1)


def _check_scan(upload):
    if upload is None:
        return upload
    if upload.size > MAX_SCAN_BYTES:
        raise forms.ValidationError(_("Tệp quá lớn (tối đa 10 MB)."))
    if not upload.name.lower().endswith(SCAN_TYPES):
        raise forms.ValidationError(_("Chỉ nhận tệp PDF, JPG hoặc PNG."))
    return upload


class FilterForm(Form):
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


class CandidateFilterForm(FilterForm):
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
        fields = [
            "cell",
            "full_name",
            "sex",
            "date_of_birth",
            "education",
            "citizen_id",
            "home_town",
            "address",
            "occupation",
            "source",
            "youth_union_member",
            "notes",
        ]
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


def _committee_vote_fields(f, base_url: str) -> None:
    """ADM-06: the grassroots committee's vote. The base is not typed: it is the number
    of committee members seated on the resolution date in the register; the panel of who
    counts (`base_url`) follows the date typed in the form."""
    f["on"].widget.attrs.update(
        {
            "hx-get": base_url,
            "hx-trigger": "change",
            "hx-target": "#committee-base",
            "hx-swap": "outerHTML",
        }
    )
    f["committee_for"] = forms.IntegerField(
        label=_("Số ủy viên tán thành"),
        min_value=0,
        help_text=_(
            "Cần ít nhất 2/3 số ủy viên đảng ủy có trong sổ cấp ủy vào ngày nghị quyết (ADM-06)."
        ),
    )
    f["committee_against"] = forms.IntegerField(
        label=_("Số ủy viên không tán thành"), min_value=0, required=False
    )


def _check_committee_vote(form, organization, *, need_two_thirds: bool = True) -> None:
    """ADM-06 judged at the boundary too, so that a wrong count shows beside its field."""
    data = form.cleaned_data
    if data.get("on") is None or data.get("committee_for") is None:
        return
    vote = committee_vote(organization, data["on"], data, need_two_thirds=need_two_thirds)
    for finding in vote[-1]:
        form.add_error("committee_for", str(finding))


class AdvanceForm(Form):
    """The next step of a case: its date, document, override reason and facts."""

    on = forms.DateField(label=_("Ngày"), widget=VNDateInput())
    document = forms.FileField(label=_("Văn bản (bản quét)"), required=False)
    override_reason = forms.CharField(
        label=_("Lý do vẫn tiếp tục khi có cảnh báo"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, case, stage, **kwargs):
        self.case, self.stage = case, stage
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        f, s = self.fields, self.stage
        if s == Stage.SYMPATHIZER:
            f["helper"] = forms.ModelChoiceField(
                label=_("Đảng viên giúp đỡ"),
                queryset=Member.objects.filter(
                    organization=self.case.cell, status=MemberStatus.FULL
                ),
                required=self.case.candidate.helper_id is None,
                initial=self.case.candidate.helper_id,
            )
        elif s == Stage.COURSE:  # ADM-04: pre-filled from the training certificate
            certificate_fields(f, self.case)
        elif s == Stage.CELL_RESOLUTION:
            f["votes_for"] = forms.IntegerField(label=_("Số tán thành"), min_value=0)
            f["votes_against"] = forms.IntegerField(
                label=_("Số không tán thành"), min_value=0, required=False
            )
            f["over_age_agreement"] = forms.CharField(
                label=_("Văn bản đồng ý của tỉnh ủy (người trên 60 tuổi)"),
                required=False,
                max_length=255,
            )
            f["education_exception"] = forms.BooleanField(
                label=_("Áp dụng ngoại lệ học vấn vùng đặc biệt khó khăn (ADM-02)"),
                required=False,
            )
        elif s == Stage.COMMITTEE_RESOLUTION:
            # ADM-06: the base comes from the register
            _committee_vote_fields(
                f, reverse("admissions:case_committee_base", args=[self.case.pk])
            )
        elif s == Stage.DECISION:
            f["decision_number"] = forms.CharField(
                label=_("Số quyết định"), required=False, max_length=50
            )
            f["extension_reason"] = forms.CharField(
                label=_("Lý do gia hạn (quá 60 ngày làm việc, ADM-07)"),
                required=False,
                max_length=255,
            )
        elif s == Stage.CEREMONY:
            f["decision_received_on"] = forms.DateField(
                label=_("Ngày chi bộ nhận quyết định"), required=False, widget=VNDateInput()
            )
        # Put the date first, the override reason last.
        order = ["on", *[n for n in f if n not in ("on", "document", "override_reason")]]
        self.order_fields([*order, "document", "override_reason"])

    def clean_document(self):
        return _check_scan(self.cleaned_data.get("document"))

    def clean(self):
        data = super().clean()
        if self.stage == Stage.COMMITTEE_RESOLUTION:  # ADM-06
            _check_committee_vote(self, grassroots_of(self.case.cell))
        return data

    def facts(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("on", "document", "override_reason"):
            data.pop(name, None)
        return {k: v for k, v in data.items() if v is not None or k == "votes_against"}


class FullAdvanceForm(Form):
    on = forms.DateField(label=_("Ngày"), widget=VNDateInput())
    document = forms.FileField(label=_("Văn bản (bản quét)"), required=False)
    override_reason = forms.CharField(
        label=_("Lý do vẫn tiếp tục khi có cảnh báo"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, fcase: FullMembershipCase, stage, **kwargs):
        self.fcase, self.stage = fcase, stage
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        f, s = self.fields, self.stage
        if s == FullStage.CELL_RESOLUTION:
            f["proposal"] = forms.ChoiceField(label=_("Chi bộ đề nghị"), choices=Proposal.choices)
            f["votes_for"] = forms.IntegerField(label=_("Số tán thành"), min_value=0)
            f["votes_against"] = forms.IntegerField(
                label=_("Số không tán thành"), min_value=0, required=False
            )
        elif s == FullStage.COMMITTEE_RESOLUTION:
            # ADM-06: the base comes from the register
            _committee_vote_fields(
                f, reverse("admissions:full_committee_base", args=[self.fcase.pk])
            )
        elif s == FullStage.DECISION:
            f["decision_number"] = forms.CharField(
                label=_("Số quyết định"), required=False, max_length=50
            )
            f["extension_reason"] = forms.CharField(
                label=_("Lý do gia hạn (PRB-03)"), required=False, max_length=255
            )
        order = ["on", *[n for n in f if n not in ("on", "document", "override_reason")]]
        self.order_fields([*order, "document", "override_reason"])

    def clean_document(self):
        return _check_scan(self.cleaned_data.get("document"))

    def clean(self):
        data = super().clean()
        if self.stage == FullStage.COMMITTEE_RESOLUTION:  # ADM-06
            _check_committee_vote(
                self,
                grassroots_of(self.fcase.member.organization),
                need_two_thirds=self.fcase.proposal == Proposal.FULL,
            )
        return data

    def facts(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("on", "document", "override_reason"):
            data.pop(name, None)
        return data


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


class DocumentForm(Form):
    received_on = forms.DateField(label=_("Ngày nhận"), required=False, widget=VNDateInput())
    scan = forms.FileField(label=_("Bản quét"), required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=255)

    def clean_scan(self):
        return _check_scan(self.cleaned_data.get("scan"))


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


class ResultsForm(FilterForm):
    year_from = forms.IntegerField(
        label=_("Từ năm"), required=False, min_value=2000, max_value=2100
    )
    year_to = forms.IntegerField(label=_("Đến năm"), required=False, min_value=2000, max_value=2100)

    def years(self) -> list[int]:
        this_year = timezone.localdate().year
        start, end = this_year - 4, this_year
        if self.is_bound and self.is_valid():
            start = self.cleaned_data.get("year_from") or start
            end = self.cleaned_data.get("year_to") or end
        if end < start:
            start, end = end, start
        end = min(end, start + 19)
        return list(range(start, end + 1))


class TargetForm(Form):
    organization = OrganizationChoiceField(label=_("Tổ chức"), queryset=None)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100, required=False)
    term: forms.ModelChoiceField[Term] = forms.ModelChoiceField(
        label=_("Hoặc nhiệm kỳ"), queryset=None, required=False
    )
    target = forms.IntegerField(label=_("Chỉ tiêu kết nạp"), min_value=0)

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        orgs = writable_organizations_for(self.user).exclude(kind__in=CELL_KINDS)
        cast(forms.ModelChoiceField[Any], self.fields["organization"]).queryset = orgs.order_by(
            "path"
        )
        cast(OrganizationChoiceField, self.fields["organization"]).base_depth = _base_depth(
            self.user
        )
        cast(forms.ModelChoiceField[Any], self.fields["term"]).queryset = Term.objects.filter(
            Q(organization__in=orgs)
        ).select_related("organization")

    def clean(self):
        data = super().clean()
        if (data.get("year") is None) == (data.get("term") is None):
            raise forms.ValidationError(_("Chọn một năm hoặc một nhiệm kỳ."))
        return data
