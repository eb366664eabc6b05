"""Row-by-row checks of the import layout, with problems by sheet, row and column.

`Checker` holds what every row needs and nothing that grows with the file: the
organizations that have a code (a few thousand), the coded values, today's date. The
keys used to find duplicates (citizen ID → first row, card number → first row) are kept
on disk (`seen.SeenKeys`; `close()` deletes them).
Rows are checked in chunks of `CHUNK_ROWS`: each row alone (`member_row`), then the
chunk against the database in two queries (`match_chunk`: citizen IDs and card numbers
already registered, and whether the user may write the members they belong to).
"""

from datetime import date

from django.utils import timezone

from organizations.models import Organization

from .check_cells import CellChecks
from .check_members import MemberSheetChecks
from .check_orgs import OrgSheetChecks
from .layout import (
    coded_values,
    lookup_tables,
)
from .rows import (
    ADMISSION_MIN_MONTHS,
    CODED_CACHE_SIZE,
    MEMBER_COL,
    MIN_YEAR,
    ORG_COL,
    ORG_FIELD_COLUMN,
    PROBATION_MONTHS,
    MemberRow,
    OrgRef,
    OrgRow,
    Problem,
    Problems,
)
from .seen import SeenKeys

__all__ = [
    "ADMISSION_MIN_MONTHS",
    "CODED_CACHE_SIZE",
    "MEMBER_COL",
    "MIN_YEAR",
    "ORG_COL",
    "ORG_FIELD_COLUMN",
    "PROBATION_MONTHS",
    "Checker",
    "MemberRow",
    "OrgRef",
    "OrgRow",
    "Problem",
    "Problems",
]


class Checker(MemberSheetChecks, OrgSheetChecks, CellChecks):
    """Checks rows for `user` (None: the command line, no scope limit)."""

    def __init__(self, user, problems: Problems, *, today: date | None = None):
        self.user = user
        self.problems = problems
        self.today = today or timezone.localdate()
        self.tables = lookup_tables(coded_values())
        self.orgs: dict[str, OrgRef] = {}
        for pk, path, kind, code, dissolved_on in Organization.objects.filter(
            code__isnull=False
        ).values_list("pk", "path", "kind", "code", "dissolved_on"):
            self.orgs[code] = OrgRef(pk, path, kind, code, dissolved_on)
        self._write_cache: dict[str, bool] = {}  # organization path → may write
        self._coded_cache: dict[tuple[str, str], str | None] = {}
        self.seen = SeenKeys()  # citizen IDs and card numbers of the rows above
        self.new_orgs: dict[str, OrgRef] = {}  # organizations the file creates

    def close(self) -> None:
        self.seen.close()
