"""What a checked row becomes: problems by sheet, row and column, references to organizations, checked rows; the limits the checks use."""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from organizations.models import Organization

from .layout import (
    MAX_PROBLEMS_KEPT,
    MEMBER_COLUMNS,
    ORG_COLUMNS,
)

ADMISSION_MIN_MONTHS = 18 * 12  # ADM-01: 18 full years, counted in months
PROBATION_MONTHS = 12  # full membership 12 months after admission at the earliest
MIN_YEAR = 1900
CODED_CACHE_SIZE = 10_000

MEMBER_COL = {c.key: c for c in MEMBER_COLUMNS}
ORG_COL = {c.key: c for c in ORG_COLUMNS}
ORG_FIELD_COLUMN = {"kind": "kind", "category": "category", "established_on": "established_on"}


@dataclass
class Problem:
    sheet: str
    row: int | None
    column: str
    message: str

    def as_dict(self) -> dict:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }

    def __str__(self) -> str:
        where = _("Trang tính “%(sheet)s”") % {"sheet": self.sheet}
        if self.row:
            where += _(", dòng %(row)s") % {"row": self.row}
        if self.column:
            where += _(", cột “%(col)s”") % {"col": self.column}
        return f"{where}: {self.message}"


@dataclass
class Problems:
    """Every problem counted; the first MAX_PROBLEMS_KEPT kept for the report."""

    count: int = 0
    kept: list[Problem] = field(default_factory=list)

    def add(self, sheet: str, row: int | None, column: str, message: str) -> None:
        self.count += 1
        if len(self.kept) < MAX_PROBLEMS_KEPT:
            self.kept.append(Problem(sheet, row, column, str(message)))

    def __bool__(self) -> bool:
        return self.count > 0


@dataclass(frozen=True)
class OrgRef:
    """What the checks need of an organization: enough for the scope functions too."""

    pk: int | None
    path: str
    kind: str
    code: str
    dissolved_on: date | None = None
    writable: bool = False
    manageable: bool = False

    def stub(self) -> Organization:
        return Organization(pk=self.pk, path=self.path, kind=self.kind)


@dataclass
class OrgRow:
    row: int
    code: str
    name: str
    kind: str
    superior: str
    category: str
    established_on: date | None
    existing: OrgRef | None


@dataclass
class MemberRow:
    row: int
    data: dict
    org_code: str
    leaving: bool
    problems: int = 0  # problems found for this row
    match_id: int | None = None  # the registered member it updates


def format_day(day: date) -> str:
    return day.strftime("%d/%m/%Y")
