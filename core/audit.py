"""The audit trail (django-simple-history): who changed what, when, shown on each record page."""

from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.utils import get_history_manager_for_model

HISTORY_TYPES = {"+": _("Tạo mới"), "~": _("Sửa"), "-": _("Xóa")}
HIDDEN_FIELDS = {"search_name", "sort_key", "path", "depth", "numchild"}


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryRow:
    when: datetime
    who: str
    action: str
    reason: str
    changes: list[Change] = field(default_factory=list)


def stamp(obj: models.Model, by: object, reason: str = "") -> None:
    """Who makes the change that `obj`'s next save() writes to its history, and why (when
    `reason` is given): django-simple-history reads the instance's `_history_user` and
    `_change_reason`, attributes the models do not declare."""
    vars(obj)["_history_user"] = by
    if reason:
        set_change_reason(obj, reason)


def set_change_reason(obj: models.Model, reason: str) -> None:
    """Why `obj` changes, for the history row of its next save() (the user left as is)."""
    vars(obj)["_change_reason"] = reason


def _display(record: Any, field_name: str, related: dict[tuple[Any, Any], Any]) -> str:
    model_field = record._meta.get_field(field_name)
    value = getattr(record, model_field.attname, None)
    if value is None or value == "":
        return "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if getattr(model_field, "remote_field", None) is not None:
        target = related.get((model_field.related_model, value))
        return str(target) if target is not None else str(value)
    if isinstance(value, bool):
        return str(_("Có") if value else _("Không"))
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime):
        return value.strftime("%H:%M %d/%m/%Y")
    if hasattr(value, "strftime"):
        return str(value.strftime("%d/%m/%Y"))
    return str(value)


def history_rows(obj: models.Model, limit: int = 50) -> list[HistoryRow]:
    """The newest `limit` changes of `obj`, each with the fields that changed.

    A constant number of queries whatever the length: the history rows with their users,
    and one query per kind of related record named in the changes (diffs are computed
    between consecutive rows in memory).
    """
    records = list(
        get_history_manager_for_model(obj)  # obj.history: this record's rows
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[: limit + 1]
    )
    deltas = []
    wanted: dict[Any, set[Any]] = {}  # related model -> primary keys shown in the changes
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changed: list[str] = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            changed = [c.field for c in delta.changes if c.field not in HIDDEN_FIELDS]
            for name in changed:
                model_field = record._meta.get_field(name)
                if getattr(model_field, "remote_field", None) is None:
                    continue
                for side in (previous, record):
                    value = getattr(side, model_field.attname, None)
                    if value is not None:
                        wanted.setdefault(model_field.related_model, set()).add(value)
        deltas.append((record, previous, changed))
    related = {
        (model, pk): target
        for model, pks in wanted.items()
        for pk, target in model._default_manager.in_bulk(pks).items()
    }
    rows: list[HistoryRow] = []
    for record, previous, changed in deltas:
        changes = [
            Change(
                str(record._meta.get_field(name).verbose_name),
                _display(previous, name, related),
                _display(record, name, related),
            )
            for name in changed
        ]
        if previous is not None and record.history_type == "~":
            if not changes and not record.history_change_reason:
                continue
        user = record.history_user
        rows.append(
            HistoryRow(
                when=record.history_date,
                who=str(user) if user else str(_("Hệ thống")),
                action=str(HISTORY_TYPES.get(record.history_type, record.history_type)),
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
    return rows
