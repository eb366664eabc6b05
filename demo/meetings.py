"""`manage.py seed_meetings`: a year of cell meetings with attendance, for the demo.

For every cell (chi bộ) of the demo province active in the year, the generator writes the
periodic monthly meetings (MTG-01), one thematic meeting per quarter (MTG-02) and an
attendance row for every member of the cell on each meeting date, read from the dated
memberships (members.queries.membership_on semantics: home memberships, plus temporary
members hosted by the cell; members away on a temporary transfer are excused there, and
exempted members are "exempt", EXM-02).

Realistic, and deterministic (one random.Random per cell, seeded by seed, year and cell):

- how regularly a cell meets depends on its category (ORG-03), around the seed figures
  (village and block cells: 12 kỳ in about 36% of cells, 9–11 in about 47%; agencies and
  schools more regular; private enterprises less): a month without a meeting has its
  periodic meeting cancelled (with a reason) or left planned and never held;
- 85% of the quarters have their thematic meeting;
- each cell has an attendance level between 80% and 95%, each member a propensity
  around it; a share of absences is unexcused; armed-forces members absent on duty are
  marked on special duty;
- nothing after today is held: later meetings stay planned (no attendance).

Rows are written with core.bulk (one INSERT … executemany on SQLite, COPY on
PostgreSQL) in batches of about `batch_size` attendance rows, one transaction per batch,
with their django-simple-history rows unless `history=False`; on PostgreSQL the two
tables are ANALYZEd at the end. A cell that already has meetings in the year is
skipped, so running the command twice adds nothing.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import connection, reset_queries, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from core import bulk
from meetings.enums import AttendanceStatus, MeetingKind, MeetingState
from meetings.models import Attendance, Meeting
from members.enums import MembershipKind, MemberStatus
from members.models import Exemption, Member, Membership
from organizations.enums import CELL_KINDS, CellCategory
from organizations.models import Organization

from .builders import demo_root
from .meetings_tables import (
    CANCEL_REASONS,
    CANCELLED_SHARE,
    DEFAULT_REGULARITY,
    EXCUSED_REASONS,
    EXEMPT_ATTENDING,
    PLACES,
    REGULARITY,
    SPECIAL_DUTY_OF_ABSENCES,
    THEMATIC_SHARE,
    TOPICS,
    UNEXCUSED_OF_ABSENCES,
)

S = AttendanceStatus
C = CellCategory
SEED = 1930
BATCH_SIZE = 50_000

MEETING_COLUMNS = [f.attname for f in Meeting._meta.concrete_fields]
ATTENDANCE_COLUMNS = [
    "id",
    "meeting_id",
    "member_id",
    "status",
    "reason",
    "on_special_duty",
    "temporary",
    "away",
    "exempted",
    "full_member",
    "suspended",
    "recorded_at",
]
MEETINGS = bulk.Table(Meeting, MEETING_COLUMNS)
ATTENDANCES = bulk.Table(Attendance, ATTENDANCE_COLUMNS)


@dataclass
class Result:
    cells: int = 0
    skipped: int = 0
    meetings: int = 0
    held: int = 0
    attendances: int = 0


@dataclass
class Stay:
    """A membership overlapping the year: member, kind, first and last day."""

    member_id: int
    kind: str
    starts_on: date
    ends_on: date  # date.max when open

    def on(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


@dataclass
class CellPlan:
    org: dict
    meetings: list = field(default_factory=list)  # dicts of Meeting columns
    attendances: list = field(default_factory=list)  # (meeting index, tuple without ids)


def demo_cells(year: int, *, everything: bool = False) -> QuerySet[Organization]:
    """Cells active in `year`: of the demo province (demo.builders.demo_root), or all."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    qs = Organization.objects.filter(kind__in=CELL_KINDS).filter(
        Q(established_on__isnull=True) | Q(established_on__lte=end),
        Q(dissolved_on__isnull=True) | Q(dissolved_on__gte=start),
    )
    if not everything:
        root = demo_root()
        if root is None:
            return qs.none()
        qs = qs.filter(root.subtree_q())
    return qs.order_by("path")


def _in_any(ranges, day: date) -> bool:
    for starts, ends in ranges:
        if starts <= day <= ends:
            return True
    return False


class Generator:
    def __init__(self, year: int, cells: QuerySet[Organization], *, seed: int, today: date):
        self.year = year
        self.seed = seed
        self.today = today
        self.start, self.end = date(year, 1, 1), date(year, 12, 31)
        self.cells = list(cells.values("pk", "category", "established_on", "dissolved_on", "kind"))
        ids = [c["pk"] for c in self.cells]
        overlapping = Q(starts_on__lte=self.end) & (
            Q(ends_on__isnull=True) | Q(ends_on__gte=self.start)
        )
        memberships = Membership.objects.filter(overlapping, organization_id__in=ids)
        self.stays: dict[int, list[Stay]] = defaultdict(list)
        for member_id, org_id, kind, starts, ends in memberships.values_list(
            "member_id", "organization_id", "kind", "starts_on", "ends_on"
        ).order_by():
            self.stays[org_id].append(Stay(member_id, kind, starts, ends or date.max))
        # Members away on a temporary transfer (anywhere) during the year.
        self.temporary_elsewhere: dict[int, list] = defaultdict(list)
        for member_id, org_id, starts, ends in (
            Membership.objects.filter(overlapping, kind=MembershipKind.TEMPORARY)
            .values_list("member_id", "organization_id", "starts_on", "ends_on")
            .order_by()
        ):
            self.temporary_elsewhere[member_id].append((org_id, starts, ends or date.max))
        self.exemptions: dict[int, list] = defaultdict(list)
        for member_id, starts, ends in (
            Exemption.objects.filter(overlapping).values_list("member_id", "starts_on", "ends_on")
        ).order_by():
            self.exemptions[member_id].append((starts, ends or date.max))
        self.members = {
            pk: (status, full_on, armed)
            for pk, status, full_on, armed in Member.objects.filter(
                pk__in=memberships.values("member_id")
            ).values_list("pk", "status", "full_member_on", "armed_forces")
        }

    # -- one cell --------------------------------------------------------------

    def plan(self, cell: dict) -> CellPlan:
        rng = random.Random(f"{self.seed}-{self.year}-{cell['pk']}")
        first = max(self.start, cell["established_on"] or self.start)
        last = min(self.end, cell["dissolved_on"] or self.end)
        months = [
            m
            for m in range(1, 13)
            if date(self.year, m, 1) <= last and _month_end(self.year, m) >= first
        ]
        plan = CellPlan(cell)
        if not months:
            return plan
        category = cell["category"]
        full, mid = REGULARITY.get(category, DEFAULT_REGULARITY)
        n = len(months)
        draw = rng.random()
        low_top = -(-3 * n // 4) - 1  # the highest count still under three quarters
        if draw < full or n < 3:
            held_count = n
        elif draw < full + mid:
            held_count = rng.randint(low_top + 1, n - 1) if low_top + 1 <= n - 1 else n
        else:
            held_count = rng.randint(max(0, n // 2), max(0, low_top))
        held_months = set(rng.sample(months, held_count))
        habit = rng.randint(3, 22)
        level = rng.uniform(0.80, 0.95)
        unexcused_share = rng.uniform(*UNEXCUSED_OF_ABSENCES)
        evening = category in (C.RURAL_VILLAGE, C.URBAN_BLOCK)
        propensity: dict[int, float] = {}

        def day_in(month: int, wanted: int) -> date:
            end = _month_end(self.year, month)
            d = date(self.year, month, min(max(1, wanted), end.day))
            return min(max(d, first), last)

        for month in months:
            on = day_in(month, habit + rng.randint(-2, 2))
            if month in held_months:
                self._meeting(
                    plan, rng, MeetingKind.PERIODIC, on, evening, level, unexcused_share, propensity
                )
            else:
                self._meeting(
                    plan,
                    rng,
                    MeetingKind.PERIODIC,
                    on,
                    evening,
                    level,
                    unexcused_share,
                    propensity,
                    missed=True,
                )
        for quarter in range(4):
            in_quarter = [m for m in months if quarter * 3 < m <= quarter * 3 + 3]
            if not in_quarter or rng.random() > THEMATIC_SHARE:
                continue
            month = rng.choice(in_quarter)
            on = day_in(month, habit + rng.choice([-9, -8, 7, 8, 9]))
            self._meeting(
                plan,
                rng,
                MeetingKind.THEMATIC,
                on,
                evening,
                level,
                unexcused_share,
                propensity,
                topic=rng.choice(TOPICS),
            )
        return plan

    def _meeting(
        self,
        plan,
        rng,
        kind,
        on,
        evening,
        level,
        unexcused_share,
        propensity,
        *,
        missed=False,
        topic="",
    ):
        cell = plan.org
        held = not missed and on <= self.today
        state = MeetingState.HELD if held else MeetingState.PLANNED
        cancel_reason = ""
        if missed and on <= self.today and rng.random() < CANCELLED_SHARE:
            state, cancel_reason = MeetingState.CANCELLED, rng.choice(CANCEL_REASONS)
        starts_at = ends_at = None
        if held:
            starts_at = time(19, 30) if evening else time(rng.choice([8, 14]), 0)
            minutes = rng.randint(90, 150) if rng.random() > 0.1 else rng.randint(60, 85)
            ends_at = (datetime.combine(on, starts_at) + timedelta(minutes=minutes)).time()
        index = len(plan.meetings)
        plan.meetings.append(
            {
                "organization_id": cell["pk"],
                "kind": kind,
                "planned_on": on.isoformat(),
                "topic": topic,
                "state": state,
                "held_on": on.isoformat() if held else None,
                "starts_at": starts_at.isoformat() if starts_at else None,
                "ends_at": ends_at.isoformat() if ends_at else None,
                "place": PLACES.get(cell["category"], "Phòng họp cơ quan"),
                "cancel_reason": cancel_reason,
                "prepared_content": held and rng.random() < 0.85,
                "minutes_signed": held and rng.random() < 0.8,
                "resolution_carried_out": held and rng.random() < 0.75,
                "speakers": rng.randint(2, 8) if held else None,
            }
        )
        if held:
            self._attendance(plan, rng, index, on, level, unexcused_share, propensity)

    def _attendance(self, plan, rng, index, on, level, unexcused_share, propensity):
        cell = plan.org
        armed_cell = cell["category"] == C.ARMED_FORCES
        present_home = {}
        for stay in plan_stays(self.stays.get(cell["pk"], ()), on):
            if stay.kind == MembershipKind.HOME:
                present_home[stay.member_id] = False
            else:
                present_home.setdefault(stay.member_id, True)
        for member_id in sorted(present_home):
            temporary = present_home[member_id]
            status_, full_on, armed = self.members.get(member_id, ("", None, False))
            full_member = status_ == MemberStatus.FULL and (full_on is None or full_on <= on)
            exempted = _in_any(self.exemptions.get(member_id, ()), on)
            away = not temporary and any(
                org != cell["pk"] and s <= on <= e
                for org, s, e in self.temporary_elsewhere.get(member_id, ())
            )
            p = propensity.get(member_id)
            if p is None:
                p = propensity[member_id] = min(0.995, max(0.3, rng.gauss(level, 0.06)))
            special = False
            reason = ""
            if away:
                status, reason = S.EXCUSED, "Sinh hoạt tạm thời nơi khác"
            elif exempted:
                status = S.PRESENT if rng.random() < EXEMPT_ATTENDING else S.EXEMPT
            elif rng.random() < p:
                status = S.PRESENT
            elif rng.random() < unexcused_share:
                status = S.UNEXCUSED
            else:
                status = S.EXCUSED
                if (armed or armed_cell) and rng.random() < SPECIAL_DUTY_OF_ABSENCES:
                    special, reason = True, "Làm nhiệm vụ đặc biệt"
                else:
                    reason = rng.choice(EXCUSED_REASONS)
            plan.attendances.append(
                (index, member_id, status, reason, special, temporary, away, exempted, full_member)
            )

    # -- writing -------------------------------------------------------------

    def run(self, *, batch_size: int, history: bool, on_batch: Callable | None = None) -> Result:
        result = Result()
        existing = set(
            Meeting.objects.filter(
                organization_id__in=[c["pk"] for c in self.cells], planned_on__year=self.year
            ).values_list("organization_id", flat=True)
        )
        pending: list[CellPlan] = []
        size = 0
        for cell in self.cells:
            if cell["pk"] in existing:
                result.skipped += 1
                continue
            plan = self.plan(cell)
            result.cells += 1
            pending.append(plan)
            size += len(plan.attendances)
            if size >= batch_size:
                self._write(pending, result, history)
                pending, size = [], 0
                if on_batch:
                    on_batch(result)
        if pending:
            self._write(pending, result, history)
            if on_batch:
                on_batch(result)
        if result.meetings and connection.vendor == "postgresql":
            # A bulk load leaves the planner without statistics until autovacuum comes
            # round; the statistics queries would be planned for empty tables.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE meetings_meeting, meetings_attendance")
        return result

    def _write(self, plans: list[CellPlan], result: Result, history: bool) -> None:
        now = timezone.now()
        stamp = bulk.adapt_datetime(now)
        reset_queries()
        with transaction.atomic():
            count = sum(len(p.meetings) for p in plans)
            meeting_ids = iter(bulk.reserve_ids(MEETINGS, count))
            meeting_rows = []
            attendance_items = []
            for plan in plans:
                ids = []
                for m in plan.meetings:
                    pk = next(meeting_ids)
                    ids.append(pk)
                    values = {
                        **_MEETING_DEFAULTS,
                        **m,
                        "id": pk,
                        "created_at": stamp,
                        "updated_at": stamp,
                    }
                    meeting_rows.append(tuple(values[c] for c in MEETING_COLUMNS))
                    result.meetings += 1
                    result.held += m["state"] == MeetingState.HELD
                for index, *rest in plan.attendances:
                    attendance_items.append((ids[index], *rest))
            bulk.insert(MEETINGS, meeting_rows, history=history, now=now)
            attendance_ids = bulk.reserve_ids(ATTENDANCES, len(attendance_items))
            rows = [
                (
                    pk,
                    meeting_id,
                    member_id,
                    status,
                    reason,
                    special,
                    temporary,
                    away,
                    exempted,
                    full_member,
                    False,
                    stamp,
                )
                for pk, (
                    meeting_id,
                    member_id,
                    status,
                    reason,
                    special,
                    temporary,
                    away,
                    exempted,
                    full_member,
                ) in zip(attendance_ids, attendance_items, strict=True)
            ]
            bulk.insert(ATTENDANCES, rows, history=history, now=now)
            result.attendances += len(rows)


_MEETING_DEFAULTS = {
    "chair_id": None,
    "minute_taker_id": None,
    "news_and_directions": "",
    "ideological_situation": "",
    "review_of_tasks": "",
    "discussion": "",
    "conclusion": "",
    "self_rating": "",
    "version": 1,
}


def plan_stays(stays, on: date):
    return [s for s in stays if s.on(on)]


def _month_end(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def seed_meetings(
    *,
    year: int,
    cells: QuerySet[Organization] | None = None,
    seed: int = SEED,
    batch_size: int = BATCH_SIZE,
    history: bool = True,
    today: date,
    on_batch: Callable | None = None,
) -> Result:
    """Generate the year's meetings and attendance for `cells` (default: the demo's).

    Nothing after `today` is held; the caller says which day that is (the command takes it
    from `--today`, else the calendar in Viet Nam), so a run is the same on any machine."""
    if cells is None:
        cells = demo_cells(year)
    generator = Generator(year, cells, seed=seed, today=today)
    return generator.run(batch_size=batch_size, history=history, on_batch=on_batch)
