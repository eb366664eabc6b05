"""Organizations: create, edit, move, dissolve, record successions (ORG-01, ORG-03, ORG-05)."""

from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..enums import CELL_KINDS
from ..models import (
    Organization,
    OrganizationMove,
    OrganizationSuccession,
)
from ..rules import (
    ALLOWED_CHILDREN,
    KIND_VALID_FROM,
    KIND_VALID_UNTIL,
    check_placement,
    kind_label,
)
from .base import (
    ORGANIZATION_FIELDS,
    Errors,
    add_error,
    audit,
    clean_fields,
    fmt_date,
    raise_if,
    require,
    save_unique,
)

if TYPE_CHECKING:
    from ..links import User


def organization_errors(
    *,
    kind: str,
    category: str,
    superior: Organization | None,
    established_on: date | None,
    dissolved_on: date | None = None,
    code: str | None = None,
    instance: Organization | None = None,
    check_placement_on: date | None = None,
) -> Errors:
    """Domain checks of one organization's fields (ORG-01, ORG-03, ORG-05, dates)."""
    errors: Errors = {}
    # ORG-01: the kind must fit under the superior, on the date it is placed there.
    if check_placement_on is not None:
        for finding in check_placement(
            kind, superior.kind if superior else None, check_placement_on
        ):
            if finding.blocking:
                field = "kind" if finding.field == "kind" else None
                add_error(errors, field, str(finding))
    # ORG-01: a changed kind must still hold the subordinates it has.
    if instance is not None and instance.pk and kind != instance.kind and instance.numchild:
        child_kinds = set(
            Organization.objects.filter(
                path__startswith=instance.path, depth=instance.depth + 1
            ).values_list("kind", flat=True)
        )
        refused = sorted(child_kinds - ALLOWED_CHILDREN[kind])
        if refused:
            add_error(
                errors,
                "kind",
                _("%(kind)s không thể có các tổ chức trực thuộc hiện có (%(children)s) (ORG-01).")
                % {
                    "kind": kind_label(kind),
                    "children": ", ".join(kind_label(k).lower() for k in refused),
                },
            )
    # ORG-03: a category only for cells, and every cell has one.
    if kind in CELL_KINDS and not category:
        add_error(errors, "category", _("Chi bộ phải có loại hình chi bộ (ORG-03)."))
    if kind not in CELL_KINDS and category:
        add_error(errors, "category", _("Chỉ chi bộ mới có loại hình chi bộ (ORG-03)."))
    # ORG-05: the code is unique (the format is checked by validate_org_code).
    if code:
        others = Organization.objects.filter(code=code)
        if instance is not None and instance.pk:
            others = others.exclude(pk=instance.pk)
        if others.exists():
            add_error(
                errors, "code", _("Mã tổ chức này đã được dùng cho một tổ chức khác (ORG-05).")
            )
    # Dates in order.
    if established_on and dissolved_on and dissolved_on < established_on:
        add_error(errors, "established_on", _("Ngày thành lập phải trước ngày giải thể."))
    if superior is not None and superior.dissolved_on:
        if established_on is None:
            add_error(
                errors,
                None,
                _("Tổ chức cấp trên đã giải thể ngày %(day)s.")
                % {"day": fmt_date(superior.dissolved_on)},
            )
        elif established_on > superior.dissolved_on:
            add_error(
                errors,
                "established_on",
                _("Tổ chức cấp trên đã giải thể ngày %(day)s, không thể thành lập sau ngày đó.")
                % {"day": fmt_date(superior.dissolved_on)},
            )
    # An organization founded before its current superior is normal: it was moved there
    # later (the 2025 reorganization), so no check of established_on against the superior's.
    return errors


@transaction.atomic
def create_organization(*, superior: Organization, by: "User", **fields: Any) -> Organization:
    """Create a subordinate of `superior` (ORG-01, ORG-03, ORG-05).

    Side effects: one Organization row (and its history row by `by`); the superior's
    child count is updated by treebeard.
    """
    require(by, "organizations.add_organization", superior)
    data = clean_fields(fields, ORGANIZATION_FIELDS)
    superior = Organization.objects.select_for_update().get(pk=superior.pk)
    raise_if(
        organization_errors(
            kind=data["kind"],
            category=data.get("category", ""),
            superior=superior,
            established_on=data.get("established_on"),
            code=data.get("code"),
            check_placement_on=data.get("established_on") or timezone.localdate(),
        )
    )
    org = Organization(**data)
    audit(org, by, _("Thành lập"))
    try:
        with transaction.atomic():
            Organization.objects.add_child(superior, instance=org)
    except IntegrityError as exc:
        raise ValidationError(
            {"code": [_("Mã tổ chức này đã được dùng cho một tổ chức khác (ORG-05).")]}
        ) from exc
    return Organization.objects.get(pk=org.pk)


@transaction.atomic
def update_organization(
    org: Organization, *, by: "User", reason: str = "", **fields: Any
) -> Organization:
    """Change an organization's own fields; its place in the tree does not change here.

    ORG-01 is checked again when the kind changes (on today's date) or when the
    establishment date changes (on that date).
    """
    require(by, "organizations.manage_organization", org)
    data = clean_fields(fields, ORGANIZATION_FIELDS)
    org = Organization.objects.select_for_update().get(pk=org.pk)
    superior = Organization.objects.get_parent(org)
    new = {name: data.get(name, getattr(org, name)) for name in ORGANIZATION_FIELDS}
    placement_on = None
    if new["kind"] != org.kind:
        placement_on = timezone.localdate()
    elif new["established_on"] != org.established_on and new["established_on"]:
        placement_on = new["established_on"]
    raise_if(
        organization_errors(
            kind=new["kind"],
            category=new["category"],
            superior=superior,
            established_on=new["established_on"],
            dissolved_on=org.dissolved_on,
            code=new["code"],
            instance=org,
            check_placement_on=placement_on,
        )
    )
    for name, value in data.items():
        setattr(org, name, value)
    audit(org, by, reason)
    save_unique(org)
    return org


def move_errors(org: Organization, *, to: Organization, moved_on: date) -> Errors:
    """ORG-01: the moved node is judged on the move date under its new superior."""
    errors: Errors = {}
    if to.path.startswith(org.path):
        add_error(
            errors, "to", _("Không thể chuyển một tổ chức vào chính nó hoặc tổ chức trực thuộc nó.")
        )
        return errors
    for finding in check_placement(org.kind, to.kind, moved_on):
        if finding.blocking:
            add_error(errors, "to" if finding.field == "kind" else None, str(finding))
    # ORG-01: the new superior's own kind must exist on the move date (no district
    # after 30/06/2025, no commune committee as a superior before 01/07/2025).
    until, since = KIND_VALID_UNTIL.get(to.kind), KIND_VALID_FROM.get(to.kind)
    if (until and moved_on > until) or (since and moved_on < since):
        add_error(
            errors,
            "to",
            _("Ngày %(day)s không còn hoặc chưa có cấp %(kind)s (ORG-01).")
            % {"day": fmt_date(moved_on), "kind": kind_label(to.kind).lower()},
        )
    if org.established_on and moved_on < org.established_on:
        add_error(
            errors,
            "moved_on",
            _("Ngày điều chuyển phải sau ngày thành lập (%(day)s).")
            % {"day": fmt_date(org.established_on)},
        )
    if org.dissolved_on:
        add_error(errors, None, _("Tổ chức đã giải thể, không thể điều chuyển."))
    if to.dissolved_on and moved_on >= to.dissolved_on:
        add_error(
            errors,
            "to",
            _("Tổ chức nhận đã giải thể ngày %(day)s.") % {"day": fmt_date(to.dissolved_on)},
        )
    if to.established_on and moved_on < to.established_on:
        add_error(
            errors,
            "moved_on",
            _("Tổ chức nhận chỉ được thành lập ngày %(day)s.")
            % {"day": fmt_date(to.established_on)},
        )
    return errors


@transaction.atomic
def move_organization(
    org: Organization, *, to: Organization, moved_on: date, reason: str, by: "User"
) -> OrganizationMove:
    """Move `org` and its whole subtree under `to` from `moved_on` (ORG-01).

    Side effects: every node of the subtree gets a new path (treebeard); one
    OrganizationMove row keeps the old and new superior, the date, reason and user.
    """
    org = Organization.objects.get(pk=org.pk)
    to = Organization.objects.get(pk=to.pk)
    require(by, "organizations.restructure_organization", org)
    require(by, "organizations.manage_organization", to)
    raise_if(move_errors(org, to=to, moved_on=moved_on))
    from_superior = Organization.objects.get_parent(org)
    Organization.objects.move(org, to, "last-child")
    return OrganizationMove.objects.create(
        organization=org,
        from_superior=from_superior,
        to_superior=to,
        moved_on=moved_on,
        reason=reason,
        moved_by=by,
    )


def dissolve_errors(org: Organization, *, on: date) -> Errors:
    errors: Errors = {}
    if org.established_on and on < org.established_on:
        add_error(
            errors,
            "dissolved_on",
            _("Ngày giải thể không được trước ngày thành lập (%(day)s).")
            % {"day": fmt_date(org.established_on)},
        )
    if org.dissolved_on:
        add_error(
            errors,
            None,
            _("Tổ chức đã giải thể ngày %(day)s.") % {"day": fmt_date(org.dissolved_on)},
        )
    active = Organization.objects.filter(
        path__startswith=org.path, depth=org.depth + 1, dissolved_on__isnull=True
    ).count()
    if active:
        add_error(
            errors,
            None,
            _(
                "Còn %(n)s tổ chức trực thuộc chưa giải thể: hãy điều chuyển hoặc giải thể "
                "các tổ chức đó trước."
            )
            % {"n": active},
        )
    return errors


@transaction.atomic
def dissolve_organization(org: Organization, *, on: date, reason: str, by: "User") -> Organization:
    """Dissolve `org` on `on` (established ≤ dissolved; no active subordinate left)."""
    require(by, "organizations.restructure_organization", org)
    org = Organization.objects.select_for_update().get(pk=org.pk)
    raise_if(dissolve_errors(org, on=on))
    org.dissolved_on = on
    audit(org, by, reason or _("Giải thể"))
    save_unique(org)
    return org


def succession_errors(
    *, predecessor: Organization, successor: Organization, effective_on: date
) -> Errors:
    errors: Errors = {}
    if predecessor.pk == successor.pk:
        add_error(errors, "other", _("Hãy chọn một tổ chức khác."))
        return errors
    if OrganizationSuccession.objects.filter(predecessor=predecessor, successor=successor).exists():
        add_error(errors, "other", _("Quan hệ kế thừa này đã được ghi nhận."))
    if predecessor.established_on and effective_on < predecessor.established_on:
        add_error(
            errors, "effective_on", _("Ngày hiệu lực trước ngày thành lập của tổ chức tiền thân.")
        )
    return errors


@transaction.atomic
def record_succession(
    *,
    predecessor: Organization,
    successor: Organization,
    kind: str,
    effective_on: date,
    note: str = "",
    by: "User",
) -> OrganizationSuccession:
    """Record that `successor` continues `predecessor` (merge, split, rename).

    Both must lie in the part of the tree `by` manages.
    """
    require(by, "organizations.record_succession", predecessor)
    require(by, "organizations.record_succession", successor)
    raise_if(
        succession_errors(predecessor=predecessor, successor=successor, effective_on=effective_on)
    )
    link = OrganizationSuccession(
        predecessor=predecessor,
        successor=successor,
        kind=kind,
        effective_on=effective_on,
        note=note,
    )
    audit(link, by)
    link.save()
    return link


# --- Model cells (ORG-03) ---------------------------------------------------------------
