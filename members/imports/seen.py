"""The keys already seen in a file (citizen IDs, card numbers), on disk, not in memory.

Duplicate detection within a file needs every key of the rows above: kept in Python
dicts, 100,000 rows cost about 20 MiB (the strings, the row numbers, the dict tables).
`SeenKeys` keeps them in a private temporary SQLite database (`sqlite3.connect("")`:
SQLite deletes it when the connection closes) whose page cache is capped, so memory stays
flat however long the file is. The comparison is SQLite's exact comparison of the whole
key: no false duplicate, no missed one.
"""

import sqlite3

CITIZEN_ID, CARD = 1, 2  # kinds of key
CACHE_KIB = 1024  # SQLite page cache; beyond it, pages go to the temporary file


class SeenKeys:
    def __init__(self):
        self._db = sqlite3.connect("", isolation_level=None)
        self._db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute("BEGIN")  # one transaction: nothing is ever committed to disk
        self._db.execute(
            "CREATE TABLE seen (kind INTEGER, key TEXT, row INTEGER, PRIMARY KEY (kind, key))"
            " WITHOUT ROWID"
        )
        self._insert = "INSERT OR IGNORE INTO seen VALUES (?, ?, ?)"
        self._select = "SELECT row FROM seen WHERE kind = ? AND key = ?"

    def first(self, kind: int, key: str, row: int) -> int:
        """The first row that had `key` (of this `kind`); `row` when it is the first."""
        if self._db.execute(self._insert, (kind, key, row)).rowcount:
            return row
        return self._db.execute(self._select, (kind, key)).fetchone()[0]

    def close(self) -> None:
        self._db.close()
