"""members.imports: hostile and broken files are refused with one clear message and nothing
written (not a workbook, truncated, damaged, merged cells, wrong headers, too big)."""

import zipfile
from pathlib import Path

from openpyxl import Workbook

from members.imports.layout import MEMBER_COLUMNS, MEMBER_SHEET
from members.imports.writing import run_import
from members.models import Member
from tests.members.import_support import (
    CODES,
    HEADERS,
    find,
    make_xlsx,
    member,
    problems_of,
)

# --- hostile files -------------------------------------------------------------------


def _error(path, user):
    report = run_import(path, user=user, apply=True)
    assert not report["applied"]
    assert not Member.objects.exists()
    return report["file_error"]


def test_not_an_xlsx(coded_tree, officer, tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_text("họ tên,ngày sinh\n", encoding="utf-8")
    assert "không phải là bảng tính" in _error(path, officer)
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    assert ".xls" in _error(path, officer)
    path.write_bytes(b"")
    assert "rỗng" in _error(path, officer)


def test_truncated_zip(coded_tree, officer, tmp_path):
    whole = make_xlsx(tmp_path / "whole.xlsx", [member()])
    data = Path(whole).read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    assert "hỏng" in _error(path, officer)


def test_a_zip_that_is_not_a_workbook(coded_tree, officer, tmp_path):
    path = tmp_path / "a.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    assert "không phải là bảng tính" in _error(path, officer)


def test_a_damaged_workbook_part(coded_tree, officer, tmp_path):
    whole = make_xlsx(tmp_path / "whole.xlsx", [member()])
    path = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(whole) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, b"<not xml" if item.filename == "xl/workbook.xml" else data)
    assert "hỏng" in _error(path, officer)


def test_formulas_give_values_and_text_with_equals_stays_text(coded_tree, officer, tmp_path):
    def formulas(wb):
        ws = wb[MEMBER_SHEET]
        ws["B2"] = '=CONCATENATE("Nguyễn"," Văn An")'  # a formula without a cached value

    path = make_xlsx(tmp_path / "a.xlsx", [member()], extra=formulas)
    report = run_import(path, user=officer, apply=True)
    # openpyxl stores no computed value: the formula cell reads as empty, never as code.
    assert find(report, 2, HEADERS["full_name"]) == ["Thiếu giá trị bắt buộc."]
    assert not find(report, 2, HEADERS["notes"])
    assert not Member.objects.exists()


def test_formula_text_note_is_kept_as_text(coded_tree, officer, tmp_path):
    def text_formula(wb):
        cell = wb[MEMBER_SHEET]["Y2"]
        cell.value = '=HYPERLINK("http://x")'
        cell.data_type = "s"

    path = make_xlsx(tmp_path / "a.xlsx", [member()], extra=text_formula)
    report = run_import(path, user=officer, apply=True)
    assert report["applied"], problems_of(report)
    assert Member.objects.get().notes == '=HYPERLINK("http://x")'


def test_merged_cells(coded_tree, officer, tmp_path):
    path = make_xlsx(
        tmp_path / "a.xlsx",
        [member(), member(citizen_id="001080000002", card_number="A2")],
        extra=lambda wb: wb[MEMBER_SHEET].merge_cells("A2:A3"),
    )
    assert "ô gộp" in _error(path, officer)


def test_empty_sheet_and_empty_workbook(coded_tree, officer, tmp_path):
    assert "không có dòng dữ liệu" in _error(make_xlsx(tmp_path / "a.xlsx", []), officer)

    wb = Workbook()
    wb.active.title = "Sheet1"
    wb.save(tmp_path / "b.xlsx")
    assert "Không tìm thấy trang tính" in _error(tmp_path / "b.xlsx", officer)


def test_wrong_headers(coded_tree, officer, tmp_path):
    headers = [c.header for c in MEMBER_COLUMNS]
    headers[5] = "CMND"
    message = _error(make_xlsx(tmp_path / "a.xlsx", [member()], member_headers=headers), officer)
    assert "không khớp mẫu" in message and "Số CCCD" in message and "cmnd" in message

    wb = Workbook()
    wb.active.title = MEMBER_SHEET
    wb.active.append(["STT", "Tên", "Ngày sinh"])
    wb.save(tmp_path / "b.xlsx")
    assert "dòng tiêu đề" in _error(tmp_path / "b.xlsx", officer)


def test_too_many_rows(coded_tree, officer, tmp_path, monkeypatch):
    monkeypatch.setattr("members.imports.reading.MAX_ROWS", 3)
    rows = [member(citizen_id=f"0010800{i:05d}", card_number=f"C{i}") for i in range(1, 6)]
    message = _error(make_xlsx(tmp_path / "a.xlsx", rows), officer)
    assert "quá 3 dòng" in message


def test_too_many_rows_announced_fails_before_reading(coded_tree, officer, tmp_path, monkeypatch):
    monkeypatch.setattr("members.imports.reading.MAX_ROWS", 3)

    def far_cell(wb):
        wb[MEMBER_SHEET]["A1000000"] = CODES["cell_a"]

    message = _error(make_xlsx(tmp_path / "a.xlsx", [member()], extra=far_cell), officer)
    assert "quá 3 dòng" in message


def test_file_too_big(coded_tree, officer, tmp_path, monkeypatch):
    monkeypatch.setattr("members.imports.reading.MAX_FILE_BYTES", 100)
    assert "quá lớn" in _error(make_xlsx(tmp_path / "a.xlsx", [member()]), officer)


# --- template and export round trip ---------------------------------------------------
