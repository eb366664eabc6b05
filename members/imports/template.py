"""The downloadable template: the two sheets with their Vietnamese headers, a guide, and
the allowed values of every coded column (with drop-down lists where Excel allows)."""

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .layout import (
    CODED,
    DATE,
    GUIDE_SHEET,
    INLINE_MAX_ROWS,
    MAX_ROWS,
    MEMBER_COLUMNS,
    MEMBER_SHEET,
    ORG_COLUMNS,
    ORG_SHEET,
    coded_values,
)

LISTS_SHEET = "Danh mục"
DATA_ROWS = 5000  # rows covered by the drop-down lists and date formats
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", start_color="DDE4EE")


def _sheet(wb: Workbook, title: str, columns, lists: dict[str, str]):
    ws = wb.create_sheet(title)
    ws.append([c.header for c in columns])
    for index, col in enumerate(columns, 1):
        letter = get_column_letter(index)
        cell = ws.cell(row=1, column=index)
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[letter].width = col.width
        target = f"{letter}2:{letter}{DATA_ROWS + 1}"
        if col.kind == CODED and col.key in lists:
            dv = DataValidation(type="list", formula1=lists[col.key], allow_blank=True)
            dv.error = _("Chọn một giá trị trong danh sách (trang “Danh mục”).")
            dv.errorStyle = "warning"
            ws.add_data_validation(dv)
            dv.add(target)
        if col.key == "citizen_id" or col.key == "card_number" or col.kind == "org_code":
            for row in range(2, 202):  # text cells: leading zeros kept
                ws.cell(row=row, column=index).number_format = "@"
    ws.freeze_panes = "A2"
    return ws


def build_template(fileobj) -> None:
    values = coded_values()
    coded = [c for c in (*ORG_COLUMNS, *MEMBER_COLUMNS) if c.kind == CODED]
    # Drop-down lists refer to one column per coded column on the "Danh mục" sheet.
    lists = {
        col.key: f"'{LISTS_SHEET}'!${get_column_letter(i)}$2:"
        f"${get_column_letter(i)}${len(values[col.key]) + 1}"
        for i, col in enumerate(coded, 1)
    }
    wb = Workbook()
    blank = wb.active
    assert blank is not None  # a new workbook has one sheet
    wb.remove(blank)
    _sheet(wb, ORG_SHEET, ORG_COLUMNS, lists)
    _sheet(wb, MEMBER_SHEET, MEMBER_COLUMNS, lists)
    guide = wb.create_sheet(GUIDE_SHEET)
    lists_ws = wb.create_sheet(LISTS_SHEET)
    for index, col in enumerate(coded, 1):
        labels = [label for _value, label in values[col.key]]
        lists_ws.cell(row=1, column=index, value=col.header).font = _HEADER_FONT
        for row, label in enumerate(labels, 2):
            lists_ws.cell(row=row, column=index, value=label)
        width = max(14, max(map(len, labels), default=0) + 2)
        lists_ws.column_dimensions[get_column_letter(index)].width = width

    guide.column_dimensions["A"].width = 30
    guide.column_dimensions["B"].width = 12
    guide.column_dimensions["C"].width = 70
    bold = Font(bold=True, size=13)
    rows = [
        (_("Mẫu nhập đảng viên và tổ chức đảng"), "", ""),
        ("", "", ""),
        (_("Cách dùng"), "", ""),
        (
            "",
            "",
            _(
                "Điền trang “Tổ chức” (nếu cần thêm hoặc sửa tổ chức) và trang “Đảng viên”; "
                "giữ nguyên dòng tiêu đề; mỗi dòng một tổ chức hoặc một đảng viên; không gộp ô."
            ),
        ),
        (
            "",
            "",
            _(
                "Ngày ghi theo ngày/tháng/năm (05/03/1980) hoặc dùng ô kiểu ngày của Excel; "
                "cũng nhận năm-tháng-ngày (1980-03-05)."
            ),
        ),
        (
            "",
            "",
            _(
                "Đảng viên đã có (cùng số CCCD, hoặc cùng số thẻ đảng viên) được cập nhật, "
                "không tạo trùng. Nhập lại cùng một tệp không làm thay đổi gì."
            ),
        ),
        (
            "",
            "",
            _(
                "Tệp được kiểm tra toàn bộ trước khi ghi; nếu có lỗi thì không dòng nào được "
                "ghi. Tối đa %(max)s dòng mỗi trang; trên %(inline)s dòng thì xử lý nền."
            )
            % {
                "max": f"{MAX_ROWS:,}".replace(",", "."),
                "inline": f"{INLINE_MAX_ROWS:,}".replace(",", "."),
            },
        ),
        ("", "", ""),
        (_("Cột"), _("Bắt buộc"), _("Ghi chú")),
    ]
    for sheet, columns in ((ORG_SHEET, ORG_COLUMNS), (MEMBER_SHEET, MEMBER_COLUMNS)):
        rows.append((_("Trang “%(sheet)s”") % {"sheet": sheet}, "", ""))
        for col in columns:
            note = col.help
            if col.kind == DATE and not note:
                note = "dd/mm/yyyy"
            if col.kind == CODED:
                note = (note + "; " if note else "") + _("giá trị ở trang “Danh mục”")
            rows.append((col.header, _("Có") if col.required else "", note))
        rows.append(("", "", ""))
    for number, line in enumerate(rows, 1):
        guide.append(list(line))
        if number in (1, 3, 9) or (line[0] and not line[1] and not line[2] and number > 9):
            guide.cell(row=number, column=1).font = bold if number == 1 else _HEADER_FONT
    guide.append([])
    guide.append([_("Giá trị của các cột mã hóa")])
    guide.cell(row=guide.max_row, column=1).font = _HEADER_FONT
    for col in coded:
        listed = ", ".join(label for _value, label in values[col.key])
        guide.append([col.header, "", listed])
        guide.cell(row=guide.max_row, column=3).alignment = Alignment(wrap_text=True)
    wb.active = 1
    wb.save(fileobj)
