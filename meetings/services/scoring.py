"""MTG-05: the weights of the 100-point meeting score, per province (a configurable default)."""

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.scope import can_write_org, is_system_admin

from ..models import ScoringConfig
from .common import _save

if TYPE_CHECKING:
    from accounts.models import User
    from accounts.scope import RequestUser
    from organizations.models import Organization

WEIGHT_FIELDS = ("preparation", "attendance", "conduct", "closing")


def can_edit_scoring(user: "RequestUser", organization: "Organization") -> bool:
    """System administrators edit every row; officers (or administrators) of a province
    edit that province's row. `organization` None is the system-wide default."""
    if organization is None:
        return is_system_admin(user)
    return organization.is_root() and can_write_org(user, organization)


@transaction.atomic
def save_scoring(
    *,
    organization: "Organization",
    by: "User",
    preparation: int,
    attendance: int,
    conduct: int,
    closing: int,
    min_speakers: int,
    source: str = "",
) -> ScoringConfig:
    """Create or update the province's weights (MTG-05 is local: the 15/20/45/20 split is
    only the published example). The four parts must add up to 100."""
    if organization is not None and not organization.is_root():
        raise ValidationError(_("Thang điểm được đặt cho cấp tỉnh, thành phố."))
    if not can_edit_scoring(by, organization):
        raise PermissionDenied
    weights = {
        "preparation": preparation,
        "attendance": attendance,
        "conduct": conduct,
        "closing": closing,
    }
    errors = {}
    for name, value in weights.items():
        if value is None or not 0 <= int(value) <= 100:
            errors[name] = _("Từ 0 đến 100 điểm.")
    if min_speakers is None or not 0 <= int(min_speakers) <= 50:
        errors["min_speakers"] = _("Từ 0 đến 50 ý kiến.")
    if errors:
        raise ValidationError(errors)
    total = sum(int(v) for v in weights.values())
    if total != 100:
        raise ValidationError(
            _("Tổng bốn phần phải đúng 100 điểm (hiện là %(total)s).") % {"total": total},
            code="sum",
        )
    config = ScoringConfig.objects.select_for_update().filter(
        organization=organization
    ).first() or ScoringConfig(organization=organization)
    for name, value in weights.items():
        setattr(config, name, int(value))
    config.min_speakers = int(min_speakers)
    config.source = source.strip()
    _save(config, by)
    return config
