"""Data quality of the register: every check is one SQL query over the
user's scope, so the page and its XLSX export cost the same for 10 or 100,000 members.

- members without a citizen ID (MEM-01);
- likely duplicates: same folded name and same date of birth (GROUP BY);
- impossible dates: admitted before 18 (ADM-01), full membership earlier than 12 months
  after admission (PRB-01) or before it, dates in the future (MEM-02) — the same rules as
  members.services.profile.date_errors, written as SQL;
- cells with fewer than 3 full members (ORG-02), counted over current home memberships.
"""

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organizations.enums import CELL_KINDS
from organizations.models import Organization
from organizations.queries import organizations_for

from ..enums import ACTIVE_STATUSES, MembershipKind, MemberStatus
from ..models import Member
from .register import members_for

if TYPE_CHECKING:
    from accounts.scope import RequestUser

MIN_FULL_MEMBERS = 3  # ORG-02
SHOWN = 200  # rows shown per list on the page; the export has them all

# Reasons a member's dates are impossible, in the order they are shown.
DATE_PROBLEMS = (
    ("born_in_future", _("Ngày sinh ở tương lai")),
    ("admitted_in_future", _("Ngày vào Đảng ở tương lai")),
    ("full_in_future", _("Ngày chính thức ở tương lai")),
    ("admitted_under_18", _("Vào Đảng khi chưa đủ 18 tuổi (ADM-01)")),
    ("full_before_admission", _("Ngày chính thức trước ngày vào Đảng")),
    ("full_within_12_months", _("Chính thức chưa đủ 12 tháng sau khi vào Đảng (PRB-01)")),
)


def _ymd(field: str) -> Any:
    """A date as the integer yyyymmdd: differences of these compare full years."""
    return ExtractYear(field) * 10000 + ExtractMonth(field) * 100 + ExtractDay(field)


def _flag(condition: Q) -> Case:
    return Case(
        When(condition, then=Value(True)), default=Value(False), output_field=BooleanField()
    )


def scoped_members(
    user: "RequestUser", organization: "Organization | None" = None
) -> QuerySet[Member]:
    qs = members_for(user)
    if organization is not None:
        qs = qs.filter(organization.subtree_q("organization__"))
    return qs


def without_citizen_id(qs: QuerySet[Member]) -> QuerySet[Member]:
    """Active members with no citizen ID (CCCD, collected nationally since 2025: MEM-01)."""
    return (
        qs.filter(status__in=ACTIVE_STATUSES)
        .filter(Q(citizen_id__isnull=True) | Q(citizen_id=""))
        .select_related("organization")
        .order_by("sort_key", "id")
    )


def duplicate_groups(qs: QuerySet[Member]) -> QuerySet[Any, Any]:
    """(search_name, date_of_birth, n) for each name and birth date held by 2+ members."""
    return (
        qs.order_by()
        .values("search_name", "date_of_birth")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .order_by("search_name", "date_of_birth")
    )


def likely_duplicates(qs: QuerySet[Member]) -> QuerySet[Member]:
    """Members sharing the folded name and date of birth with another member in scope,
    ordered so that each group's members are together."""
    twin = qs.filter(
        search_name=OuterRef("search_name"), date_of_birth=OuterRef("date_of_birth")
    ).exclude(pk=OuterRef("pk"))
    return (
        qs.filter(Exists(twin))
        .select_related("organization")
        .order_by("search_name", "date_of_birth", "sort_key", "id")
    )


def impossible_dates(qs: QuerySet[Member], today: date | None = None) -> QuerySet[Member]:
    """Members with at least one impossible date, each reason an annotated flag."""
    today = today or timezone.localdate()
    flags = {
        "born_in_future": Q(date_of_birth__gt=today),
        "admitted_in_future": Q(admitted_on__gt=today),
        "full_in_future": Q(full_member_on__gt=today),
        # ADM-01: yyyymmdd(admitted) - yyyymmdd(born) < 180000 <=> under 18 full years.
        "admitted_under_18": Q(admitted_on__isnull=False, age_at_admission__lt=180000),
        "full_before_admission": Q(
            admitted_on__isnull=False,
            full_member_on__isnull=False,
            full_member_on__lt=F("admitted_on"),
        ),
        # PRB-01: fewer than 12 full months <=> months*100 + day difference < 1200.
        "full_within_12_months": Q(
            admitted_on__isnull=False,
            full_member_on__isnull=False,
            full_member_on__gte=F("admitted_on"),
            probation_span__lt=1200,
        ),
    }
    annotated = qs.annotate(
        age_at_admission=_ymd("admitted_on") - _ymd("date_of_birth"),
        probation_span=(
            (ExtractYear("full_member_on") * 12 + ExtractMonth("full_member_on"))
            - (ExtractYear("admitted_on") * 12 + ExtractMonth("admitted_on"))
        )
        * 100
        + ExtractDay("full_member_on")
        - ExtractDay("admitted_on"),
    )
    annotated = annotated.annotate(**{name: _flag(q) for name, q in flags.items()})
    any_problem = Q()
    for name in flags:
        any_problem |= Q(**{name: True})
    return annotated.filter(any_problem).select_related("organization").order_by("sort_key", "id")


def date_problem_labels(member: Member) -> list[str]:
    return [str(label) for name, label in DATE_PROBLEMS if getattr(member, name, False)]


def small_cells(
    user: "RequestUser", organization: "Organization | None" = None
) -> QuerySet[Organization]:
    """ORG-02: cells (cell, grassroots cell) in scope with fewer than 3 full members, counted
    over current home memberships of members whose status is full; one aggregate query."""
    orgs = organizations_for(user).filter(kind__in=CELL_KINDS, dissolved_on__isnull=True)
    if organization is not None:
        orgs = orgs.filter(organization.subtree_q())
    full = Q(
        memberships__kind=MembershipKind.HOME,
        memberships__ends_on__isnull=True,
        memberships__member__status=MemberStatus.FULL,
    )
    cells: QuerySet[Organization] = (
        orgs.annotate(full_members=Count("memberships__member", filter=full, distinct=True))
        .filter(full_members__lt=MIN_FULL_MEMBERS)
        .order_by("path")
    )
    return cells


@dataclass
class QualityReport:
    without_citizen_id: list[Any]
    without_citizen_id_count: int
    duplicates: list[Any]
    duplicate_count: int  # members
    duplicate_group_count: int
    impossible: list[Any]
    impossible_count: int
    small_cells: list[Any]
    small_cell_count: int


def _head(qs: QuerySet[Any], limit: int) -> tuple[list[Any], int]:
    rows = list(qs[: limit + 1])
    if len(rows) <= limit:
        return rows, len(rows)
    return rows[:limit], qs.count()


def quality_report(
    user: "RequestUser", organization: "Organization | None" = None, limit: int = SHOWN
) -> QualityReport:
    """The data quality page: four lists with their counts, at most ~10 queries."""
    qs = scoped_members(user, organization)
    missing, missing_count = _head(without_citizen_id(qs), limit)
    duplicates, duplicate_count = _head(likely_duplicates(qs), limit)
    impossible, impossible_count = _head(impossible_dates(qs), limit)
    for member in impossible:
        member.problems = date_problem_labels(member)
    cells = list(small_cells(user, organization))
    return QualityReport(
        without_citizen_id=missing,
        without_citizen_id_count=missing_count,
        duplicates=duplicates,
        duplicate_count=duplicate_count,
        duplicate_group_count=duplicate_groups(qs).count(),
        impossible=impossible,
        impossible_count=impossible_count,
        small_cells=cells,
        small_cell_count=len(cells),
    )
