"""MTG-05: the provinces a user reaches and their rows of weights (the configurable default)."""

from typing import TYPE_CHECKING

from django.http import Http404

from accounts.scope import is_system_admin
from organizations.models import Organization

from ..models import ScoringConfig
from .scope import organizations_for

if TYPE_CHECKING:
    from accounts.scope import RequestUser


def provinces_for(user: "RequestUser") -> list[Organization]:
    """The top-level organizations the user reads (every one for a system administrator)."""
    roots = Organization.objects.get_root_nodes()
    if is_system_admin(user):
        return list(roots)
    return list(roots.filter(pk__in=organizations_for(user).values("pk")))


def get_province_for(user: "RequestUser", pk: int) -> Organization:
    """A province within the user's reach: 404 outside it, and for anything but a province."""
    organization = (
        Organization.objects.get_root_nodes()
        .filter(pk__in=organizations_for(user).values("pk"))
        .filter(pk=pk)
        .first()
    )
    if organization is None:
        raise Http404
    return organization


def scoring_configs() -> dict[int | None, ScoringConfig]:
    """Every row of weights by its province's id (None: the system-wide default)."""
    return {c.organization_id: c for c in ScoringConfig.objects.all()}


def scoring_config_of(organization: Organization | None) -> ScoringConfig | None:
    """The province's own row (`organization` None: the system-wide default row)."""
    return ScoringConfig.objects.filter(organization=organization).first()
