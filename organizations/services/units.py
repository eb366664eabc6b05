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
    _add,
    _audit,
    _clean_fields,
    _raise_if,
    _require,
    may_designate_model_cell,
    may_edit_units,
)

if TYPE_CHECKING:
    from ..links import User


def model_year_errors(*, cell: Organization, year: int) -> Errors:
    errors: Errors = {}
    if cell.established_on and year < cell.established_on.year:
        _add(
            errors, "year", _("Chi bộ được thành lập năm %(y)s.") % {"y": cell.established_on.year}
        )
    if cell.dissolved_on and year > cell.dissolved_on.year:
        _add(errors, "year", _("Chi bộ đã giải thể năm %(y)s.") % {"y": cell.dissolved_on.year})
    if ModelCellDesignation.objects.filter(organization=cell, year=year).exists():
        _add(errors, "year", _("Chi bộ đã được chọn là chi bộ điểm năm này."))
    return errors


@transaction.atomic
def designate_model_cell(
    *, cell: Organization, year: int, note: str = "", by: "User"
) -> ModelCellDesignation:
    """ORG-03: record that `cell` is a model cell (chi bộ điểm) for `year`."""
    _require(may_designate_model_cell(by, cell))
    _raise_if(model_year_errors(cell=cell, year=year))
    designation = ModelCellDesignation(organization=cell, year=year, note=note)
    _audit(designation, by)
    designation.save()
    return designation


# --- Residential units ------------------------------------------------------------------


@transaction.atomic
def save_residential_unit(
    *, cell: Organization, by: "User", unit: ResidentialUnit | None = None, **fields: Any
) -> ResidentialUnit:
    """Add a village or block to a cell, or change one it already covers."""
    _require(may_edit_units(by, cell))
    data = _clean_fields(fields, UNIT_FIELDS)
    if unit is None:
        unit = ResidentialUnit(cell=cell)
    elif unit.cell_id != cell.pk:
        raise PermissionDenied
    for name, value in data.items():
        setattr(unit, name, value)
    _audit(unit, by)
    unit.save()
    return unit


@transaction.atomic
def delete_residential_unit(unit: ResidentialUnit, *, by: "User") -> None:
    _require(may_edit_units(by, unit.cell))
    _audit(unit, by)
    unit.delete()


# --- Terms, committees and seats --------------------------------------------------------

__all__ = [
    "delete_residential_unit",
    "designate_model_cell",
    "model_year_errors",
    "save_residential_unit",
]
