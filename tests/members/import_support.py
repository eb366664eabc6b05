"""Helpers of the import tests: ORG-05 codes on the test tree, member rows, XLSX files
in the import layout, and the problems of a report."""

from openpyxl import Workbook

from members.imports.layout import MEMBER_COLUMNS, MEMBER_SHEET, ORG_COLUMNS, ORG_SHEET
from organizations.models import Organization

CODES = {
    "commune": "38.001.000.000.000",
    "other_commune": "38.002.000.000.000",
    "grassroots": "38.001.001.000.000",
    "cell_a": "38.001.001.000.001",
    "cell_b": "38.001.001.000.002",
    "other_cell": "38.002.000.000.001",
}
HEADERS = {c.key: c.header for c in MEMBER_COLUMNS}


def set_codes(tree):
    """ORG-05 codes on the shared test tree (tests/factories.make_tree gives none)."""
    for key, code in CODES.items():
        Organization.objects.filter(pk=tree[key].pk).update(code=code)
        tree[key].refresh_from_db()
    return tree


def member(**overrides) -> dict:
    row = {
        "organization": CODES["cell_a"],
        "full_name": "Nguyễn Văn An",
        "sex": "Nam",
        "date_of_birth": "17/05/1980",
        "citizen_id": "001080000001",
        "ethnicity": "Kinh",
        "religion": "Không",
        "education": "Trung học phổ thông",
        "admitted_on": "01/06/2005",
        "full_member_on": "01/06/2006",
        "card_number": "A001",
    }
    row.update(overrides)
    return row


def make_xlsx(path, members=(), orgs=None, *, member_headers=None, extra=None) -> str:
    """An XLSX in the import layout; `orgs=None` leaves the organizations sheet out."""
    wb = Workbook()
    default_sheet = wb.active
    assert default_sheet is not None  # a new workbook has one sheet
    wb.remove(default_sheet)
    if orgs is not None:
        ws = wb.create_sheet(ORG_SHEET)
        ws.append([c.header for c in ORG_COLUMNS])
        for row in orgs:
            ws.append([row.get(c.key) for c in ORG_COLUMNS])
    ws = wb.create_sheet(MEMBER_SHEET)
    columns = member_headers or [c.header for c in MEMBER_COLUMNS]
    ws.append(columns)
    keys = {c.header: c.key for c in MEMBER_COLUMNS}
    for row in members:
        ws.append([row.get(keys.get(h, h)) for h in columns])
    if extra:
        extra(wb)
    wb.save(path)
    return str(path)


def problems_of(report) -> list[tuple]:
    return [(p["sheet"], p["row"], p["column"], p["message"]) for p in report["problems"]]


def find(report, row, column) -> list[str]:
    return [p["message"] for p in report["problems"] if p["row"] == row and p["column"] == column]
