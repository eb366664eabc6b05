"""Checker pieces shared by both sheets: the user's scope and the checks of one cell (text, date, coded value, yes/no, organization code)."""

from datetime import date
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from core.text import fold as _fold
from organizations.validators import ORG_CODE_RE

from .layout import (
    BOOL,
    CODED,
    DATE,
    FALSE_WORDS,
    ORG_CODE,
    TRUE_WORDS,
    Col,
)
from .reading import CellError, as_text, parse_date
from .rows import CODED_CACHE_SIZE, MIN_YEAR, OrgRef, Problems, format_day
from .seen import SeenKeys

if TYPE_CHECKING:
    from accounts.models import User


class CheckerState:
    """What the checks read: set by `validation.Checker.__init__`."""

    user: "User | None"
    problems: Problems
    today: date
    tables: dict[str, dict[str, str]]
    orgs: dict[str, OrgRef]
    new_orgs: dict[str, OrgRef]
    seen: SeenKeys
    _write_cache: dict[str, bool]
    _coded_cache: dict[tuple[str, str], str | None]


class CellChecks(CheckerState):
    """Scope and single-cell checks; mixed into `validation.Checker`."""

    # --- scope -------------------------------------------------------------------------

    def _writable(self, ref: OrgRef) -> bool:
        """The user may write the organization's records ("organizations.change_organization")."""
        if self.user is None or ref.writable:
            return True
        allowed = self._write_cache.get(ref.path)
        if allowed is None:
            allowed = self._write_cache[ref.path] = self.user.has_perm(
                "organizations.change_organization", ref.stub()
            )
        return allowed

    def _manageable(self, ref: OrgRef) -> bool:
        """The user may create and edit organizations there ("organizations.manage_organization")."""
        if self.user is None or ref.manageable:
            return True
        return self.user.has_perm("organizations.manage_organization", ref.stub())

    def org(self, code: str) -> OrgRef | None:
        return self.new_orgs.get(code) or self.orgs.get(code)

    # --- cells ---------------------------------------------------------------------------

    def _text(self, sheet, row, col: Col, value) -> str:
        if value is None:
            if col.required:
                self.problems.add(sheet, row, col.header, _("Thiếu giá trị bắt buộc."))
            return ""
        text = as_text(value)
        if col.max_length and len(text) > col.max_length:
            self.problems.add(
                sheet,
                row,
                col.header,
                _("Dài quá %(max)s ký tự.") % {"max": col.max_length},
            )
            return text[: col.max_length]
        return text

    def _date(self, sheet, row, col: Col, value) -> date | None:
        if value is None:
            if col.required:
                self.problems.add(sheet, row, col.header, _("Thiếu giá trị bắt buộc."))
            return None
        try:
            day = parse_date(value)
        except CellError as exc:
            self.problems.add(sheet, row, col.header, str(exc))
            return None
        if day > self.today:
            self.problems.add(
                sheet, row, col.header, _("Ngày %(day)s ở tương lai.") % {"day": format_day(day)}
            )
            return None
        if day.year < MIN_YEAR:
            self.problems.add(
                sheet,
                row,
                col.header,
                _("Ngày %(day)s quá xa (trước năm 1900).") % {"day": format_day(day)},
            )
            return None
        return day

    def _coded(self, sheet, row, col: Col, value) -> str:
        if value is None:
            if col.required:
                self.problems.add(sheet, row, col.header, _("Thiếu giá trị bắt buộc."))
            return ""
        text = value if type(value) is str else as_text(value)
        key = (col.key, text)
        found = self._coded_cache.get(key)
        if found is None:
            found = self.tables[col.key].get(_fold(text))
            if len(self._coded_cache) < CODED_CACHE_SIZE:  # coded values repeat
                self._coded_cache[key] = found
        if found is None:
            self.problems.add(
                sheet,
                row,
                col.header,
                _("Giá trị “%(value)s” không có trong danh mục (xem trang “Hướng dẫn”).")
                % {"value": text[:60]},
            )
            return ""
        return found

    def _bool(self, sheet, row, col: Col, value) -> bool:
        if value is None or value is False:
            return False
        if value is True:
            return True
        word = _fold(as_text(value))
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        self.problems.add(
            sheet, row, col.header, _("Ghi “Có” hoặc để trống, không phải “%(v)s”.") % {"v": word}
        )
        return False

    def _org_code(self, sheet, row, col: Col, value) -> str:
        code = self._text(sheet, row, col, value)
        if code and not ORG_CODE_RE.match(code):
            self.problems.add(
                sheet,
                row,
                col.header,
                _(
                    "Mã “%(code)s” không đúng dạng M1.M2.M3.M4.M5, ví dụ 38.168.053.000.001 (ORG-05)."
                )
                % {"code": code[:30]},
            )
            return ""
        return code

    def cells(
        self, sheet: str, row: int, columns: tuple[Col, ...], values: list[Any]
    ) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for col, value in zip(columns, values, strict=True):
            if col.kind == DATE:
                data[col.key] = self._date(sheet, row, col, value)
            elif col.kind == CODED:
                data[col.key] = self._coded(sheet, row, col, value)
            elif col.kind == BOOL:
                data[col.key] = self._bool(sheet, row, col, value)
            elif col.kind == ORG_CODE:
                data[col.key] = self._org_code(sheet, row, col, value)
            else:
                data[col.key] = self._text(sheet, row, col, value)
        return data
