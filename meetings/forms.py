"""Forms of the meetings screens: parse and validate input; the services decide."""

from typing import Any

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import Form
from organizations.models import Organization

from .enums import MeetingKind, Rating
from .models import SupervisorAssignment
from .queries.register import SheetRow
from .queries.statistics.base import Period


def model_choice(form: forms.BaseForm, name: str) -> "forms.ModelChoiceField[Any]":
    """A choice field of the form, typed as such (its queryset is set in configure())."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    return field


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class VersionMixin(Form):
    """The meeting's version the form was opened on (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class _AssignmentChoice(forms.ModelChoiceField[SupervisorAssignment]):
    def label_from_instance(self, obj: SupervisorAssignment) -> str:
        return obj.member.full_name


class _CellChoice(forms.ModelChoiceField[Organization]):
    def label_from_instance(self, obj: Organization) -> str:
        return obj.name


class MeetingForm(Form):
    kind = forms.ChoiceField(label=_("Loại sinh hoạt"), choices=MeetingKind.choices)
    planned_on = forms.DateField(label=_("Ngày dự kiến"))
    topic = forms.CharField(
        label=_("Chủ đề"),
        required=False,
        max_length=255,
        help_text=_("Bắt buộc với sinh hoạt chuyên đề (MTG-02)."),
    )
    place = forms.CharField(label=_("Địa điểm"), required=False, max_length=255)


class PlanEditForm(VersionMixin, MeetingForm):
    pass


class YearPlanForm(Form):
    day_of_month = forms.IntegerField(
        label=_("Ngày sinh hoạt hằng tháng"),
        min_value=1,
        max_value=31,
        initial=5,
        help_text=_("Có thể sửa từng buổi sau khi lập kế hoạch."),
    )


class HoldForm(VersionMixin, Form):
    held_on = forms.DateField(label=_("Ngày sinh hoạt"))
    starts_at = forms.TimeField(label=_("Giờ bắt đầu"), required=False, widget=TimeInput)
    ends_at = forms.TimeField(label=_("Giờ kết thúc"), required=False, widget=TimeInput)
    place = forms.CharField(label=_("Địa điểm"), required=False, max_length=255)


class CancelForm(VersionMixin, Form):
    reason = forms.CharField(label=_("Lý do hủy"), max_length=255)


class _MemberChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name


class MinutesForm(VersionMixin, Form):
    """DOC-02 content and the MTG-03 criteria the secretary ticks."""

    starts_at = forms.TimeField(label=_("Giờ bắt đầu"), required=False, widget=TimeInput)
    ends_at = forms.TimeField(label=_("Giờ kết thúc"), required=False, widget=TimeInput)
    place = forms.CharField(label=_("Địa điểm"), required=False, max_length=255)
    chair = _MemberChoice(label=_("Chủ trì"), queryset=None, required=False)
    minute_taker = _MemberChoice(label=_("Thư ký"), queryset=None, required=False)
    news_and_directions = forms.CharField(
        label=_("Thông tin thời sự, chủ trương, chỉ đạo của cấp trên"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    ideological_situation = forms.CharField(
        label=_("Tình hình tư tưởng đảng viên"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    review_of_tasks = forms.CharField(
        label=_("Kiểm điểm nhiệm vụ, nghị quyết tháng trước"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    discussion = forms.CharField(
        label=_("Thảo luận"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    conclusion = forms.CharField(
        label=_("Kết luận, nghị quyết"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    speakers = forms.IntegerField(label=_("Số lượt ý kiến phát biểu"), required=False, min_value=0)
    self_rating = forms.ChoiceField(
        label=_("Chi bộ tự đánh giá"), required=False, choices=[("", "—"), *Rating.choices]
    )
    prepared_content = forms.BooleanField(
        label=_("Đã chuẩn bị nội dung và dự thảo nghị quyết"), required=False
    )
    # DOC-02: completeness is computed from the content above; only the signatures are
    # attested here (a signed scan stored with the biên bản proves them as well).
    minutes_signed = forms.BooleanField(
        label=_("Biên bản đã có chữ ký của chủ trì và thư ký"),
        required=False,
        help_text=_(
            "Mức độ đầy đủ của biên bản được tự tính từ nội dung đã ghi; "
            "không cần đánh dấu khi đã lưu bản ký (bản quét)."
        ),
    )
    resolution_carried_out = forms.BooleanField(
        label=_("Nghị quyết được tổ chức thực hiện"), required=False
    )

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        self.members = members
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        model_choice(self, "chair").queryset = self.members
        model_choice(self, "minute_taker").queryset = self.members

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_at"), data.get("ends_at")
        if start and end and end <= start:
            self.add_error("ends_at", _("Giờ kết thúc phải sau giờ bắt đầu."))
        return data


class ResolutionForm(Form):
    number = forms.CharField(label=_("Số"), required=False, max_length=50)
    title = forms.CharField(label=_("Trích yếu"), max_length=255)
    text = forms.CharField(
        label=_("Nội dung"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    votes_for = forms.IntegerField(label=_("Tán thành"), min_value=0, initial=0)
    votes_against = forms.IntegerField(label=_("Không tán thành"), min_value=0, initial=0)
    votes_abstain = forms.IntegerField(label=_("Không biểu quyết"), min_value=0, initial=0)


class TaskForm(Form):
    text = forms.CharField(label=_("Nhiệm vụ"), max_length=500)
    assignee = _MemberChoice(label=_("Người thực hiện"), queryset=None, required=False)
    due_on = forms.DateField(label=_("Hạn hoàn thành"), required=False)

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        self.members = members
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        model_choice(self, "assignee").queryset = self.members


DOCUMENT_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "odt",
    "xls",
    "xlsx",
    "ods",
    "txt",
    "jpg",
    "jpeg",
    "png",
]
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


class DocumentForm(Form):
    title = forms.CharField(label=_("Tên tài liệu"), required=False, max_length=255)
    file = forms.FileField(
        label=_("Tệp"),
        validators=[FileExtensionValidator(DOCUMENT_EXTENSIONS)],
        help_text=_("PDF, Word, Excel, ảnh; tối đa 20 MB."),
    )

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(_("Tệp lớn hơn 20 MB."))
        return file


class SuperiorForm(Form):
    assignment: forms.ModelChoiceField[SupervisorAssignment] = _AssignmentChoice(
        label=_("Cấp ủy viên được phân công"), queryset=None, required=False
    )
    name = forms.CharField(label=_("Hoặc họ và tên"), required=False, max_length=150)
    position = forms.CharField(label=_("Chức vụ"), required=False, max_length=255)

    def __init__(self, *args: Any, assignments: Any, **kwargs: Any) -> None:
        self.assignments = assignments
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        model_choice(self, "assignment").queryset = self.assignments

    def clean(self):
        data = super().clean()
        if not data.get("assignment") and not data.get("name", "").strip():
            raise forms.ValidationError(_("Chọn cấp ủy viên được phân công hoặc ghi họ tên."))
        return data


class ScanForm(Form):
    """The signed scan of a numbered biên bản or nghị quyết (the service checks the bytes)."""

    file = forms.FileField(
        label=_("Bản ký (bản quét)"),
        validators=[FileExtensionValidator(["pdf", "jpg", "jpeg", "png"])],
        help_text=_("PDF hoặc ảnh JPG, PNG; tối đa 20 MB. Lưu bản mới thì bản cũ vẫn được giữ."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(_("Tệp lớn hơn 20 MB."))
        return file


class AssignmentForm(Form):
    """MTG-06: a member of the superior's committee assigned to one of its cells."""

    organization: forms.ModelChoiceField[Organization] = _CellChoice(
        label=_("Chi bộ"), queryset=None
    )
    member = _MemberChoice(label=_("Cấp ủy viên phụ trách"), queryset=None)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=255)

    def __init__(self, *args: Any, cells: Any, members: Any, **kwargs: Any) -> None:
        self.cells, self.members = cells, members
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        model_choice(self, "organization").queryset = self.cells
        model_choice(self, "member").queryset = self.members


class ScoringForm(Form):
    """MTG-05 weights of one province (a configurable default: MTG-05 is local)."""

    preparation = forms.IntegerField(label=_("Chuẩn bị"), min_value=0, max_value=100)
    attendance = forms.IntegerField(label=_("Tham dự"), min_value=0, max_value=100)
    conduct = forms.IntegerField(label=_("Tiến hành"), min_value=0, max_value=100)
    closing = forms.IntegerField(label=_("Kết thúc"), min_value=0, max_value=100)
    min_speakers = forms.IntegerField(
        label=_("Số ý kiến phát biểu để đạt điểm tối đa"), min_value=0, max_value=50
    )
    source = forms.CharField(
        label=_("Căn cứ (văn bản hướng dẫn của tỉnh)"), required=False, max_length=255
    )

    def clean(self):
        data = super().clean()
        parts = [data.get(name) for name in ("preparation", "attendance", "conduct", "closing")]
        if all(p is not None for p in parts) and sum(parts) != 100:
            raise forms.ValidationError(
                _("Tổng bốn phần phải đúng 100 điểm (hiện là %(total)s).") % {"total": sum(parts)}
            )
        return data


class AttendanceSheetForm(Form):
    """The whole attendance sheet (MTG-03, EXM-02): per member of the sheet `status-<pk>`,
    `reason-<pk>` and `duty-<pk>` as the screen posts them, the meeting's `version`, and
    the "all present" button. The services decide what is valid."""

    version = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, rows: list[SheetRow], **kwargs: Any) -> None:
        self.rows = rows
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        for row in self.rows:
            pk = row.member.pk
            self.fields[f"status-{pk}"] = forms.CharField(required=False, strip=False)
            self.fields[f"reason-{pk}"] = forms.CharField(required=False, strip=False)
            self.fields[f"duty-{pk}"] = forms.CharField(required=False, strip=False)

    @property
    def all_present(self) -> bool:
        return "all_present" in self.data

    def entries(self) -> list[dict[str, Any]]:
        """What was marked, in the order of the sheet (members left blank are left out)."""
        data = self.cleaned_data
        entries = []
        for row in self.rows:
            pk = row.member.pk
            status = data.get(f"status-{pk}") or ""
            if status:
                entries.append(
                    {
                        "member": pk,
                        "status": status,
                        "reason": data.get(f"reason-{pk}") or "",
                        "on_special_duty": bool(data.get(f"duty-{pk}")),
                    }
                )
        return entries


class AttendanceRowForm(Form):
    """One member's status (a tap on the attendance screen, htmx)."""

    version = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, member_pk: int, **kwargs: Any) -> None:
        self.member_pk = member_pk
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        pk = self.member_pk
        self.fields[f"status-{pk}"] = forms.CharField(required=False, strip=False)
        self.fields[f"reason-{pk}"] = forms.CharField(required=False, strip=False)
        self.fields[f"duty-{pk}"] = forms.CharField(required=False, strip=False)

    def service_kwargs(self) -> dict[str, Any]:
        data, pk = self.cleaned_data, self.member_pk
        return {
            "member": pk,
            "status": data.get(f"status-{pk}") or "",
            "reason": data.get(f"reason-{pk}") or "",
            "on_special_duty": bool(data.get(f"duty-{pk}")),
            "version": data.get("version") or None,
        }


MONTHS = [(m, f"{m:02d}") for m in range(1, 13)]


class PeriodForm(Form):
    """The period of the compliance statistics: a year, or a range of its months."""

    year = forms.IntegerField(label=_("Năm"), min_value=1930, max_value=2100)
    month_from = forms.TypedChoiceField(
        label=_("Từ tháng"), choices=MONTHS, coerce=int, required=False
    )
    month_to = forms.TypedChoiceField(
        label=_("Đến tháng"), choices=MONTHS, coerce=int, required=False
    )

    def configure(self) -> None:
        self.fields["year"].localize = False
        self.fields["year"].widget.is_localized = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("month_from") or 1, data.get("month_to") or 12
        if last < first:
            raise forms.ValidationError(gettext("Tháng cuối phải sau tháng đầu."))
        data["month_from"], data["month_to"] = first, last
        return data

    def period(self) -> Period:
        data = self.cleaned_data
        if data["month_from"] == 1 and data["month_to"] == 12:
            return Period.year(data["year"])
        return Period.months((data["year"], data["month_from"]), (data["year"], data["month_to"]))
