"""XLSX downloads of the member register: the filtered list and the 7-HSĐV register
(MEM-01), through core.exporters (streamed, bounded memory), scoped exactly like the list.
The register's columns (in the order of the paper book) are the DOCX's too
(members.documents)."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exporters import DATE, INTEGER, Column, Exporter, Sheet, register

from ..enums import EventKind
from ..queries.register import member_list_for, register_for
from ..rules import full_years

LEAVING = {
    EventKind.STRUCK_OFF,
    EventKind.EXPELLED,
    EventKind.RESIGNED,
}


def _party_age(member, today: date | None = None):
    if member.party_age_from is None:
        return None
    today = today or timezone.localdate()
    if member.party_age_from > today:
        return None
    return full_years(member.party_age_from, today)


LIST_COLUMNS = [
    Column(gettext_lazy("Họ và tên"), "full_name", width=28),
    Column(gettext_lazy("Ngày sinh"), "date_of_birth", DATE),
    Column(gettext_lazy("Giới tính"), "get_sex_display"),
    Column(gettext_lazy("Dân tộc"), "ethnicity.name"),
    Column(gettext_lazy("Tôn giáo"), "religion.name"),
    Column(gettext_lazy("Số CCCD"), "citizen_id"),
    Column(gettext_lazy("Trạng thái"), "get_status_display"),
    Column(gettext_lazy("Sinh hoạt tại"), "organization.name", width=32),
    Column(gettext_lazy("Ngày vào Đảng"), "admitted_on", DATE),
    Column(gettext_lazy("Ngày chính thức"), "full_member_on", DATE),
    Column(gettext_lazy("Tuổi đảng"), _party_age, INTEGER),
    Column(gettext_lazy("Giáo dục phổ thông"), "get_education_display"),
    Column(gettext_lazy("Chuyên môn, nghiệp vụ"), "get_qualification_display"),
    Column(gettext_lazy("Lý luận chính trị"), "get_theory_level_display"),
    Column(gettext_lazy("Nghề nghiệp"), "get_occupation_display"),
    Column(gettext_lazy("Điện thoại"), "phone"),
]


# --- The 7-HSĐV register ----------------------------------------------------------------


def _events(member, kinds) -> list:
    return [e for e in getattr(member, "register_events", []) if e.kind in kinds]


def _last(member, kinds):
    found = _events(member, kinds)
    return found[-1] if found else None


def _day(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _transfer_out(member) -> str:
    event = _last(member, {EventKind.TRANSFER_OUT})
    if event is None:
        return ""
    return ", ".join(filter(None, [_day(event.on), event.counterpart]))


def _transfer_in(member) -> str:
    event = _last(member, {EventKind.TRANSFER_IN})
    if event is None:
        return ""
    return ", ".join(filter(None, [_day(event.on), event.counterpart]))


def _death(member):
    event = _last(member, {EventKind.DECEASED})
    return event.on if event else None


def _leaving(member) -> str:
    event = _last(member, LEAVING)
    if event is None:
        return ""
    return f"{_day(event.on)}, {event.get_kind_display()}"


def _badges(member) -> str:
    return "; ".join(
        _("%(years)d năm (%(year)d)") % {"years": b.years, "year": b.presented_on.year}
        for b in member.badges.all()
    )


def _forces(member) -> str:
    parts = []
    if member.armed_forces:
        parts.append(_("LLVT"))
    if member.retired:
        parts.append(_("Nghỉ hưu"))
    return ", ".join(parts)


class Numbered:
    """A member with its row number (STT) in the register."""

    __slots__ = ("member", "number")

    def __init__(self, number: int, member):
        self.number, self.member = number, member


def _m(func):
    return lambda row: func(row.member)


def _attr(path: str):
    def get(row):
        value = row.member
        for part in path.split("."):
            if value is None:
                return None
            value = getattr(value, part, None)
            if callable(value):
                value = value()
        return value

    return get


# MEM-01: the register's columns, in the order of the paper book (Sổ danh sách đảng viên).
REGISTER_COLUMNS = [
    Column(gettext_lazy("STT"), lambda row: row.number, INTEGER, width=6),
    Column(gettext_lazy("Họ và tên đang dùng"), _attr("full_name"), width=26),
    Column(gettext_lazy("Họ và tên khai sinh"), _attr("birth_name"), width=22),
    Column(gettext_lazy("Ngày sinh"), _attr("date_of_birth"), DATE),
    Column(gettext_lazy("Giới tính"), _attr("get_sex_display")),
    Column(gettext_lazy("Dân tộc"), _attr("ethnicity.name")),
    Column(gettext_lazy("Tôn giáo"), _attr("religion.name")),
    Column(gettext_lazy("Quê quán"), _attr("home_town"), width=24),
    Column(gettext_lazy("Giáo dục phổ thông"), _attr("get_education_display")),
    Column(gettext_lazy("Lý luận chính trị"), _attr("get_theory_level_display")),
    Column(gettext_lazy("Chuyên môn, nghiệp vụ"), _attr("get_qualification_display")),
    Column(gettext_lazy("Ngoại ngữ"), _attr("foreign_language")),
    Column(gettext_lazy("Nghề nghiệp"), _attr("get_occupation_display")),
    Column(gettext_lazy("Ngày vào Đảng"), _attr("admitted_on"), DATE),
    Column(gettext_lazy("Ngày chính thức"), _attr("full_member_on"), DATE),
    Column(gettext_lazy("Số thẻ đảng viên"), _attr("card_number")),
    Column(gettext_lazy("Số lý lịch"), _attr("file_number")),
    Column(gettext_lazy("Huy hiệu Đảng"), _m(_badges)),
    Column(gettext_lazy("LLVT, nghỉ hưu"), _m(_forces)),
    Column(gettext_lazy("Chuyển đi (ngày, nơi đến)"), _m(_transfer_out), width=24),
    Column(gettext_lazy("Chuyển đến (ngày, nơi đi)"), _m(_transfer_in), width=24),
    Column(gettext_lazy("Ngày từ trần"), _m(_death), DATE),
    Column(gettext_lazy("Ra khỏi Đảng (ngày, hình thức)"), _m(_leaving), width=22),
    Column(gettext_lazy("Số CCCD"), _attr("citizen_id")),
    Column(gettext_lazy("Ghi chú"), _attr("notes"), width=24),
]


def numbered(members: Iterable) -> Iterable[Numbered]:
    rows = members.iterator(chunk_size=2000) if isinstance(members, QuerySet) else members
    for number, member in enumerate(rows, 1):
        yield Numbered(number, member)


REGISTER_TITLE = gettext_lazy("Sổ danh sách đảng viên")


class _FilteredList(Exporter):
    """The register list's filters (MemberFilterForm.filters()), read by the user."""

    def __init__(self, *, user: Any, filters: dict[str, Any]) -> None:
        self.user = user
        self.filters = filters

    def organization_label(self) -> str | None:
        chosen = self.filters.get("organization")
        return chosen.name if chosen is not None else None


@register
class MemberListExporter(_FilteredList):
    identifier = "members.list"
    verbose_name = gettext_lazy("Danh sách đảng viên")
    columns = LIST_COLUMNS

    def sheets(self) -> Sheet:
        return Sheet(
            _("Danh sách đảng viên"),
            self.columns,
            member_list_for(self.user, **self.filters),
            organization=self.organization_label(),
        )

    def filename(self) -> str:
        return _("Danh sách đảng viên.xlsx")


@register
class RegisterExporter(_FilteredList):
    """The 7-HSĐV register (MEM-01) of the filtered list."""

    identifier = "members.register"
    verbose_name = REGISTER_TITLE
    columns = REGISTER_COLUMNS

    def sheets(self) -> Sheet:
        return Sheet(
            str(REGISTER_TITLE),
            self.columns,
            numbered(register_for(self.user, **self.filters)),
            organization=self.organization_label(),
            notes=[_("Mẫu 7-HSĐV")],
        )

    def filename(self) -> str:
        return _("Sổ danh sách đảng viên.xlsx")
