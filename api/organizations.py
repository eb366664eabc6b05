"""Organizations: the part of the party tree the user may read.

Thin endpoints over organizations.queries: an organization outside the user's reach is a
404, exactly as on the organization pages.
"""

from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Substr
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from organizations.models import Organization
from organizations.queries import (
    get_organization_for,
    organizations_for,
    search_organizations,
    subordinates_for,
)

from .pagination import Pagination
from .schemas import OrganizationDetailOut, OrganizationOut

router = Router(tags=["organizations"])


class OrganizationFilters(Schema):
    q: str = ""


def with_superior(qs: QuerySet[Organization]) -> QuerySet[Organization]:
    """Annotate `superior_id`, the id of the direct superior (None for a root), as a
    subquery on the materialized path: the same SELECT, whatever the number of rows.

    The superior may lie outside the user's reach (an officer's commune has a province
    above it); its id is given, as the page's breadcrumbs give its name, but reading it
    is a 404.
    """
    superior = Organization.objects.filter(
        path=Substr(OuterRef("path"), 1, (OuterRef("depth") - 1) * Organization.steplen)
    ).values("pk")[:1]
    return qs.annotate(superior_id=Subquery(superior))


@router.get("/", response=list[OrganizationOut], summary="Organizations the user may read")
@paginate(Pagination)
def organization_list(request, filters: Query[OrganizationFilters]):
    """Organizations the user may read, in tree order. `q` searches name and code without
    diacritics ("xa tan lap" finds "Xã Tân Lập"), every word must match."""
    text = filters.q.strip()
    if text:
        qs = search_organizations(request.user, text)
    else:
        qs = organizations_for(request.user).order_by("path")
    return with_superior(qs)


@router.get("/{int:org_id}/", response=OrganizationDetailOut, summary="One organization")
def organization_detail(request, org_id: int):
    """One organization with its direct subordinates the user may read and the active
    members of each subtree (404 outside the user's reach)."""
    org = get_organization_for(request.user, org_id)
    org.superior_id = (
        Organization.objects.filter(path=org.path[: -Organization.steplen])
        .values_list("pk", flat=True)
        .first()
    )
    org.subordinates, org.active_members = subordinates_for(request.user, org)
    return org
