"""Scoped reads of the party tree: every page, export and API reads through these.

Each function takes the user first and returns only what that user may read
(accounts.scope), so an organization outside the user's part of the tree is a 404
everywhere. Every function issues a fixed number of queries whatever the size of
the tree below the organization (the tests assert this for 1 and for 50 children).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import (
    BooleanField,
    Case,
    Prefetch,
    QuerySet,
    Value,
    When,
)
from django.shortcuts import get_object_or_404
from django.utils import timezone

from core.text import fold

from .links import (
    is_system_admin,
    member_figures,
    org_read_filter,
    org_write_filter,
    top_organizations,
)
from .models import (
    Committee,
    ModelCellDesignation,
    Organization,
    OrganizationMove,
    OrganizationSuccession,
    ResidentialUnit,
    Term,
)
from .rules import ALLOWED_CHILDREN

if TYPE_CHECKING:
    from .links import AnyUser

SEARCH_LIMIT = 50


def organizations_for(user: "AnyUser") -> QuerySet[Organization]:
    """Organizations the user may read (their part of the tree)."""
    return Organization.objects.filter(org_read_filter(user))


def writable_organizations_for(user: "AnyUser") -> QuerySet[Organization]:
    """Organizations the user may change (officers: subtree; secretaries: own cell)."""
    return Organization.objects.filter(org_write_filter(user))


def get_organization_for(user: "AnyUser", pk: int) -> Organization:
    """One organization, or 404 when it does not exist or lies outside the user's reach."""
    return get_object_or_404(organizations_for(user), pk=pk)


def readable_annotation(user: "AnyUser", prefix: str = "") -> Value | Case:
    """An expression that is True for rows (reached through `prefix`) the user may read."""
    if is_system_admin(user):
        return Value(True, output_field=BooleanField())
    return Case(
        When(org_read_filter(user, prefix), then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )


def _drop_nested(orgs: Iterable[Organization]) -> list[Organization]:
    """Keep only the outermost organizations (a path inside another one is dropped)."""
    result: list[Organization] = []
    for org in sorted(orgs, key=lambda o: o.path):
        if not any(org.path.startswith(kept.path) for kept in result):
            result.append(org)
    return result


def tree_roots_for(user: "AnyUser") -> list[Organization]:
    """The roots of the tree browser: the real roots for a system administrator,
    otherwise the organizations of the user's assignments (one query at most)."""
    if is_system_admin(user):
        return list(Organization.objects.get_root_nodes())
    return _drop_nested(top_organizations(user))


def children_for(user: "AnyUser", org: Organization) -> QuerySet[Organization]:
    """Direct subordinates of `org` the user may read, in tree order (one query)."""
    return (
        Organization.objects.filter(path__startswith=org.path, depth=org.depth + 1)
        .filter(org_read_filter(user))
        .order_by("path")
    )


def active_member_counts(org: Organization) -> dict[str, int]:
    """Active members in each branch under `org` and in `org` itself, by path (one SQL
    aggregate, members.links: organizations does not import members)."""
    figures = member_figures()
    return figures.active_member_counts(org) if figures is not None else {}


def subordinates_for(user: "AnyUser", org: Organization) -> tuple[list[Organization], int]:
    """Direct subordinates with `active_members` (their subtree) set, and the
    organization's own total of active members (subtree). Two queries."""
    children = list(children_for(user, org))
    counts = active_member_counts(org)
    for child in children:
        child.active_members = counts.get(child.path, 0)
    return children, sum(counts.values())


def search_organizations(user: "AnyUser", text: str) -> QuerySet[Organization]:
    """Diacritic-insensitive search by name or code ("xa tan lap" finds "Xã Tân Lập")."""
    folded = fold(text)
    qs = organizations_for(user)
    for word in folded.split():
        qs = qs.filter(search_name__contains=word)
    return qs.order_by("path")


def ancestor_paths(path: str) -> list[str]:
    step = Organization.steplen
    return [path[:end] for end in range(step, len(path), step)]


def attach_superior_chains(orgs: list[Organization]) -> None:
    """Set `org.chain` (its superiors, top first) on each organization: one query."""
    wanted = {p for org in orgs for p in ancestor_paths(org.path)}
    by_path = (
        {o.path: o for o in Organization.objects.filter(path__in=wanted).only("pk", "path", "name")}
        if wanted
        else {}
    )
    for org in orgs:
        org.chain = [by_path[p] for p in ancestor_paths(org.path) if p in by_path]


@dataclass
class SearchResult:
    text: str
    organizations: list[Organization] = field(default_factory=list)
    truncated: bool = False


def search_for(user: "AnyUser", text: str, limit: int = SEARCH_LIMIT) -> SearchResult:
    """The search box: at most `limit` organizations with their superior chains (two queries)."""
    text = (text or "").strip()
    if not fold(text):
        return SearchResult(text)
    found = list(search_organizations(user, text)[: limit + 1])
    attach_superior_chains(found[:limit])
    return SearchResult(text, found[:limit], len(found) > limit)


def breadcrumbs_for(user: "AnyUser", org: Organization) -> list[Organization]:
    """The superior chain of `org`, top first, each with `readable` (one query)."""
    paths = ancestor_paths(org.path)
    if not paths:
        return []
    return list(
        Organization.objects.filter(path__in=paths)
        .annotate(readable=readable_annotation(user))
        .only("pk", "path", "name", "kind")
        .order_by("path")
    )


def current_term(terms: list[Term], today: date) -> Term | None:
    """The term in force today, else the most recent one that has started."""
    started = [t for t in terms if t.starts_on <= today]
    for term in started:
        if term.ends_on is None or term.ends_on >= today:
            return term
    return started[0] if started else (terms[0] if terms else None)


@dataclass
class OrganizationPage:
    """Everything the organization page shows, read with a fixed number of queries."""

    org: Organization
    breadcrumbs: list[Organization]
    subordinates: list[Organization]
    active_members: int
    predecessors: list[OrganizationSuccession]
    successors: list[OrganizationSuccession]
    moves: list[OrganizationMove]
    terms: list[Term]
    current_term: Term | None
    current_committees: list[Committee]
    residential_units: list[ResidentialUnit]
    model_years: list[ModelCellDesignation]


def organization_page_for(user: "AnyUser", org: Organization) -> OrganizationPage:
    """The organization page of an organization already read with get_organization_for."""
    today = timezone.localdate()
    subordinates, active_members = subordinates_for(user, org)
    predecessors = list(
        org.successions_in.select_related("predecessor")
        .annotate(other_readable=readable_annotation(user, "predecessor__"))
        .order_by("-effective_on", "id")
    )
    successors = list(
        org.successions_out.select_related("successor")
        .annotate(other_readable=readable_annotation(user, "successor__"))
        .order_by("-effective_on", "id")
    )
    moves = list(
        org.moves.select_related("from_superior", "to_superior", "moved_by").annotate(
            from_readable=readable_annotation(user, "from_superior__"),
            to_readable=readable_annotation(user, "to_superior__"),
        )
    )
    committees = Committee.objects.order_by("kind", "id")
    figures = member_figures()
    if figures is not None:  # the seats (members.links), in the order they are listed
        committees = committees.prefetch_related(Prefetch("seats", queryset=figures.seats()))
    terms = list(
        org.terms.prefetch_related(Prefetch("committees", queryset=committees)).order_by(
            "-starts_on", "-id"
        )
    )
    term = current_term(terms, today)
    for t in terms:
        for committee in t.committees.all():
            for seat in committee.seats.all():
                seat.ended = seat.ends_on is not None and seat.ends_on < today
    return OrganizationPage(
        org=org,
        breadcrumbs=breadcrumbs_for(user, org),
        subordinates=subordinates,
        active_members=active_members,
        predecessors=predecessors,
        successors=successors,
        moves=moves,
        terms=terms,
        current_term=term,
        current_committees=list(term.committees.all()) if term else [],
        residential_units=list(org.residential_units.order_by("name", "id")),
        model_years=list(org.model_years.order_by("-year")),
    )


def move_targets_for(user: "AnyUser", org: Organization) -> QuerySet[Organization]:
    """Where `org` could be moved (ORG-01): managed organizations of a kind that may
    hold it, outside its own subtree, not dissolved, other than its current superior."""
    holder_kinds = [kind for kind, allowed in ALLOWED_CHILDREN.items() if org.kind in allowed]
    superior_path = org.path[: -Organization.steplen]
    return (
        writable_organizations_for(user)
        .filter(kind__in=holder_kinds, dissolved_on__isnull=True)
        .exclude(path__startswith=org.path)
        .exclude(path=superior_path)
        .order_by("path")
    )


def committee_for(org: Organization, pk: int) -> Committee:
    """A committee of `org` (already read through get_organization_for), or 404."""
    return get_object_or_404(
        Committee.objects.filter(organization=org).select_related("term", "organization"), pk=pk
    )


def superior_of(org: Organization) -> Organization | None:
    """The organization directly above `org` (None for a root)."""
    return Organization.objects.get_parent(org)


def get_unit_of(org: Organization, pk: int) -> ResidentialUnit:
    """One of the organization's residential units (404 for a unit of another cell)."""
    return get_object_or_404(ResidentialUnit.objects.filter(cell=org), pk=pk)
