"""Member forms: the register list's filters, the full profile (MEM-01), the entry of a new
member (admission or copy of the paper register, MEM-02) and the status events of the
member page."""

from typing import Any, cast

from django import forms
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from accounts.forms import SubtreeFilterForm, SubtreeOrganizationField, reach_depth
from core.forms import Form, ModelForm, VNDateInput
from organizations.enums import CELL_KINDS, CellCategory
from organizations.queries import writable_organizations_for

from ..enums import Education, EventKind, MemberStatus, Sex, TheoryLevel
from ..models import Ethnicity, Member
from ..queries.register import ACTIVE, AGE_BANDS, PARTY_AGE_BANDS
from ..services.profile import (
    ENTRY_ADMISSION,
    ENTRY_EXISTING,
    PAGE_EVENTS,
    PROFILE_FIELDS,
    date_errors,
)
from ..validators import citizen_id_mismatch

MIN_AGE = 18  # Party Statute, art. 1: a member is at least 18 years old.
MAX_PHOTO_BYTES = 5 * 1024 * 1024


def _all(choices):
    return [("", _("Tất cả")), *choices]


class MemberFilterForm(SubtreeFilterForm):
    """The register list's filters (the organization: accounts' subtree filter); the same
    parameters drive its exports."""

    q = forms.CharField(
        label=_("Tìm theo họ tên"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("ví dụ: nguyen van duc")}),
    )
    status = forms.ChoiceField(label=_("Trạng thái"), required=False)
    sex = forms.ChoiceField(label=_("Giới tính"), required=False)
    ethnicity = forms.ModelChoiceField(
        label=_("Dân tộc"),
        queryset=Ethnicity.objects.all(),
        required=False,
        empty_label=_("Tất cả"),
    )
    age_band = forms.ChoiceField(
        label=_("Độ tuổi"), required=False, choices=_all([(k, v) for k, v, *_r in AGE_BANDS])
    )
    party_age_band = forms.ChoiceField(
        label=_("Tuổi đảng"),
        required=False,
        choices=_all([(k, v) for k, v, *_r in PARTY_AGE_BANDS]),
    )
    education = forms.ChoiceField(
        label=_("Giáo dục phổ thông"), required=False, choices=_all(Education.choices)
    )
    theory_level = forms.ChoiceField(
        label=_("Lý luận chính trị"), required=False, choices=_all(TheoryLevel.choices)
    )
    category = forms.ChoiceField(
        label=_("Loại hình chi bộ"), required=False, choices=_all(CellCategory.choices)
    )

    # Filters shown folded away under "more filters" on a phone.
    MORE = (
        "sex",
        "ethnicity",
        "age_band",
        "party_age_band",
        "education",
        "theory_level",
        "category",
    )

    def configure(self) -> None:
        super().configure()
        cast(forms.ChoiceField, self.fields["status"]).choices = _all(
            [(ACTIVE, _("Đang sinh hoạt (dự bị, chính thức)")), *MemberStatus.choices]
        )
        cast(forms.ChoiceField, self.fields["sex"]).choices = _all(Sex.choices)

    @property
    def more_fields(self):
        return [self[name] for name in self.MORE]

    @property
    def more_used(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in self.MORE)

    def filters(self) -> dict:
        """Keyword arguments for queries.member_list_for (valid fields only)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "organization": data.get("organization"),
            "status": data.get("status") or "",
            "text": data.get("q") or "",
            "sex": data.get("sex") or "",
            "ethnicity": data.get("ethnicity"),
            "age_band": data.get("age_band") or "",
            "party_age_band": data.get("party_age_band") or "",
            "education": data.get("education") or "",
            "theory_level": data.get("theory_level") or "",
            "category": data.get("category") or "",
        }


# --- The profile ------------------------------------------------------------------------

# Sections of the form and of the member page; each fits a 360 px phone on its own.
Sections = tuple[tuple[StrOrPromise, tuple[str, ...]], ...]
SECTIONS: Sections = (
    (
        _("Thông tin cá nhân"),
        (
            "full_name",
            "birth_name",
            "sex",
            "date_of_birth",
            "ethnicity",
            "religion",
            "home_town",
            "citizen_id",
            "photo",
        ),
    ),
    (_("Liên hệ"), ("phone", "address")),
    (
        _("Trình độ, nghề nghiệp"),
        (
            "education",
            "qualification",
            "theory_level",
            "foreign_language",
            "occupation",
            "armed_forces",
            "retired",
        ),
    ),
    (_("Hồ sơ đảng viên"), ("card_number", "file_number", "seriously_ill", "notes")),
)
ENTRY_SECTION = (
    _("Vào Đảng"),
    ("entry", "organization", "admitted_on", "full_member_on", "document"),
)


class MemberProfileForm(ModelForm):
    """Every column of the register a user types (MEM-01); used to edit a member."""

    sections: Sections = SECTIONS

    class Meta:
        model = Member
        fields = list(PROFILE_FIELDS)
        widgets = {
            "date_of_birth": VNDateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "citizen_id": forms.TextInput(
                attrs={"inputmode": "numeric", "maxlength": 12, "autocomplete": "off"}
            ),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
            "photo": forms.ClearableFileInput(attrs={"accept": "image/*"}),
        }
        error_messages = {
            "citizen_id": {
                "unique": _(
                    "Số CCCD này đã có trong sổ đảng viên: kiểm tra lại, có thể đã nhập rồi."
                ),
            },
        }

    def __init__(self, *args, by, **kwargs):
        self.by = by
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        cast(forms.ModelChoiceField[Any], self.fields["ethnicity"]).empty_label = _("— chọn —")
        cast(forms.ModelChoiceField[Any], self.fields["religion"]).empty_label = _("Không")
        self.fields["citizen_id"].help_text = _("12 chữ số, ghi trên căn cước công dân.")
        self.fields["photo"].help_text = _("Ảnh JPEG hoặc PNG, tối đa 5 MB (không bắt buộc).")

    def get_sections(self):
        names = set(self.fields)
        return [
            (title, [self[name] for name in fields if name in names])
            for title, fields in self.sections
        ]

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        today = timezone.localdate()
        if born > today:
            raise forms.ValidationError(_("Ngày sinh không được sau ngày hôm nay."))
        if born.year < 1900:
            raise forms.ValidationError(_("Ngày sinh không hợp lệ."))
        age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        if age < MIN_AGE:
            raise forms.ValidationError(_("Đảng viên phải đủ %(age)d tuổi.") % {"age": MIN_AGE})
        return born

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and getattr(photo, "size", 0) > MAX_PHOTO_BYTES:
            raise forms.ValidationError(_("Ảnh quá lớn: tối đa 5 MB."))
        return photo

    def profile_changes(self) -> dict:
        """Keyword arguments for services.update_member: the profile fields typed."""
        data = {
            name: self.cleaned_data[name] for name in PROFILE_FIELDS if name in self.cleaned_data
        }
        if data.get("photo") is False:  # "remove the photo" ticked
            data["photo"] = ""
        elif data.get("photo") is None:
            data["photo"] = ""
        return data

    def party_dates(self):
        """(admitted_on, full_member_on) the profile is checked against."""
        return self.instance.admitted_on, self.instance.full_member_on

    def clean(self):
        data = super().clean()
        born, sex = data.get("date_of_birth"), data.get("sex")
        mismatch = citizen_id_mismatch(data.get("citizen_id") or "", born, sex)
        if mismatch and "citizen_id" not in self.errors:
            self.add_error("citizen_id", mismatch)
        admitted_on, full_member_on = self.party_dates()
        if born and "date_of_birth" not in self.errors:
            errors = date_errors(
                date_of_birth=born, admitted_on=admitted_on, full_member_on=full_member_on
            )
            self._apply_date_errors(errors)
        return data

    def _apply_date_errors(self, errors: dict) -> None:
        # On the edit form the admission date is not typed: blame the birth date (ADM-01).
        if "admitted_on" in errors and self.instance.admitted_on:
            self.add_error(
                "date_of_birth",
                _("Với ngày sinh này, đảng viên chưa đủ %(age)d tuổi vào ngày vào Đảng %(day)s.")
                % {"age": MIN_AGE, "day": self.instance.admitted_on.strftime("%d/%m/%Y")},
            )


class MemberCreateForm(MemberProfileForm):
    """A new member: the profile, and how they enter the register (MEM-02)."""

    sections = (*SECTIONS[:1], ENTRY_SECTION, *SECTIONS[1:])

    entry = forms.ChoiceField(
        label=_("Cách nhập"),
        choices=[
            (ENTRY_ADMISSION, _("Ghi nhận quyết định kết nạp (đảng viên dự bị mới)")),
            (ENTRY_EXISTING, _("Nhập đảng viên đã có từ sổ danh sách đảng viên")),
        ],
        initial=ENTRY_ADMISSION,
        widget=forms.RadioSelect,
    )
    organization = SubtreeOrganizationField(label=_("Sinh hoạt tại chi bộ"), queryset=None)
    admitted_on = forms.DateField(
        label=_("Ngày vào Đảng (ngày quyết định kết nạp)"), widget=VNDateInput()
    )
    full_member_on = forms.DateField(
        label=_("Ngày chính thức"),
        required=False,
        widget=VNDateInput(),
        help_text=_("Chỉ khi nhập đảng viên đã chính thức từ sổ danh sách."),
    )
    document = forms.CharField(label=_("Số quyết định kết nạp"), max_length=100, required=False)

    def configure(self) -> None:
        super().configure()
        cast(forms.ModelChoiceField[Any], self.fields["organization"]).queryset = (
            writable_organizations_for(self.by)
            .filter(Q(kind__in=CELL_KINDS), dissolved_on__isnull=True)
            .order_by("path")
        )
        cast(SubtreeOrganizationField, self.fields["organization"]).base_depth = reach_depth(
            self.by
        )

    def party_dates(self):
        data = self.cleaned_data
        full = data.get("full_member_on") if data.get("entry") == ENTRY_EXISTING else None
        return data.get("admitted_on"), full

    def clean(self):
        data = super().clean()
        if data.get("entry") == ENTRY_ADMISSION and data.get("full_member_on"):
            self.add_error(
                "full_member_on",
                _("Đảng viên mới kết nạp là đảng viên dự bị: để trống ngày chính thức."),
            )
        if not data.get("date_of_birth"):
            # Without a birth date the other party dates are still checked.
            admitted_on, full_member_on = self.party_dates()
            self._apply_date_errors(
                date_errors(
                    date_of_birth=None, admitted_on=admitted_on, full_member_on=full_member_on
                )
            )
        return data

    def _apply_date_errors(self, errors: dict) -> None:
        for field in ("admitted_on", "full_member_on"):
            if field in errors and field not in self.errors:
                self.add_error(field, errors[field])

    def service_arguments(self) -> dict:
        """Keyword arguments for services.create_member."""
        data = self.profile_changes()
        extra = self.cleaned_data
        return {
            **data,
            "entry": extra["entry"],
            "organization": extra["organization"],
            "admitted_on": extra["admitted_on"],
            "full_member_on": extra.get("full_member_on")
            if extra["entry"] == ENTRY_EXISTING
            else None,
            "document": extra.get("document") or "",
        }


class EventForm(Form):
    """A status change typed on the member page (MEM-02): full membership or leaving."""

    kind = forms.ChoiceField(label=_("Sự kiện"))
    on = forms.DateField(label=_("Ngày (theo quyết định)"), widget=VNDateInput())
    document = forms.CharField(label=_("Số quyết định, văn bản"), max_length=100, required=False)
    reason = forms.CharField(label=_("Lý do"), max_length=255, required=False)

    def __init__(self, *args, member, **kwargs):
        self.member = member
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        kinds: list[str] = [k for k in PAGE_EVENTS if k != EventKind.FULL_MEMBERSHIP]
        if self.member.status == MemberStatus.PROBATIONARY:
            kinds.insert(0, EventKind.FULL_MEMBERSHIP)
        # No event is pre-selected: striking off must be a deliberate choice.
        cast(forms.ChoiceField, self.fields["kind"]).choices = [("", _("— chọn sự kiện —"))] + [
            (k, EventKind(k).label) for k in kinds
        ]

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on > timezone.localdate():
            raise forms.ValidationError(_("Ngày của sự kiện không được ở tương lai."))
        return on


def profile_sections(member: Member) -> list[tuple[StrOrPromise, list[tuple[str, object]]]]:
    """The member page's profile: SECTIONS as (title, [(label, value shown)])."""
    sections: list[tuple[StrOrPromise, list[tuple[str, object]]]] = []
    for title, names in SECTIONS:
        rows: list[tuple[str, object]] = []
        for name in names:
            if name == "photo":
                continue
            field = Member._meta.get_field(name)
            assert isinstance(field, models.Field)  # the sections name the member's own fields
            value = getattr(member, name)
            if field.choices:
                shown = getattr(member, f"get_{name}_display")()
            elif isinstance(value, bool):
                shown = _("Có") if value else _("Không")
            elif hasattr(value, "strftime"):
                shown = date_format(value, "d/m/Y")
                if name == "date_of_birth":
                    shown = _("%(day)s (%(age)d tuổi)") % {"day": shown, "age": member.age}
            else:
                shown = value
            rows.append((str(field.verbose_name).capitalize(), shown or "—"))
        sections.append((title, rows))
    return sections
