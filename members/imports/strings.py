"""A workbook's shared-strings table, read as a stream into a temporary SQLite database.

Excel stores every text of a workbook once, in `xl/sharedStrings.xml`, and cells refer
to them by number. openpyxl reads the whole table into a Python list before the first
row (and keeps each parsed <si> element in the tree until the end): for a 100,000-member
file saved by Excel, hundreds of thousands of strings (names, citizen IDs, card numbers,
phones, addresses) held in memory. `SharedStrings` parses the table element by element
with openpyxl's own text reading (`Text.from_tree(...).content`, as
`openpyxl.reader.strings.read_string_table`), stores it in a private temporary SQLite
database (deleted when closed; page cache capped) and answers `strings[i]` as the list
would, with a small cache in front for the values that repeat (coded values, cells).
"""

import sqlite3
from functools import lru_cache

from openpyxl.cell.text import Text
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

CACHE_KIB = 1024  # SQLite page cache
CACHED_STRINGS = 4096  # most recently used strings kept in memory
BATCH = 1000
_SST_TAG = f"{{{SHEET_MAIN_NS}}}sst"
_SI_TAG = f"{{{SHEET_MAIN_NS}}}si"


class SharedStrings:
    def __init__(self, source):
        self._db = sqlite3.connect("", isolation_level=None)
        self._db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute("BEGIN")
        self._db.execute("CREATE TABLE strings (i INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        try:
            self._count = self._load(source)
        except BaseException:
            self._db.close()
            raise
        self._cached = lru_cache(maxsize=CACHED_STRINGS)(self._lookup)

    def _load(self, source) -> int:
        insert = "INSERT INTO strings VALUES (?, ?)"
        parent, batch, count = None, [], 0
        for event, node in iterparse(source, events=("start", "end")):
            if event == "start":
                if node.tag == _SST_TAG:
                    parent = node
                continue
            if node.tag != _SI_TAG:
                continue
            text = Text.from_tree(node)
            assert text is not None  # openpyxl builds one from any <si> element
            batch.append((count, text.content.replace("x005F_", "")))
            count += 1
            if parent is not None:
                parent.remove(node)
            else:
                node.clear()
            if len(batch) >= BATCH:
                self._db.executemany(insert, batch)
                batch = []
        if batch:
            self._db.executemany(insert, batch)
        return count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: int) -> str:
        if index < 0:  # as a list would
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError("shared string index out of range")
        return self._cached(index)

    def _lookup(self, index: int) -> str:
        return self._db.execute("SELECT text FROM strings WHERE i = ?", (index,)).fetchone()[0]

    def close(self) -> None:
        self._cached.cache_clear()
        self._db.close()
