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

from ..enums import CELL_KINDS
from ..links import can_manage_subtree, can_write_org, is_system_admin
from ..models import (
    Organization,
)
from ..rules import (
    ALLOWED_CHILDREN,
    ROOT_KINDS,
)

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


# --- Who may do what (the screens hide what these refuse) -------------------------------


def superior_stub(org: Organization) -> Organization | None:
    """The direct superior as a path-only object, enough for the scope checks (no query)."""
    if org.depth <= 1:
        return None
    return Organization(path=org.path[: -Organization.steplen], depth=org.depth - 1)


def may_create_under(user: "AnyUser", superior: Organization) -> bool:
    """Officers of the subtree (and administrators) create subordinates, when the
    superior's kind may hold any (ORG-01: a party group holds nothing)."""
    return (
        not superior.is_dissolved
        and bool(ALLOWED_CHILDREN[superior.kind])
        and can_manage_subtree(user, superior)
    )


def may_edit(user: "AnyUser", org: Organization) -> bool:
    return can_manage_subtree(user, org)


def may_move_or_dissolve(user: "AnyUser", org: Organization) -> bool:
    """Moving or dissolving is decided above the organization: its superior's officers."""
    superior = superior_stub(org)
    if superior is None:
        return is_system_admin(user)
    return can_manage_subtree(user, superior)


def may_record_succession(user: "AnyUser", org: Organization) -> bool:
    return can_manage_subtree(user, org)


def may_designate_model_cell(user: "AnyUser", org: Organization) -> bool:
    """ORG-03: the superior chooses its model cells (chi bộ điểm) for the year."""
    return org.kind in CELL_KINDS and may_move_or_dissolve(user, org)


def may_edit_units(user: "AnyUser", org: Organization) -> bool:
    """A cell's residential units: its officers and its own secretary."""
    return org.kind in CELL_KINDS and can_write_org(user, org)


def may_edit_committees(user: "AnyUser", org: Organization) -> bool:
    """Terms, committees and seats: officers of the subtree and the cell's secretary."""
    return can_write_org(user, org)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def _raise_if(errors: Errors) -> None:
    if any(errors.values()):
        raise ValidationError({k: v for k, v in errors.items() if v})


def _add(errors: Errors, field: str | None, message: str) -> None:
    errors.setdefault(field or NON_FIELD_ERRORS, []).append(message)


def _audit(obj: Model, by: "User", reason: str = "") -> None:
    """Who made the change and why, for django-simple-history."""
    stamp(obj, by, reason)


def _fmt(day: date) -> str:
    return day.strftime("%d/%m/%Y")


# --- Organizations ----------------------------------------------------------------------


def allowed_kinds_under(superior: Organization | None) -> frozenset[str]:
    """ORG-01: the kinds that may sit directly under `superior` (a root: a province)."""
    return ALLOWED_CHILDREN[superior.kind] if superior is not None else ROOT_KINDS


def _save(obj: Model) -> None:
    """Save in a savepoint, turning a lost race on the unique code into a form error."""
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:
        raise ValidationError(
            {"code": [_("Mã tổ chức này đã được dùng cho một tổ chức khác (ORG-05).")]}
        ) from exc


def _clean_fields(fields: dict[str, Any], allowed: frozenset[str]) -> dict[str, Any]:
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    data = dict(fields)
    if "code" in data:
        data["code"] = data["code"] or None
    if "category" in data:
        data["category"] = data["category"] or ""
    return data


__all__ = [
    "Errors",
    "ORGANIZATION_FIELDS",
    "UNIT_FIELDS",
    "_add",
    "_audit",
    "_clean_fields",
    "_fmt",
    "_raise_if",
    "_require",
    "_save",
    "allowed_kinds_under",
    "may_create_under",
    "may_designate_model_cell",
    "may_edit",
    "may_edit_committees",
    "may_edit_units",
    "may_move_or_dissolve",
    "may_record_succession",
    "superior_stub",
]
