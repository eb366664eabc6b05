"""The step forms of a case (ADM-05, PRB-02..03): the date, the scan, the reason to go on
despite a warning, and the facts of the stage (admissions.services.stages.advance)."""

from datetime import date

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.forms import Form, VNDateInput
from members.enums import MemberStatus
from members.models import Member

from ..enums import FullStage, Proposal, Stage
from ..models import FullMembershipCase
from ..queries.stages import committee_vote, grassroots_of
from .certificates import certificate_fields
from .scans import check_scan


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


class StepForm(Form):
    """One step of a case: its date, the scanned document, the reason to go on past a
    warning, and the facts of the step (the fields `stage_fields()` adds). Admission
    cases (`AdvanceForm`) and full-membership cases (`FullAdvanceForm`) differ only in
    those facts and in the committee vote's organization."""

    on = forms.DateField(label=_("Ngày"), widget=VNDateInput())
    document = forms.FileField(label=_("Văn bản (bản quét)"), required=False)
    override_reason = forms.CharField(
        label=_("Lý do vẫn tiếp tục khi có cảnh báo"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    COMMON = ("on", "document", "override_reason")

    def __init__(self, *args, stage, **kwargs):
        self.stage = stage
        super().__init__(*args, **kwargs)

    def stage_fields(self, fields) -> None:
        """Add the facts of `self.stage`."""

    def configure(self) -> None:
        self.stage_fields(self.fields)
        # Put the date first, the override reason last.
        order = ["on", *[n for n in self.fields if n not in self.COMMON]]
        self.order_fields([*order, "document", "override_reason"])

    def clean_document(self):
        return check_scan(self.cleaned_data.get("document"))

    def committee_vote_check(self) -> None:
        """ADM-06 at the committee step, judged here too so a wrong count shows beside
        its field."""

    def clean(self):
        data = super().clean()
        self.committee_vote_check()
        return data

    def facts(self) -> dict:
        data = dict(self.cleaned_data)
        for name in self.COMMON:
            data.pop(name, None)
        return data


class AdvanceForm(StepForm):
    """The next step of an admission case."""

    def __init__(self, *args, case, stage, **kwargs):
        self.case = case
        super().__init__(*args, stage=stage, **kwargs)

    def stage_fields(self, f) -> None:
        s = self.stage
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

    def committee_vote_check(self) -> None:
        if self.stage == Stage.COMMITTEE_RESOLUTION:  # ADM-06
            _check_committee_vote(self, grassroots_of(self.case.cell))

    def facts(self) -> dict:
        data = super().facts()
        return {k: v for k, v in data.items() if v is not None or k == "votes_against"}


class FullAdvanceForm(StepForm):
    """The next step of a full-membership case (PRB-02, PRB-03)."""

    def __init__(self, *args, fcase: FullMembershipCase, stage, **kwargs):
        self.fcase = fcase
        super().__init__(*args, stage=stage, **kwargs)

    def stage_fields(self, f) -> None:
        s = self.stage
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

    def committee_vote_check(self) -> None:
        if self.stage == FullStage.COMMITTEE_RESOLUTION:  # ADM-06
            _check_committee_vote(
                self,
                grassroots_of(self.fcase.member.organization),
                need_two_thirds=self.fcase.proposal == Proposal.FULL,
            )


class CommitteeBaseForm(Form):
    """ADM-06: the date typed in the step form, for the committee-base panel (htmx)."""

    on = forms.DateField(required=False)

    def day(self) -> date | None:
        """The date typed, or None when blank or not a date."""
        return self.cleaned_data.get("on") if self.is_valid() else None
