"""Every write to the party tree: organizations, moves, successions, residential units,
terms, committees and committee seats.

Each function takes keyword-only options and the acting user `by`, checks that the
user may do it (PermissionDenied otherwise), validates the domain rules (ValidationError
with Vietnamese messages keyed by form field, so that the form shows them beside the
field), and writes in one transaction, so nothing is ever half-saved. The audit trail
(django-simple-history) records `by` and, where one is given, the reason.

The `*_errors` functions are the same checks without writing, for the forms.
"""

from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from core.audit import stamp

from ..models import (
    Organization,
)
from ..rules import ALLOWED_CHILDREN, ROOT_KINDS

if TYPE_CHECKING:
    from ..links import AnyUser, User

ORGANIZATION_FIELDS = frozenset(
    {
        "name",
        "kind",
        "category",
        "code",
        "established_on",
        "especially_difficult",
        "merged_cell",
        "address",
        "notes",
    }
)
UNIT_FIELDS = frozenset({"name", "kind", "no_party_member", "households"})
Errors = dict[str, list[str]]


def require(by: "AnyUser", permission: str, org: Organization | None) -> None:
    """Refuse (403) unless `by` holds `permission` (organizations/permissions.py) on `org`."""
    if by is None or not by.has_perm(permission, org):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def raise_if(errors: Errors) -> None:
    if any(errors.values()):
        raise ValidationError({k: v for k, v in errors.items() if v})


def add_error(errors: Errors, field: str | None, message: str) -> None:
    errors.setdefault(field or NON_FIELD_ERRORS, []).append(message)


def audit(obj: Model, by: "User", reason: str = "") -> None:
    """Who made the change and why, for django-simple-history."""
    stamp(obj, by, reason)


def fmt_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


# --- Organizations ----------------------------------------------------------------------


def allowed_kinds_under(superior: Organization | None) -> frozenset[str]:
    """ORG-01: the kinds that may sit directly under `superior` (a root: a province)."""
    return ALLOWED_CHILDREN[superior.kind] if superior is not None else ROOT_KINDS


def save_unique(obj: Model) -> None:
    """Save in a savepoint, turning a lost race on the unique code into a form error."""
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:
        raise ValidationError(
            {"code": [_("Mã tổ chức này đã được dùng cho một tổ chức khác (ORG-05).")]}
        ) from exc


def clean_fields(fields: dict[str, Any], allowed: frozenset[str]) -> dict[str, Any]:
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    data = dict(fields)
    if "code" in data:
        data["code"] = data["code"] or None
    if "category" in data:
        data["category"] = data["category"] or ""
    return data
