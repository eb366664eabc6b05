"""Every write to users and role assignments. Keyword-only options, one transaction each.

`by` is the user making the change; it is recorded as the author in the audit trail
(django-simple-history) whether or not the call comes from a web request.
"""

from datetime import date
from typing import TYPE_CHECKING, Any

from axes.utils import reset as axes_reset
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import stamp

from .enums import Role
from .links import member_records
from .models import RoleAssignment, User
from .scope import forget_assignments

if TYPE_CHECKING:
    from django.db.models import Model

    from organizations.models import Organization


def _save(obj: "Model", *, by: User | None, reason: str = "", **kwargs: Any) -> None:
    stamp(obj, by, reason)
    obj.save(**kwargs)


@transaction.atomic
def create_user(
    *,
    username: str,
    password: str,
    by: User | None,
    full_name: str = "",
    phone: str = "",
    email: str = "",
) -> User:
    """A new active account. The password is checked by AUTH_PASSWORD_VALIDATORS."""
    user = User(username=username, full_name=full_name, phone=phone, email=email)
    validate_password(password, user)
    user.set_password(password)
    user.refresh_derived()
    user.full_clean(exclude=["password"])
    _save(user, by=by)
    return user


@transaction.atomic
def update_user(
    user: User, *, by: User | None, username: str, full_name: str, phone: str, email: str
) -> User:
    user.username = username
    user.full_name = full_name
    user.phone = phone
    user.email = email
    user.refresh_derived()
    user.full_clean(exclude=["password"])
    _save(user, by=by)
    return user


@transaction.atomic
def set_active(user: User, *, active: bool, by: User | None) -> User:
    """Deactivate (no more logins, sessions end at the next request) or reactivate."""
    if not active and user.pk == getattr(by, "pk", None):
        raise ValidationError(_("Không thể tự khóa tài khoản của chính mình."))
    user.is_active = active
    reason = _("Mở lại tài khoản") if active else _("Khóa tài khoản")
    _save(user, by=by, reason=reason)
    return user


@transaction.atomic
def reset_password(user: User, *, password: str, by: User | None) -> User:
    """Set a new password; the user's other sessions end and any login lockout is lifted."""
    validate_password(password, user)
    user.set_password(password)
    _save(user, by=by, reason=_("Đặt lại mật khẩu"))
    transaction.on_commit(lambda: axes_reset(username=user.username))
    return user


def check_assignment(
    *,
    role: str,
    organization: "Organization | None",
    starts_on: date,
    ends_on: date | None,
    member: Any,
) -> None:
    errors: dict[str, str] = {}
    if role != Role.ADMIN and organization is None:
        errors["organization"] = _("Chọn tổ chức đảng cho vai trò này.")
    if ends_on is not None and ends_on < starts_on:
        errors["ends_on"] = _("Ngày kết thúc không được trước ngày bắt đầu.")
    if role == Role.MEMBER:
        if member is None:
            errors["member"] = _("Chọn hồ sơ đảng viên của tài khoản này.")
        elif organization is not None and member.organization_id != organization.pk:
            errors["member"] = _("Đảng viên này không sinh hoạt tại tổ chức đã chọn.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def add_assignment(
    *,
    user: User,
    role: str,
    organization: "Organization | None",
    starts_on: date | None = None,
    ends_on: date | None = None,
    member: Any = None,
    by: User | None,
) -> RoleAssignment:
    """Give `user` a role over `organization` (None only for a system administrator).

    Side effects: for the member role, the member record is linked to the account
    (members.services.link_account, through accounts.links); the user's cached assignments are forgotten.
    """
    starts_on = starts_on or timezone.localdate()
    check_assignment(
        role=role, organization=organization, starts_on=starts_on, ends_on=ends_on, member=member
    )
    assignment = RoleAssignment(
        user=user, role=role, organization=organization, starts_on=starts_on, ends_on=ends_on
    )
    assignment.full_clean()
    _save(assignment, by=by)
    if role == Role.MEMBER:
        # members.services.link_account, through accounts.links (members sits above us).
        member_records().link(member, user=user, by=by)
    forget_assignments(user)
    return assignment


@transaction.atomic
def end_assignment(
    assignment: RoleAssignment, *, ends_on: date | None = None, by: User | None
) -> RoleAssignment:
    """The assignment stops being in force after `ends_on` (today by default)."""
    ends_on = ends_on or timezone.localdate()
    if ends_on < assignment.starts_on:
        raise ValidationError({"ends_on": _("Ngày kết thúc không được trước ngày bắt đầu.")})
    assignment.ends_on = ends_on
    _save(assignment, by=by, reason=_("Kết thúc phân quyền"))
    forget_assignments(assignment.user)
    return assignment
