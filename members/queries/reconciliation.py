"""Quarterly reconciliation of member counts (MEM-03), all in SQL aggregates.

For an organization and a quarter, one row for the organization's own (direct) members
and one row per direct subordinate (its whole subtree):

- members at the start: home memberships in force at the end of the day before the
  quarter starts;
- movements in the quarter from the status events (MEM-02): admitted (admitted and
  re-admitted), transferred in, transferred out, left (struck off, expelled, resigned,
  deceased);
- members at the end: home memberships in force at the end of the quarter's last day,
  probationary and full;
- the check start + admitted + in − out − left = end, flagged where it fails (memberships
  edited without a status event, events without memberships).

"In force at the end of day D" means started on or before D and not ended on or before D:
a membership whose last day is D (the member left or moved on D) no longer counts at the
end of D, just as its event counts as a movement of the quarter that contains D.

The matching between this level and the level below: the organization's total (distinct
members of the whole subtree) must equal its direct members plus the sum of its
subordinates' totals; a member counted in two places at once (overlapping home
memberships) breaks it and is flagged.

Queries: the subordinates (1), membership counts grouped by branch (1), subtree totals
(1), event counts grouped by branch (1): four, whatever the size of the data. A branch
is the path prefix of the direct subordinate (treebeard materialized path), so grouping
by `Substr(path, 1, (depth + 1) × steplen)` puts every row of a subtree under its
subordinate and the organization's own rows under its own (shorter) path.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Substr
from django.utils.translation import gettext as _

from organizations.models import Organization

from ..enums import EventKind, MembershipKind, MemberStatus
from ..models import MemberEvent, Membership

E = EventKind
OPENING_EVENTS = (E.ADMITTED, E.READMITTED, E.TRANSFER_IN)
CLOSING_EVENTS = (E.TRANSFER_OUT, E.STRUCK_OFF, E.EXPELLED, E.RESIGNED, E.DECEASED)
QUARTERS = (1, 2, 3, 4)


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    """First and last day of the quarter."""
    if quarter not in QUARTERS:
        raise ValueError(quarter)
    first = date(year, 3 * quarter - 2, 1)
    following = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return first, following - timedelta(days=1)


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


# Counted columns, in the order of the table (and of the XLSX sheet).
MOVEMENTS: tuple[str, ...] = (
    "admitted",
    "transferred_in",
    "transferred_out",
    "struck_off",
    "expelled",
)
MOVEMENTS += ("resigned", "deceased")
LEFT = ("struck_off", "expelled", "resigned", "deceased")


@dataclass
class ReconciliationRow:
    organization: Organization | None  # None for the organization's own members
    path: str
    label: str
    start: int = 0
    admitted: int = 0
    transferred_in: int = 0
    transferred_out: int = 0
    struck_off: int = 0
    expelled: int = 0
    resigned: int = 0
    deceased: int = 0
    end: int = 0
    end_probationary: int = 0
    end_full: int = 0

    @property
    def left(self) -> int:
        return sum(getattr(self, name) for name in LEFT)

    @property
    def expected_end(self) -> int:
        return self.start + self.admitted + self.transferred_in - self.transferred_out - self.left

    @property
    def balanced(self) -> bool:
        """MEM-03: start + admitted + in − out − left = end."""
        return self.expected_end == self.end

    @property
    def difference(self) -> int:
        return self.end - self.expected_end

    def add(self, other: "ReconciliationRow") -> None:
        for name in ("start", *MOVEMENTS, "end", "end_probationary", "end_full"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Reconciliation:
    organization: Organization
    year: int
    quarter: int
    starts_on: date
    ends_on: date
    own: ReconciliationRow
    subordinates: list[ReconciliationRow]
    total: ReconciliationRow  # the sum of the rows above
    subtree_start: int = 0  # distinct members of the whole subtree, counted independently
    subtree_end: int = 0
    rows: list[ReconciliationRow] = field(default_factory=list)

    @property
    def level_matches(self) -> bool:
        """MEM-03: the organization's total equals its own members plus its subordinates'."""
        return self.subtree_start == self.total.start and self.subtree_end == self.total.end

    @property
    def balanced(self) -> bool:
        return all(row.balanced for row in self.rows) and self.total.balanced

    @property
    def ok(self) -> bool:
        return self.balanced and self.level_matches


def _in_force_at_end_of(day: date) -> Q:
    return Q(starts_on__lte=day) & (Q(ends_on__isnull=True) | Q(ends_on__gt=day))


def _full_at(day: date) -> tuple[Case, Subquery]:
    """1 if the member was a full member at `day` (their last admission or full-membership
    event by then is the full membership; without events, the profile's dates)."""
    last = (
        MemberEvent.objects.filter(
            member=OuterRef("member"),
            kind__in=(E.ADMITTED, E.READMITTED, E.FULL_MEMBERSHIP),
            on__lte=day,
        )
        .order_by("-on", "-id")
        .values("kind")[:1]
    )
    return Case(
        When(last_kind=E.FULL_MEMBERSHIP, then=Value(True)),
        When(last_kind__isnull=False, then=Value(False)),
        When(member__full_member_on__lte=day, then=Value(True)),
        When(
            member__full_member_on__isnull=True,
            member__status=MemberStatus.FULL,
            then=Value(True),
        ),
        default=Value(False),
        output_field=BooleanField(),
    ), Subquery(last)


def reconcile(
    organization: Organization, year: int, quarter: int, subordinates: list[Organization]
) -> Reconciliation:
    """MEM-03 for `organization` in the quarter; `subordinates` are its direct subordinates
    as the user may read them (organizations.queries.children_for)."""
    first, last = quarter_bounds(year, quarter)
    before = first - timedelta(days=1)
    prefix_len = (organization.depth + 1) * Organization.steplen
    in_subtree = Q(organization__path__startswith=organization.path)

    own = ReconciliationRow(
        None, organization.path, _("Sinh hoạt trực tiếp tại %(org)s") % {"org": organization}
    )
    by_path = {organization.path: own}
    rows = [own]
    for child in subordinates:
        row = ReconciliationRow(child, child.path, str(child))
        by_path[child.path] = row
        rows.append(row)

    # Membership counts per branch (one query).
    start_q, end_q = _in_force_at_end_of(before), _in_force_at_end_of(last)
    full_case, last_kind = _full_at(last)
    memberships = (
        Membership.objects.filter(in_subtree, kind=MembershipKind.HOME)
        .filter(start_q | end_q)
        .annotate(last_kind=last_kind)
        .annotate(full=full_case)
    )
    for values in (
        memberships.annotate(branch=Substr("organization__path", 1, prefix_len))
        .order_by()
        .values("branch")
        .annotate(
            start=Count("member", filter=start_q, distinct=True),
            end=Count("member", filter=end_q, distinct=True),
            end_full=Count("member", filter=end_q & Q(full=True), distinct=True),
        )
    ):
        branch_row = by_path.get(values["branch"])
        if branch_row is not None:
            branch_row.start, branch_row.end = values["start"], values["end"]
            branch_row.end_full = values["end_full"]
            branch_row.end_probationary = values["end"] - values["end_full"]

    # The subtree counted as a whole, independently of the branches (one query).
    whole = memberships.aggregate(
        start=Count("member", filter=start_q, distinct=True),
        end=Count("member", filter=end_q, distinct=True),
    )

    # Movements per branch (one query). An event is placed where the membership it opened
    # or closed is: the joined organization for admissions and transfers in, the
    # organization of the home membership that ended that day for the others.
    closed_path = (
        Membership.objects.filter(
            member=OuterRef("member"), kind=MembershipKind.HOME, ends_on=OuterRef("on")
        )
        .order_by("-id")
        .values("organization__path")[:1]
    )
    events = (
        MemberEvent.objects.filter(
            on__gte=first, on__lte=last, kind__in=OPENING_EVENTS + CLOSING_EVENTS
        )
        .annotate(
            place=Case(
                When(kind__in=OPENING_EVENTS, then=F("organization__path")),
                default=Coalesce(Subquery(closed_path), F("organization__path")),
                output_field=CharField(),
            )
        )
        .filter(place__startswith=organization.path)
        .annotate(branch=Substr("place", 1, prefix_len))
        .order_by()
        .values("branch")
        .annotate(
            admitted=Count("pk", filter=Q(kind__in=(E.ADMITTED, E.READMITTED))),
            transferred_in=Count("pk", filter=Q(kind=E.TRANSFER_IN)),
            transferred_out=Count("pk", filter=Q(kind=E.TRANSFER_OUT)),
            struck_off=Count("pk", filter=Q(kind=E.STRUCK_OFF)),
            expelled=Count("pk", filter=Q(kind=E.EXPELLED)),
            resigned=Count("pk", filter=Q(kind=E.RESIGNED)),
            deceased=Count("pk", filter=Q(kind=E.DECEASED)),
        )
    )
    for moved in events:
        branch_row = by_path.get(moved["branch"])
        if branch_row is not None:
            for name, count in moved.items():
                if name in MOVEMENTS:
                    setattr(branch_row, name, count)

    total = ReconciliationRow(
        organization, organization.path, _("Cộng %(org)s") % {"org": organization}
    )
    for row in rows:
        total.add(row)
    return Reconciliation(
        organization=organization,
        year=year,
        quarter=quarter,
        starts_on=first,
        ends_on=last,
        own=own,
        subordinates=rows[1:],
        total=total,
        subtree_start=whole["start"],
        subtree_end=whole["end"],
        rows=rows,
    )
