"""Forms of the administration screens. Writes go through accounts.services.

Everything validation depends on (querysets, extra fields, the acting user) is set up in
`configure()`, core.forms' one hook.
"""

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.contrib.auth.password_validation import (
    password_validators_help_text_html,
    validate_password,
)
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import Form, ModelForm, VNDateInput
from organizations.queries import organizations_for

from .enums import Role
from .links import member_records
from .models import RoleAssignment, User
from .scope import active_assignments
from .services import check_assignment

if TYPE_CHECKING:
    from organizations.models import Organization


class SubtreeOrganizationField(forms.ModelChoiceField):
    """An organization of the user's reach, indented by depth in a plain <select> (the
    tree shows without a widget). `base_depth`: the depth of the user's highest seat."""

    def __init__(self, *args: Any, base_depth: int = 1, **kwargs: Any) -> None:
        self.base_depth = base_depth
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        return "— " * max(obj.depth - self.base_depth, 0) + obj.name


def reach_depth(user: Any) -> int:
    """The depth of the highest organization the user holds a seat in (1 for none)."""
    return min(
        (a.organization.depth for a in active_assignments(user) if a.organization is not None),
        default=1,
    )


class SubtreeFilterForm(Form):
    """The one filter "an organization in my subtree" of every list and report.

    Needs `user=`. `organization` lists what the user reads (`organizations_for`), or what
    `organization_queryset()` narrows it to; empty means "all of my reach". A list with more
    filters subclasses it and adds its fields. `selected_organization()` is the choice (None
    for all, or when the form is invalid); `organization_out_of_reach()` says an
    organization was asked for that the user may not read (exports answer 404)."""

    organization = SubtreeOrganizationField(
        label=_("Tổ chức"), queryset=None, required=False, empty_label=_("Tất cả")
    )
    # False: no "all" choice (a page about one organization at a time).
    all_choice = True

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def organization_queryset(self) -> Any:
        return organizations_for(self.user).order_by("path")

    def configure(self) -> None:
        super().configure()
        field = cast(SubtreeOrganizationField, self.fields["organization"])
        field.queryset = self.organization_queryset()
        field.base_depth = reach_depth(self.user)
        if not self.all_choice:
            field.empty_label = None

    def selected_organization(self) -> Any:
        if not self.is_bound or not self.is_valid():
            return None
        return self.cleaned_data.get("organization")

    def organization_out_of_reach(self) -> bool:
        return (
            self.is_bound and bool(self.data.get("organization")) and "organization" in self.errors
        )


class UserSearchForm(Form):
    q = forms.CharField(
        label=_("Tìm theo tên đăng nhập hoặc họ tên"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("ví dụ: nguyen van duc")}),
    )


def _password_fields(form) -> None:
    form.fields["password1"] = forms.CharField(
        label=_("Mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html(),
    )
    form.fields["password2"] = forms.CharField(
        label=_("Nhập lại mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )


# Django 5.2's own Vietnamese catalogue lacks some validator messages (their English
# text changed); these keep every message Vietnamese whatever Django ships.
_PASSWORD_MESSAGES = {
    "password_too_short": _("Mật khẩu quá ngắn: cần ít nhất %(min_length)d ký tự."),
    "password_too_common": _("Mật khẩu này quá phổ biến."),
    "password_entirely_numeric": _("Mật khẩu không được chỉ gồm chữ số."),
    "password_too_similar": _("Mật khẩu quá giống với thông tin của tài khoản."),
}


def _vietnamese(error: ValidationError) -> list[str]:
    messages = []
    for item in error.error_list:
        template = _PASSWORD_MESSAGES.get(item.code) if item.code else None
        if template is None:
            messages.extend(item.messages)
        else:
            messages.append(str(template) % (item.params or {}))
    return messages


def _clean_passwords(form, user: User) -> None:
    """The two boxes must match, and the password pass AUTH_PASSWORD_VALIDATORS."""
    password1 = form.cleaned_data.get("password1")
    password2 = form.cleaned_data.get("password2")
    if not password1 or not password2:
        return
    if password1 != password2:
        form.add_error("password2", _("Hai mật khẩu không giống nhau."))
        return
    try:
        validate_password(password1, user)
    except ValidationError as error:
        form.add_error("password1", _vietnamese(error))


class UserCreateForm(ModelForm):
    class Meta:
        model = User
        fields = ["username", "full_name", "phone", "email"]

    def configure(self) -> None:
        _password_fields(self)

    def clean(self):
        cleaned = super().clean()
        candidate = User(
            username=cleaned.get("username") or "",
            full_name=cleaned.get("full_name") or "",
            email=cleaned.get("email") or "",
        )
        _clean_passwords(self, candidate)
        return cleaned


class UserEditForm(ModelForm):
    class Meta:
        model = User
        fields = ["username", "full_name", "phone", "email"]


class PasswordResetForm(Form):
    def __init__(self, *args, user: User, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        _password_fields(self)

    def clean(self):
        cleaned = super().clean()
        _clean_passwords(self, self.user)
        return cleaned


class _OrganizationTreeField(forms.ModelChoiceField["Organization"]):
    """Organizations as an indented tree ("— — Chi bộ 1")."""

    def label_from_instance(self, obj: "Organization") -> str:
        return "— " * (obj.depth - 1) + obj.name


class AssignmentForm(ModelForm):
    """Role, organization (from those the administrator reaches), dates, and the member
    record for the member role (chosen among the members of the chosen organization:
    pick the organization, save, and the list of its members appears)."""

    member: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Hồ sơ đảng viên"),
        queryset=None,
        required=False,
        help_text=_("Chỉ với vai trò đảng viên: chọn tổ chức trước, danh sách đảng viên hiện ra."),
    )

    class Meta:
        model = RoleAssignment
        fields = ["role", "organization", "starts_on", "ends_on"]
        widgets = {"starts_on": VNDateInput(), "ends_on": VNDateInput()}
        field_classes = {"organization": _OrganizationTreeField}

    def __init__(self, *args, by, user: User, **kwargs):
        self.by = by
        self.user = user
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        organization = cast("forms.ModelChoiceField[Organization]", self.fields["organization"])
        organization.queryset = organizations_for(self.by).order_by("path")
        organization.required = False

        organization.empty_label = _("Toàn hệ thống (chỉ quản trị hệ thống)")
        self.fields["starts_on"].show_hidden_initial = False
        organization_id = self._chosen_organization_id()
        records = member_records()  # members.links
        members = records.none()
        if organization_id:
            members = records.linkable(organization_id, self.user)
        member = cast("forms.ModelChoiceField[Any]", self.fields["member"])
        member.queryset = members.order_by("sort_key", "id")

    def _chosen_organization_id(self) -> int | None:
        raw = self.data.get(self.add_prefix("organization")) if self.is_bound else None
        raw = raw or self.initial.get("organization")
        raw = getattr(raw, "pk", raw)
        try:
            return int(raw) if raw else None
        except (TypeError, ValueError):
            return None

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        starts_on = cleaned.get("starts_on")
        if role and starts_on and "organization" not in self.errors:
            try:
                check_assignment(
                    role=role,
                    organization=cleaned.get("organization"),
                    starts_on=starts_on,
                    ends_on=cleaned.get("ends_on"),
                    member=cleaned.get("member"),
                )
            except ValidationError as error:
                self.add_error(None, error)
        if role != Role.MEMBER:
            cleaned["member"] = None
        return cleaned


class EndAssignmentForm(Form):
    ends_on = forms.DateField(label=_("Kết thúc từ ngày"), widget=VNDateInput())

    def __init__(self, *args, assignment: RoleAssignment, **kwargs):
        self.assignment = assignment
        super().__init__(*args, **kwargs)

    def clean_ends_on(self):
        ends_on = self.cleaned_data["ends_on"]
        if ends_on < self.assignment.starts_on:
            raise ValidationError(_("Ngày kết thúc không được trước ngày bắt đầu."))
        return ends_on
