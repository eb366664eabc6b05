"""What members lends to the apps below it, registered in MembersConfig.ready():

- organizations.links.MemberFigures: the active members of each branch and the committee
  seats, for the organization page (organizations imports nothing of members).
- accounts.links.MemberRecords: the member record an account logs in as (the member
  role), for the user administration screens (accounts imports nothing of members).
"""

from __future__ import annotations

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Substr

from organizations.models import Organization

from .enums import ACTIVE_STATUSES, SeatRole
from .models import CommitteeSeat, Member
from .services.profile import link_account

# The order a committee is listed in: secretary, deputy, standing, member.
SEAT_ROLE_ORDER = tuple(SeatRole.values)


class OrganizationFigures:
    """organizations.links.MemberFigures."""

    def active_member_counts(self, org: Organization) -> dict[str, int]:
        """Active members in each branch under `org` and in `org` itself, one SQL aggregate.

        Keys are the paths of `org` (its own members) and of its direct subordinates
        (their whole subtree). Statistics stay in SQL: Count grouped by the path prefix.
        """
        prefix_len = (org.depth + 1) * Organization.steplen
        rows = (
            Member.objects.filter(
                organization__path__startswith=org.path, status__in=ACTIVE_STATUSES
            )
            .annotate(branch=Substr("organization__path", 1, prefix_len))
            .order_by()
            .values("branch")
            .annotate(n=Count("pk"))
        )
        return {row["branch"]: row["n"] for row in rows}

    def seats(self) -> QuerySet[CommitteeSeat]:
        order = Case(
            *[When(role=role, then=Value(index)) for index, role in enumerate(SEAT_ROLE_ORDER)],
            default=Value(len(SEAT_ROLE_ORDER)),
            output_field=IntegerField(),
        )
        return (
            CommitteeSeat.objects.select_related("member")
            .annotate(role_order=order)
            .order_by("role_order", "starts_on", "id")
        )


class AccountRecords:
    """accounts.links.MemberRecords."""

    def linkable(self, organization_id: int, user) -> QuerySet[Member]:
        """The members of the organization not linked to another account."""
        return Member.objects.filter(organization_id=organization_id).filter(
            Q(user__isnull=True) | Q(user=user)
        )

    def none(self) -> QuerySet[Member]:
        return Member.objects.none()

    def of_account(self, user) -> Member | None:
        return Member.objects.filter(user=user).select_related("organization").first()

    def link(self, member: Member, *, user, by) -> None:
        link_account(member, user=user, by=by)
