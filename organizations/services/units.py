"""Model cells (ORG-03) and residential units covered by cells."""

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import (
    ModelCellDesignation,
    Organization,
    ResidentialUnit,
)
from .base import (
    UNIT_FIELDS,
    Errors,
    add_error,
    audit,
    clean_fields,
    raise_if,
    require,
)

if TYPE_CHECKING:
    from ..links import User


def model_year_errors(*, cell: Organization, year: int) -> Errors:
    errors: Errors = {}
    if cell.established_on and year < cell.established_on.year:
        add_error(
            errors, "year", _("Chi bộ được thành lập năm %(y)s.") % {"y": cell.established_on.year}
        )
    if cell.dissolved_on and year > cell.dissolved_on.year:
        add_error(
            errors, "year", _("Chi bộ đã giải thể năm %(y)s.") % {"y": cell.dissolved_on.year}
        )
    if ModelCellDesignation.objects.filter(organization=cell, year=year).exists():
        add_error(errors, "year", _("Chi bộ đã được chọn là chi bộ điểm năm này."))
    return errors


@transaction.atomic
def designate_model_cell(
    *, cell: Organization, year: int, note: str = "", by: "User"
) -> ModelCellDesignation:
    """ORG-03: record that `cell` is a model cell (chi bộ điểm) for `year`."""
    require(by, "organizations.designate_model_cell", cell)
    raise_if(model_year_errors(cell=cell, year=year))
    designation = ModelCellDesignation(organization=cell, year=year, note=note)
    audit(designation, by)
    designation.save()
    return designation


# --- Residential units ------------------------------------------------------------------


@transaction.atomic
def save_residential_unit(
    *, cell: Organization, by: "User", unit: ResidentialUnit | None = None, **fields: Any
) -> ResidentialUnit:
    """Add a village or block to a cell, or change one it already covers."""
    require(by, "organizations.change_units", cell)
    data = clean_fields(fields, UNIT_FIELDS)
    if unit is None:
        unit = ResidentialUnit(cell=cell)
    elif unit.cell_id != cell.pk:
        raise PermissionDenied(_("Thôn, tổ dân phố này thuộc chi bộ khác."))
    for name, value in data.items():
        setattr(unit, name, value)
    audit(unit, by)
    unit.save()
    return unit


@transaction.atomic
def delete_residential_unit(unit: ResidentialUnit, *, by: "User") -> None:
    require(by, "organizations.change_units", unit.cell)
    audit(unit, by)
    unit.delete()


# --- Terms, committees and seats --------------------------------------------------------
