"""The quarterly reconciliation of member counts as XLSX (MEM-03)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exporters import INTEGER, TEXT, Column, Exporter, Sheet, register
from organizations.models import Organization

from ..queries.reconciliation import Reconciliation, ReconciliationRow


def _check(row: ReconciliationRow) -> str:
    return _("Khớp") if row.balanced else _("Lệch %(n)+d") % {"n": row.difference}


@register
class ReconciliationExporter(Exporter):
    """One organization's quarter (members.queries.reconciliation.reconcile): a row per
    organization below it, then the total."""

    identifier = "members.reconciliation"
    verbose_name = gettext_lazy("Đối chiếu số lượng đảng viên")
    columns = [
        Column(gettext_lazy("Tổ chức"), "label", TEXT, width=36),
        Column(gettext_lazy("Đầu quý"), "start", INTEGER),
        Column(gettext_lazy("Kết nạp"), "admitted", INTEGER),
        Column(gettext_lazy("Chuyển đến"), "transferred_in", INTEGER),
        Column(gettext_lazy("Chuyển đi"), "transferred_out", INTEGER),
        Column(gettext_lazy("Xóa tên"), "struck_off", INTEGER),
        Column(gettext_lazy("Khai trừ"), "expelled", INTEGER),
        Column(gettext_lazy("Xin ra khỏi Đảng"), "resigned", INTEGER),
        Column(gettext_lazy("Từ trần"), "deceased", INTEGER),
        Column(gettext_lazy("Cuối quý"), "end", INTEGER),
        Column(gettext_lazy("Trong đó dự bị"), "end_probationary", INTEGER),
        Column(gettext_lazy("Trong đó chính thức"), "end_full", INTEGER),
        Column(gettext_lazy("Kiểm tra (đầu + vào − ra = cuối)"), _check, TEXT),
    ]

    def __init__(self, *, organization: Organization, result: Reconciliation) -> None:
        self.organization = organization
        self.result = result

    def sheets(self) -> Sheet:
        result = self.result
        notes = [
            _("Từ %(first)s đến %(last)s")
            % {
                "first": result.starts_on.strftime("%d/%m/%Y"),
                "last": result.ends_on.strftime("%d/%m/%Y"),
            }
        ]
        if not result.level_matches:
            notes.append(
                _(
                    "Không khớp giữa cấp trên và cấp dưới: toàn đảng bộ đầu quý %(a)s, "
                    "cuối quý %(b)s."
                )
                % {"a": result.subtree_start, "b": result.subtree_end}
            )
        title = _("Đối chiếu số lượng đảng viên quý %(q)s năm %(y)s") % {
            "q": result.quarter,
            "y": result.year,
        }
        return Sheet(
            title,
            self.columns,
            [*result.rows, result.total],
            organization=self.organization.name,
            notes=notes,
        )

    def filename(self) -> str:
        return _("Đối chiếu đảng viên Q%(q)s-%(y)s.xlsx") % {
            "q": self.result.quarter,
            "y": self.result.year,
        }
