"""MTG-05: the weights of the 100-point meeting score, per province (a configurable default)."""

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import ScoringConfig
from .common import save

if TYPE_CHECKING:
    from accounts.models import User
    from organizations.models import Organization

WEIGHT_FIELDS = ("preparation", "attendance", "conduct", "closing")


@transaction.atomic
def save_scoring(
    *,
    organization: "Organization | None",
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
    if not by.has_perm("meetings.edit_scoring", organization):
        # System administrators edit every row (and the default, `organization` None);
        # the writers of a province its own row.
        raise PermissionDenied(_("Bạn không có quyền sửa thang điểm này."))
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
    save(config, by)
    return config
