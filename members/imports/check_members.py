"""Checker pieces for the members sheet: each row alone, then a chunk against the database."""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from organizations.enums import CELL_KINDS
from organizations.rules import kind_label

from ..enums import MemberStatus
from ..models import Member
from ..rules import add_months, full_months
from ..validators import citizen_id_mismatch, validate_citizen_id
from .check_cells import CellChecks
from .layout import (
    LEAVING_STATUSES,
    MEMBER_COLUMNS,
    MEMBER_SHEET,
)
from .rows import ADMISSION_MIN_MONTHS, MEMBER_COL, PROBATION_MONTHS, MemberRow, OrgRef, format_day
from .seen import CARD, CITIZEN_ID


class MemberSheetChecks(CellChecks):
    """The members sheet; mixed into `validation.Checker`."""

    # --- the members sheet --------------------------------------------------------------

    def member_row(self, row: int, values: list) -> MemberRow:
        sheet, p = MEMBER_SHEET, self.problems
        before = p.count
        d = self.cells(sheet, row, MEMBER_COLUMNS, values)
        h = {key: col.header for key, col in MEMBER_COL.items()}

        # Organization: known, writable, a cell, not dissolved.
        code = d.pop("organization")
        if code:
            ref = self.org(code)
            if ref is None:
                p.add(
                    sheet,
                    row,
                    h["organization"],
                    _("Không có tổ chức mã %(code)s.") % {"code": code},
                )
            elif not self._writable(ref):
                p.add(
                    sheet,
                    row,
                    h["organization"],
                    _("Tổ chức mã %(code)s nằm ngoài phạm vi bạn được cập nhật.") % {"code": code},
                )
            elif ref.kind not in CELL_KINDS:
                p.add(
                    sheet,
                    row,
                    h["organization"],
                    _("%(kind)s mã %(code)s không phải chi bộ; đảng viên sinh hoạt tại chi bộ.")
                    % {"kind": kind_label(ref.kind), "code": code},
                )
            elif ref.dissolved_on is not None:
                p.add(
                    sheet,
                    row,
                    h["organization"],
                    _("Chi bộ mã %(code)s đã giải thể ngày %(day)s.")
                    % {"code": code, "day": format_day(ref.dissolved_on)},
                )

        # Citizen ID: format, province, and the birth year and sex it encodes.
        cid = d["citizen_id"]
        if cid:
            if cid.isdigit() and 10 <= len(cid) < 12:  # a number cell lost its leading zeros
                cid = d["citizen_id"] = cid.zfill(12)
            try:
                validate_citizen_id(cid)
            except ValidationError as exc:
                p.add(sheet, row, h["citizen_id"], " ".join(exc.messages))
            else:
                mismatch = citizen_id_mismatch(cid, d["date_of_birth"], d["sex"])
                if mismatch:
                    p.add(sheet, row, h["citizen_id"], mismatch)
            first = self.seen.first(CITIZEN_ID, cid, row)
            if first != row:
                p.add(
                    sheet,
                    row,
                    h["citizen_id"],
                    _("Số CCCD %(cid)s trùng với dòng %(first)s.") % {"cid": cid, "first": first},
                )
        card = d["card_number"]
        if card:
            first = self.seen.first(CARD, card, row)
            if first != row:
                p.add(
                    sheet,
                    row,
                    h["card_number"],
                    _("Số thẻ đảng viên %(card)s trùng với dòng %(first)s.")
                    % {"card": card, "first": first},
                )

        # Dates in order (MEM-01, ADM-01, probation of 12 months).
        born, admitted = d["date_of_birth"], d["admitted_on"]
        full, left = d["full_member_on"], d["left_on"]
        if born and admitted:
            if admitted < born:
                p.add(sheet, row, h["admitted_on"], _("Ngày vào Đảng trước ngày sinh."))
            elif full_months(born, admitted) < ADMISSION_MIN_MONTHS:
                p.add(
                    sheet,
                    row,
                    h["admitted_on"],
                    _("Vào Đảng khi chưa đủ 18 tuổi (ngày sinh %(born)s) (ADM-01).")
                    % {"born": format_day(born)},
                )
        if admitted and full and full < add_months(admitted, PROBATION_MONTHS):
            p.add(
                sheet,
                row,
                h["full_member_on"],
                _("Ngày chính thức phải sau ngày vào Đảng ít nhất 12 tháng (vào Đảng %(day)s).")
                % {"day": format_day(admitted)},
            )
        status = d["status"]
        if values[_STATUS_INDEX] is None:  # empty: from the full-membership date
            status = "full" if full else "probationary"
        leaving = status in LEAVING_STATUSES
        if status == "full" and not full and admitted:
            p.add(
                sheet, row, h["full_member_on"], _("Đảng viên chính thức phải có ngày chính thức.")
            )
        if status == "probationary" and full:
            p.add(sheet, row, h["status"], _("Đảng viên dự bị không có ngày chính thức."))
        if leaving and not left:
            p.add(
                sheet,
                row,
                h["left_on"],
                _("Trạng thái “%(status)s” cần ngày ra khỏi Đảng (hoặc ngày từ trần).")
                % {"status": _status_label(status)},
            )
        if left and status and not leaving:
            p.add(
                sheet,
                row,
                h["left_on"],
                _("Chỉ ghi ngày này khi đảng viên đã ra khỏi Đảng, chuyển đi hoặc từ trần."),
            )
        if left and leaving:
            if born and left < born:
                p.add(sheet, row, h["left_on"], _("Ngày này trước ngày sinh."))
            elif admitted and left < admitted:
                p.add(sheet, row, h["left_on"], _("Ngày này trước ngày vào Đảng."))
            elif full and left < full:
                p.add(sheet, row, h["left_on"], _("Ngày này trước ngày chính thức."))
        d["status"] = status
        return MemberRow(row, d, code, leaving, problems=p.count - before)

    def match_chunk(self, rows: list[MemberRow]) -> dict[int, Member]:
        """Find the registered members the rows update (citizen ID, else card number).

        Two queries per chunk. Adds a problem when the registered member is outside the
        user's writable scope, or when the card number belongs to someone else.
        """
        cids = {r.data["citizen_id"] for r in rows if r.data["citizen_id"]}
        cards = {r.data["card_number"] for r in rows if r.data["card_number"]}
        if not cids and not cards:
            return {}
        query = Q()
        if cids:
            query |= Q(citizen_id__in=cids)
        if cards:
            query |= Q(card_number__in=cards)
        found = list(Member.objects.filter(query).select_related("organization"))
        by_cid = {m.citizen_id: m for m in found if m.citizen_id}
        by_card: dict[str, list[Member]] = {}
        for m in found:
            if m.card_number:
                by_card.setdefault(m.card_number, []).append(m)
        matched: dict[int, Member] = {}
        sheet, p = MEMBER_SHEET, self.problems
        cid_header = MEMBER_COL["citizen_id"].header
        card_header = MEMBER_COL["card_number"].header
        for r in rows:
            cid, card = r.data["citizen_id"], r.data["card_number"]
            member = by_cid.get(cid) if cid else None
            column = cid_header
            if member is None and card:
                candidates = [m for m in by_card.get(card, []) if not (cid and m.citizen_id)]
                others = [m for m in by_card.get(card, []) if cid and m.citizen_id]
                if others and not candidates:
                    self._add(
                        r,
                        card_header,
                        _("Số thẻ đảng viên %(card)s đã thuộc một đảng viên khác.")
                        % {"card": card},
                    )
                    continue
                if len(candidates) > 1:
                    self._add(
                        r,
                        card_header,
                        _("Số thẻ đảng viên %(card)s trùng với nhiều đảng viên đã có.")
                        % {"card": card},
                    )
                    continue
                member = candidates[0] if candidates else None
                column = card_header
            elif member is not None and card and member.card_number and member.card_number != card:
                clash = [m for m in by_card.get(card, []) if m.pk != member.pk]
                if clash:
                    self._add(
                        r,
                        card_header,
                        _("Số thẻ đảng viên %(card)s đã thuộc một đảng viên khác.")
                        % {"card": card},
                    )
                    continue
            if member is None:
                continue
            ref = OrgRef(
                member.organization_id, member.organization.path, member.organization.kind, ""
            )
            if not self._writable(ref):
                self._add(
                    r,
                    column,
                    _("Số này thuộc một đảng viên ngoài phạm vi bạn được cập nhật."),
                )
                continue
            self._existing_rules(r, member)
            r.match_id = member.pk
            matched[member.pk] = member
        del sheet, p
        return matched

    def _add(self, r: MemberRow, column: str, message: str) -> None:
        r.problems += 1
        self.problems.add(MEMBER_SHEET, r.row, column, message)

    def _existing_rules(self, r: MemberRow, m: Member) -> None:
        """What an import may change of a registered member's dated party life."""
        d, h = r.data, MEMBER_COL
        if m.admitted_on and d["admitted_on"] and d["admitted_on"] != m.admitted_on:
            self._add(
                r,
                h["admitted_on"].header,
                _("Khác ngày vào Đảng đang lưu (%(day)s); sửa trên trang của đảng viên.")
                % {"day": format_day(m.admitted_on)},
            )
        if m.full_member_on and d["full_member_on"] != m.full_member_on:
            self._add(
                r,
                h["full_member_on"].header,
                _("Khác ngày chính thức đang lưu (%(day)s); sửa trên trang của đảng viên.")
                % {"day": format_day(m.full_member_on)},
            )
        active = m.status in ("probationary", "full")
        if not active and d["status"] != m.status:
            self._add(
                r,
                h["status"].header,
                _("Đảng viên đang có trạng thái “%(status)s”; không đổi được bằng nhập tệp.")
                % {"status": m.get_status_display()},
            )
        elif active and m.status == "full" and d["status"] == "probationary":
            self._add(r, h["status"].header, _("Đảng viên đã là đảng viên chính thức."))


_STATUS_INDEX = [c.key for c in MEMBER_COLUMNS].index("status")


def _status_label(value: str) -> str:
    return str(MemberStatus(value).label)
