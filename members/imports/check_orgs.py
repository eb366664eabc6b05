"""Checker pieces for the organizations sheet (ORG rules on each row)."""

from django.utils.translation import gettext as _

from organizations.models import Organization
from organizations.services.tree import organization_errors

from .check_cells import CellChecks
from .layout import (
    ORG_COLUMNS,
    ORG_SHEET,
)
from .rows import ORG_COL, ORG_FIELD_COLUMN, OrgRef, OrgRow


class OrgSheetChecks(CellChecks):
    """The organizations sheet; mixed into `validation.Checker`."""

    # --- the organizations sheet --------------------------------------------------------

    def org_row(self, row: int, values: list) -> OrgRow | None:
        sheet, p = ORG_SHEET, self.problems
        before = p.count
        d = self.cells(sheet, row, ORG_COLUMNS, values)
        code = d["code"]
        if not code:
            return None
        if code in self.new_orgs or code in self._org_rows_seen:
            p.add(sheet, row, ORG_COL["code"].header, _("Mã tổ chức bị lặp trong tệp."))
            return None
        self._org_rows_seen.add(code)
        existing = self.orgs.get(code)
        superior_code = d["superior"]
        superior = self.org(superior_code) if superior_code else None
        superior_header = ORG_COL["superior"].header
        if existing is None and not superior_code:
            p.add(sheet, row, superior_header, _("Tổ chức mới phải có mã tổ chức cấp trên."))
        elif superior_code and superior is None:
            p.add(
                sheet,
                row,
                superior_header,
                _("Không có tổ chức mã %(code)s (cấp trên phải đã có hoặc ở dòng phía trên).")
                % {"code": superior_code},
            )
        elif superior is not None and existing is not None:
            parent_path = existing.path[: -Organization.steplen]
            if superior.path != parent_path:
                p.add(
                    sheet,
                    row,
                    superior_header,
                    _(
                        "Tổ chức %(code)s không trực thuộc %(sup)s; việc điều chuyển tổ chức "
                        "làm trên trang tổ chức, không qua nhập tệp."
                    )
                    % {"code": code, "sup": superior_code},
                )
        if existing is not None and not self._manageable(existing):
            p.add(
                sheet,
                row,
                ORG_COL["code"].header,
                _("Tổ chức %(code)s nằm ngoài phạm vi bạn được quản lý.") % {"code": code},
            )
        elif existing is None and superior is not None and not self._manageable(superior):
            p.add(
                sheet,
                row,
                superior_header,
                _("Tổ chức cấp trên %(code)s nằm ngoài phạm vi bạn được quản lý.")
                % {"code": superior_code},
            )
        if p.count == before and d["kind"]:
            self._org_rules(row, d, existing, superior)
        if p.count != before:
            return None
        parsed = OrgRow(
            row,
            code,
            d["name"],
            d["kind"],
            superior_code,
            d["category"],
            d["established_on"],
            existing,
        )
        if existing is None:
            assert superior is not None  # a new organization without one was refused above
            steplen = Organization.steplen
            # A provisional path below the superior's, for the scope of what follows.
            path = superior.path + f"~{len(self.new_orgs):0{steplen - 1}d}"[:steplen]
            self.new_orgs[code] = OrgRef(
                None, path, d["kind"], code, None, writable=True, manageable=True
            )
        return parsed

    _org_rows_seen: set[str]

    def start_orgs(self) -> None:
        self._org_rows_seen = set()

    def _org_rules(self, row: int, d: dict, existing: OrgRef | None, superior: OrgRef | None):
        """ORG-01 placement, ORG-03 category, dates: organizations.services' own checks."""
        instance = None
        superior_obj = None
        if existing is not None:
            instance = Organization.objects.get(pk=existing.pk)
        if superior is not None:
            superior_obj = (
                Organization(kind=superior.kind, path=superior.path)
                if superior.pk is None
                else Organization.objects.get(pk=superior.pk)
            )
        placement_on = None
        if instance is None:
            placement_on = d["established_on"] or self.today
        elif d["kind"] != instance.kind:
            placement_on = self.today
        errors = organization_errors(
            kind=d["kind"],
            category=d["category"],
            superior=superior_obj,
            established_on=d["established_on"],
            dissolved_on=instance.dissolved_on if instance else None,
            code=None,
            instance=instance,
            check_placement_on=placement_on,
        )
        for name, messages in errors.items():
            column = ORG_COL[ORG_FIELD_COLUMN[name]].header if name in ORG_FIELD_COLUMN else ""
            for message in messages:
                self.problems.add(ORG_SHEET, row, column, message)
