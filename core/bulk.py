"""Raw batched inserts of model rows and their django-simple-history rows.

Django's `bulk_create` prepares every value of every object in Python and, on SQLite,
splits the rows into statements of a few dozen; `bulk_create_with_history` then builds a
second model instance per row for the audit trail. Here each table gets one prepared
INSERT run with `executemany` (SQLite) or one `COPY … FROM STDIN` (PostgreSQL), from
plain tuples, and the history rows are the same tuples plus the history columns.

Primary keys are reserved before the insert (PostgreSQL: `nextval` on the table's
sequence; SQLite: past both MAX(id) and the AUTOINCREMENT counter), so child rows can
point at their parent without reading anything back. On PostgreSQL this is safe with
concurrent writers (sequences); on SQLite the database has a single writer, and a
transaction whose read of MAX(id) went stale when another connection wrote fails to
write (SQLITE_BUSY) rather than reusing a key. Run inside `transaction.atomic()` to make a
batch all or nothing: nothing here commits.

Values go to the database driver as they are (no `get_db_prep_save`): give dates as
`date`, datetimes through `adapt_datetime`, choices as their values, foreign keys as ids.
No model signals are sent (as with `bulk_create`).

History rows are what `bulk_create_with_history` would write: the model's columns, plus
`history_date` (one timestamp per call), `history_type` "+", `history_user_id` and
`history_change_reason` as given (default: no user, no reason).
"""

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from django.db import connection, models
from django.utils import timezone
from simple_history.utils import get_history_model_for_model

HISTORY_EXTRA = ("history_date", "history_change_reason", "history_type", "history_user_id")


class Table:
    """One model's table and its historical table, with the columns written (all of them)."""

    def __init__(
        self, model: type[models.Model], columns: Sequence[str], *, history: bool = True
    ) -> None:
        self.model = model
        self.columns = tuple(columns)
        fields = {f.attname: f for f in model._meta.concrete_fields}
        # (Every concrete field has a column: only many-to-many fields have none.)
        attnames = {name: f.column for name, f in fields.items() if f.column is not None}
        missing = set(attnames) - set(self.columns)
        unknown = set(self.columns) - set(attnames)
        if missing or unknown:
            raise ValueError(f"{model.__name__}: missing {missing}, unknown {unknown}")
        self.db_columns = [attnames[a] for a in self.columns]
        # Defaults for `row()`: the field's default ("" for text, False, None, …) when it
        # is a plain value; fields with a callable default or auto_now(_add) must be given.
        self._defaults: dict[str, Any] = {}
        for name in self.columns:
            f = fields[name]
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                continue
            if f.has_default() and callable(f.default):
                continue
            if name == model._meta.pk.attname:
                continue
            self._defaults[name] = f.get_default()
        self._column_set = frozenset(self.columns)
        self.history_table: str | None = None
        self.history_db_columns: list[str] = []
        if history:
            hist_model = get_history_model_for_model(model)
            hist_fields = {f.attname: f.column for f in hist_model._meta.concrete_fields}
            expected = set(self.columns) | set(HISTORY_EXTRA) | {"history_id"}
            if set(hist_fields) != expected:
                raise ValueError(
                    f"{hist_model.__name__}: unexpected columns {set(hist_fields) ^ expected}"
                )
            self.history_table = hist_model._meta.db_table
            self.history_db_columns = [hist_fields[a] for a in self.columns + HISTORY_EXTRA]

    @property
    def table(self) -> str:
        return self.model._meta.db_table

    def row(self, values: dict[str, Any]) -> tuple[Any, ...]:
        """A tuple in `columns` order: `values` by attname, the field defaults for the rest."""
        extra = values.keys() - self._column_set
        if extra:
            raise ValueError(f"{self.model.__name__}: unknown columns {extra}")
        defaults = self._defaults
        try:
            return tuple(values[c] if c in values else defaults[c] for c in self.columns)
        except KeyError as exc:
            raise ValueError(f"{self.model.__name__}: no value for {exc.args[0]}") from None


def reserve_ids(table: Table, count: int) -> list[int]:
    """`count` fresh primary keys for `table` (see the module docstring)."""
    if count == 0:
        return []
    name = table.table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [name, count],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {connection.ops.quote_name(name)}")
        top = cursor.fetchone()[0]
        if connection.vendor == "sqlite":
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [name])
            row = cursor.fetchone()
            top = max(top, row[0] if row else 0)
    return list(range(top + 1, top + 1 + count))


def insert_raw(table_name: str, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]) -> None:
    """INSERT `rows` (tuples in `columns` order) into `table_name`, in one statement."""
    rows = rows if isinstance(rows, list) else list(rows)
    if not rows:
        return
    quote = connection.ops.quote_name
    cols = ", ".join(quote(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor  # the psycopg cursor under Django's wrapper
            with raw.copy(f"COPY {quote(table_name)} ({cols}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {quote(table_name)} ({cols}) VALUES ({marks})", rows)


def insert(
    table: Table,
    rows: list[tuple[Any, ...]],
    *,
    history: bool = True,
    now: datetime | None = None,
    user_id: int | None = None,
    reason: str | None = None,
) -> None:
    """Insert `rows` (tuples in `table.columns` order, ids included) and their history.

    The history rows get `history_date` = `now` (default: the current time),
    `history_type` "+", `history_user_id` = `user_id` and `history_change_reason` =
    `reason`.
    """
    insert_raw(table.table, table.db_columns, rows)
    if history and rows:
        if table.history_table is None:
            raise ValueError(f"{table.model.__name__}: table declared without history")
        stamp = adapt_datetime(now or timezone.now())
        extra = (stamp, reason, "+", user_id)
        insert_raw(table.history_table, table.history_db_columns, [row + extra for row in rows])


def adapt_datetime(value: datetime) -> str | None:
    """An aware datetime as the backend stores it (naive UTC text on SQLite)."""
    return connection.ops.adapt_datetimefield_value(value)
