"""Raw bulk inserts for the demo's member rows and their audit-trail rows.

The writer itself is `core.bulk` (one prepared INSERT with `executemany` on SQLite, one
`COPY … FROM STDIN` on PostgreSQL, primary keys reserved up front, history rows with the
same columns); this module re-exports it under the names the demo uses. The demo's
history rows have no user and no reason.
"""

from core.bulk import HISTORY_EXTRA, Table, adapt_datetime, insert, reserve_ids

__all__ = ["HISTORY_EXTRA", "Table", "adapt_datetime", "insert", "reserve_ids"]
