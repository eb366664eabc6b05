"""The due list of party badges at a presentation day, as XLSX (BDG-01)."""

from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exporters import BOOLEAN, DATE, INTEGER, Column, Exporter, Sheet, register
from organizations.models import Organization

from ..queries.badges import badge_candidates, badge_due_rows
from ..queries.register import members_for


@register
class BadgeDueExporter(Exporter):
    """Every level's due list, then every level's early list, of one subtree on one day."""

    identifier = "members.badges_due"
    verbose_name = gettext_lazy("Đảng viên đề nghị trao huy hiệu Đảng")
    columns = [
        Column(gettext_lazy("Huy hiệu (năm)"), "years", INTEGER),
        Column(gettext_lazy("Họ và tên"), "member.full_name", width=28),
        Column(gettext_lazy("Ngày sinh"), "member.date_of_birth", DATE),
        Column(gettext_lazy("Sinh hoạt tại"), "member.organization.name", width=32),
        Column(gettext_lazy("Ngày vào Đảng"), "member.admitted_on", DATE),
        Column(gettext_lazy("Tuổi đảng tính từ"), "member.party_age_from", DATE),
        Column(gettext_lazy("Đủ tuổi Đảng ngày"), "reached_on", DATE),
        Column(gettext_lazy("Tuổi đảng tại đợt trao"), "party_age", INTEGER),
        Column(gettext_lazy("Quá hạn (chưa được trao)"), "overdue", BOOLEAN),
        Column(gettext_lazy("Trao sớm (ốm nặng)"), "early", BOOLEAN),
        Column(gettext_lazy("Số thẻ đảng viên"), "member.card_number"),
    ]

    def __init__(self, *, user: Any, organization: Organization, on: date) -> None:
        self.user = user
        self.organization = organization
        self.on = on

    def sheets(self) -> Sheet:
        candidates = badge_candidates(members_for(self.user), self.organization)
        title = _("Danh sách đảng viên đề nghị trao huy hiệu Đảng đợt %(day)s") % {
            "day": self.on.strftime("%d/%m/%Y")
        }
        return Sheet(
            title,
            self.columns,
            badge_due_rows(candidates, self.on),
            organization=self.organization.name,
        )

    def filename(self) -> str:
        return _("Huy hiệu Đảng %(day)s.xlsx") % {"day": self.on.strftime("%d-%m-%Y")}
