"""Party lives for demo members: admission, dated home memberships, status events,
transfers, exemptions and badges, through the one lifecycle of members.services.events.

A life draws the member's events; `plan_event` plans each of them as `record_event` would
had it been recorded on its day (MEM-02), and the plans give the member's status,
organization, dates and memberships: a home `Membership` opened by ADMITTED or TRANSFER_IN
and closed (last day inclusive) by TRANSFER_OUT or a leaving event; FULL_MEMBERSHIP 12
months after admission (PRB-01, PRB-03); a `Transfer` row in state "received" for every
transfer; temporary transfers (TRF-01) with a temporary membership in the host and
TEMPORARY_OUT / TEMPORARY_IN / TEMPORARY_RETURNED events; exemptions (EXM-01) with
EXEMPTION_STARTED / EXEMPTION_ENDED; and `party_age_from` (AGE-01). demo.lives_write
writes the plans with `write_plans`.

Where members come from:
- Most are admitted in their cell (ADM-01: at least 18 full years old, counted in
  months). Some were admitted elsewhere (university, the army, another district): an
  ADMITTED event with no organization and the place as counterpart, then a TRANSFER_IN
  from outside; older members of a cell founded after their admission joined it on the
  day it was founded.
- A few moved between two demo cells (TRANSFER_OUT, a few days' gap that AGE-01/TRF-02
  deduct from party age, TRANSFER_IN), before or after the 2025 reorganization.

The 2025 reorganization (ORG-01, 294-QĐ/TW). The district and everything under it is
dissolved on 30/06/2025; the two current communes start on 01/07/2025. The demo keeps
one set of people and moves them, as the register does:
- members of an old village or block cell whose village went to a current commune are
  transferred officially to the successor cell: home membership in the old cell ends on
  30/06/2025, the new one starts on 01/07/2025 (no gap, no loss of party age), with
  TRANSFER_OUT / TRANSFER_IN events and a Transfer row (reason "other");
- the current communes' own cells (agencies, police, military, health, schools) are
  staffed the same way from the dissolved cells of the same category;
- every other member of a dissolved cell is transferred out of the demo on 30/06/2025
  to the organization that took over (named in `Transfer.to_outside`): status
  "transferred out", membership ended on the dissolution date.
So every active member has exactly one open home membership, in an organization that is
not dissolved, and is counted there (members.queries.members_of).

A few members left (struck off, resigned, deceased: membership ended, status set); some
elders of village and block cells are exempted on grounds of age (past working age, poor
health and their own request, EXM-01), some women on maternity leave (dated); some
elderly members are seriously ill (early badges, BDG-01). Badges are presented on the
first presentation day after the party age reaches 30, 40, 45 … years; for about one
member in seven the latest badge has not been presented yet, so the badge list shows
both members due at the next presentation and members overdue.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from members.enums import EventKind as E
from members.enums import TransferReason as R
from members.rules import add_months, add_years, full_years
from members.services.events import Change, EventPlan, MemberState, plan_events
from organizations.enums import CellCategory as C

from .lives_events import DAY, RANK, LifeEventsMixin
from .people import RESIDENTIAL, TODAY, People, Person
from .tree import DISSOLVED

if TYPE_CHECKING:
    from members.models import Member

PROBATIONARY_SHARE = 0.10
PROBATIONARY_MAX_AGE = 45
# Share of members admitted somewhere else before joining their cell, by category
# (looked up by a cell's category, a str).
ADMITTED_ELSEWHERE: dict[str, float] = {
    C.RURAL_VILLAGE: 0.06,
    C.URBAN_BLOCK: 0.15,
    C.AGENCY: 0.45,
    C.PUBLIC_SERVICE: 0.40,
    C.STATE_ENTERPRISE: 0.35,
    C.PRIVATE_ENTERPRISE: 0.25,
    C.SCHOOL: 0.40,
    C.ARMED_FORCES: 0.50,
}
TRANSFER_BEFORE_SHARE = 0.03  # moved between two demo cells before reaching this one
TRANSFER_AFTER_SHARE = 0.012  # moved between two current cells after the reorganization
SERIOUSLY_ILL_SHARE = 0.15  # of members aged 75 and over

ADMISSION_PLACES = [
    "Chi bộ Đại đội 3, Tiểu đoàn 2, Trung đoàn 141, Quân khu 1",
    "Chi bộ Đại đội 1, Tiểu đoàn 1, Lữ đoàn 242, Quân khu 1",
    "Chi bộ sinh viên, Trường Đại học Sư phạm - Đại học Thái Nguyên",
    "Chi bộ sinh viên, Trường Đại học Nông Lâm - Đại học Thái Nguyên",
    "Chi bộ sinh viên, Học viện Hành chính Quốc gia",
    "Chi bộ Trường Cao đẳng Sư phạm Lạng Sơn",
    "Chi bộ học viên, Trường Cao đẳng Cảnh sát nhân dân I",
    "Chi bộ Đồn Biên phòng Bình Nghi, Bộ đội Biên phòng tỉnh Lạng Sơn",
]
OUTSIDE_ORGANIZATIONS = [
    "Đảng bộ huyện Văn Lãng, tỉnh Lạng Sơn",
    "Đảng bộ huyện Cao Lộc, tỉnh Lạng Sơn",
    "Đảng bộ thành phố Lạng Sơn",
    "Đảng bộ huyện Bình Gia, tỉnh Lạng Sơn",
    "Đảng bộ Quân sự tỉnh Lạng Sơn",
    "Đảng bộ Công an tỉnh Lạng Sơn",
    "Đảng bộ tỉnh Cao Bằng",
    "Đảng bộ huyện Thạch An, tỉnh Cao Bằng",
]
REORGANIZATION_NOTE = "Sắp xếp tổ chức đảng khi bỏ cấp huyện (294-QĐ/TW)."
LEAVING_REASONS = {
    E.STRUCK_OFF: "Bỏ sinh hoạt đảng 3 tháng trong năm không có lý do chính đáng (MTG-08).",
    E.RESIGNED: "Xin ra khỏi Đảng vì hoàn cảnh gia đình.",
    E.DECEASED: "Từ trần.",
}


@dataclass(eq=False)
class Cell:
    """What a life needs to know of a cell (from demo.tree nodes or from the database)."""

    id: int
    name: str
    category: str
    established_on: date
    dissolved_on: date | None = None
    predecessor: "Cell | None" = None
    superior: str = ""
    addresses: tuple[str, ...] = ()
    # Where its members went when it was dissolved, if not to a demo cell (to_outside).
    after_dissolution: str = ""

    @property
    def current(self) -> bool:
        return self.dissolved_on is None

    @property
    def group(self) -> str:
        return "residential" if self.category in RESIDENTIAL else self.category


class Home:
    """A home membership being planned: how it starts and how it ends."""

    __slots__ = ("cell", "starts_on", "ends_on", "came_from", "went_to", "founding")

    def __init__(
        self,
        cell: Cell,
        starts_on: date,
        came_from: Cell | str | None = None,
        founding: bool = False,
    ):
        self.cell = cell
        self.starts_on = starts_on
        self.ends_on: date | None = None
        # came_from: None (admitted here), a Cell (transfer in the demo) or a label.
        self.came_from = came_from
        self.founding = founding
        # went_to: None (open or left), a Cell, or a label (transferred out of the demo).
        self.went_to: Cell | str | None = None


class Life:
    """A member and the rows of their party life, before ids are given."""

    __slots__ = (
        "member",
        "homes",
        "events",
        "start",
        "plans",
        "transfers",
        "exemptions",
        "badges",
    )

    def __init__(self, member: Person):
        self.member: Person | Member = member  # a Member once the demo has written it
        self.homes: list[Home] = []
        # (on, rank, kind, organization_id, counterpart, document, reason)
        self.events: list[tuple] = []
        # The events planned by members.services.events.plan_event, from `start`.
        self.start = MemberState(date_of_birth=member.date_of_birth)
        self.plans: list[EventPlan] = []
        # Transfer columns after member_id, in demo.builders.TRANSFER_COLUMNS order.
        self.transfers: list[tuple] = []
        self.exemptions: list[tuple] = []
        self.badges: list[tuple] = []

    def home_on(self, day: date) -> Home | None:
        for home in self.homes:
            if home.starts_on <= day and (home.ends_on is None or day <= home.ends_on):
                return home
        return None


class Lives(LifeEventsMixin):
    """Draws party lives with the People's seeded random.Random."""

    def __init__(self, people: People, cells: list[Cell]):
        self.people = people
        self.rng: random.Random = people.rng
        self.old: dict[str, list[Cell]] = {}
        self.current: dict[str, list[Cell]] = {}
        for cell in cells:
            era = self.current if cell.current else self.old
            era.setdefault(cell.category, []).append(cell)
            era.setdefault(cell.group, [])
            if cell.group != cell.category:
                era[cell.group].append(cell)

    # -- helpers ----------------------------------------------------------------------
    def _between(self, lo: date, hi: date) -> date:
        return lo + timedelta(days=self.rng.randint(0, (hi - lo).days))

    def _doc(self, on: date, kind: str = "QĐ") -> str:
        body = "HU" if on <= DISSOLVED else "ĐU"
        return f"{self.rng.randint(1, 999)}-{kind}/{body}"

    def _other(self, cell: Cell, era: dict, group: str, founded_by: date) -> Cell | None:
        pool = era.get(group) or []
        choices = [c for c in pool if c is not cell and c.established_on <= founded_by]
        return self.rng.choice(choices) if choices else None

    # -- one life ---------------------------------------------------------------------
    def life(self, target: Cell, *, core: bool = False) -> Life:
        """A member whose party life ends (or goes on) in `target`.

        `core` members are full members who stay: every current cell gets three, so that
        it keeps at least 3 full members (ORG-02).
        """
        rng = self.rng
        member = self.people.person(
            target.id, target.category, rng.choice(target.addresses) if target.addresses else ""
        )
        life = Life(member)
        born = member.date_of_birth
        age = full_years(born, TODAY)
        final_end = target.dissolved_on or TODAY

        # ADM-01: admitted from 18 full years (counted in months) to 60.
        earliest = add_months(born, 18 * 12)
        latest_full = min(add_months(final_end, -12) - DAY, add_years(born, 60))
        probationary = not core and age < PROBATIONARY_MAX_AGE and rng.random() < PROBATIONARY_SHARE
        if probationary or earliest > latest_full:
            admitted = max(earliest, final_end - timedelta(days=rng.randint(15, 350)))
        else:
            top = max(18.5, min(full_years(born, latest_full), 55))
            years = rng.triangular(18, top, min(24, top))
            admitted = born + timedelta(days=int(years * 365.25))
            admitted = min(max(admitted, earliest), latest_full)
        member.admitted_on = admitted

        # A move between two current cells after the reorganization (not for core).
        via = None
        if not core and not probationary and target.current and rng.random() < TRANSFER_AFTER_SHARE:
            via = self._other(target, self.current, target.group, TODAY - timedelta(days=120))
        entry = via or target

        # The cells before: the old cell whose members went to `entry` on 01/07/2025.
        cells = [entry]
        if entry.current and entry.established_on > admitted:
            before = entry.predecessor or self._old_for(entry)
            if (
                before is not None
                and before.dissolved_on is not None
                and before.dissolved_on + DAY == entry.established_on
                and admitted <= before.dissolved_on - timedelta(days=90)
            ):
                cells = [before, entry]
        self._first_home(life, cells[0], admitted, cells[0].dissolved_on or TODAY)
        if len(cells) == 2:
            out_on = cells[0].dissolved_on
            assert out_on is not None  # `before` above
            self._move(life, cells[1], out_on, reorganization=True)
        if via is not None:
            lo = max(life.homes[-1].starts_on + timedelta(days=45), add_months(admitted, 13))
            hi = TODAY - timedelta(days=30)
            if lo <= hi:
                self._move(life, target, self._between(lo, hi))

        if target.dissolved_on is not None:
            life.homes[-1].ends_on = target.dissolved_on
            life.homes[-1].went_to = target.after_dissolution

        left = None if core else self._leaving(life, age, final_end)
        full_on = add_months(admitted, 12)  # PRB-01, PRB-03
        end_active = left[1] if left else final_end
        if full_on <= end_active:
            member.full_member_on = full_on
        if member.full_member_on:
            member.card_number = self.people.card_number()
        member.file_number = f"{rng.randrange(1, 100_000):05d}-{admitted.year}"

        self._write_homes(life, left)
        if left is None and target.dissolved_on is None:  # still active
            self._temporary(life, age)
            self._exemptions(life, age, target)
            if age >= 75 and rng.random() < SERIOUSLY_ILL_SHARE:
                member.seriously_ill = True
        life.events.sort(key=lambda e: (e[0], e[1]))
        self._plan(life)
        self._badges(life, end_active)
        return life

    @staticmethod
    def _plan(life: Life) -> None:
        """Plan the drawn events (members.services.events.plan_event); the member's status,
        organization, exemption and party age are those the plans leave."""
        changes = []
        for on, _rank, kind, org, counterpart, document, reason in life.events:
            departure = kind in (E.TRANSFER_OUT, E.TEMPORARY_OUT)  # from the member's own
            changes.append(
                Change(
                    kind,
                    on,
                    None if departure else org,
                    counterpart=counterpart,
                    document=document,
                    reason=reason,
                    admitted_elsewhere=kind == E.ADMITTED and org is None,
                )
            )
        life.plans = plan_events(life.start, changes, today=TODAY)
        final = life.plans[-1].after
        member = life.member
        member.status = final.status
        assert final.organization_id is not None  # every life has a home
        member.organization_id = final.organization_id
        member.admitted_on, member.full_member_on = final.admitted_on, final.full_member_on
        member.exempted = final.exempted
        member.party_age_from = life.plans[-1].party_age_from

    def _old_for(self, cell: Cell) -> Cell | None:
        """An old cell of the same category, for a current cell with no predecessor."""
        pool = self.old.get(cell.category) or self.old.get(cell.group) or []
        return self.rng.choice(pool) if pool else None

    def _first_home(self, life: Life, cell: Cell, admitted: date, bound: date) -> None:
        """Admitted here, or admitted elsewhere and transferred in (maybe via a demo cell)."""
        rng = self.rng
        if cell.established_on <= admitted and rng.random() >= ADMITTED_ELSEWHERE.get(
            cell.category, 0.3
        ):
            if rng.random() < TRANSFER_BEFORE_SHARE:
                era = self.current if cell.current else self.old
                other = self._other(cell, era, cell.group, admitted)
                lo = max(add_months(admitted, 13), cell.established_on)
                hi = bound - timedelta(days=90)
                if other is not None and lo <= hi:
                    life.homes.append(Home(other, admitted))
                    self._move(life, cell, self._between(lo, hi))
                    return
            life.homes.append(Home(cell, admitted))
            return
        # Admitted elsewhere.
        lo = max(cell.established_on, admitted + timedelta(days=30))
        hi = bound - timedelta(days=60)
        if cell.established_on > admitted and rng.random() < 0.6 and cell.established_on <= hi:
            label = f"{cell.superior}, trước khi thành lập {cell.name}"
            life.homes.append(Home(cell, cell.established_on, label, founding=True))
        elif lo <= hi:
            life.homes.append(Home(cell, self._between(lo, hi), rng.choice(OUTSIDE_ORGANIZATIONS)))
        else:
            starts = max(cell.established_on, admitted + DAY)
            life.homes.append(Home(cell, starts, rng.choice(OUTSIDE_ORGANIZATIONS)))

    def _move(self, life: Life, to: Cell, out_on: date, *, reorganization: bool = False) -> None:
        """TRANSFER_OUT on `out_on`, TRANSFER_IN a few days later (the next day for 2025)."""
        last = life.homes[-1]
        last.ends_on = out_on
        last.went_to = to
        gap = 1 if reorganization else self.rng.randint(3, 20)
        home = Home(to, out_on + timedelta(days=gap), last.cell)
        home.founding = reorganization  # marks the reorganization transfer
        life.homes.append(home)

    def _leaving(self, life: Life, age: int, final_end: date) -> tuple[E, date] | None:
        rng = self.rng
        r = rng.random()
        dead = 0.003 + (0.05 if age >= 70 else 0) + (0.07 if age >= 80 else 0)
        struck = 0.008 if age < 65 else 0.0
        if r < dead:
            kind, span = E.DECEASED, 6
        elif r < dead + struck:
            kind, span = E.STRUCK_OFF, 8
        elif r < dead + struck + 0.003:
            kind, span = E.RESIGNED, 8
        else:
            return None
        first = life.homes[0].starts_on
        lo = max(first + timedelta(days=60), add_years(final_end, -span))
        hi = final_end - DAY
        if lo > hi:
            return None
        on = self._between(lo, hi)
        home = life.home_on(on)
        if home is None:  # in a transfer gap: leave it be
            return None
        life.homes = life.homes[: life.homes.index(home) + 1]
        home.ends_on, home.went_to = on, None
        return kind, on

    # -- rows from the plan -------------------------------------------------------------
    def _write_homes(self, life: Life, left) -> None:
        rng = self.rng
        member = life.member
        events = life.events
        admitted = member.admitted_on
        assert admitted is not None  # life() sets it first
        first = life.homes[0]
        if first.came_from is None:
            events.append((admitted, 0, E.ADMITTED, first.cell.id, "", self._doc(admitted), ""))
            admitted_at = first.cell.id
        else:
            # Founding members were admitted by the organization the cell came out of.
            place = first.came_from if first.founding else rng.choice(ADMISSION_PLACES)
            events.append((admitted, 0, E.ADMITTED, None, place, "", ""))
            admitted_at = None
        if member.full_member_on:
            on = member.full_member_on
            home = life.home_on(on)
            org = home.cell.id if home else admitted_at
            events.append(
                (on, RANK[E.FULL_MEMBERSHIP], E.FULL_MEMBERSHIP, org, "", self._doc(on), "")
            )
        for index, home in enumerate(life.homes):
            cell = home.cell
            if index == 0 and home.came_from is not None:
                # Transferred in from outside the demo.
                note = "Thành lập chi bộ mới." if home.founding else ""
                reason = (
                    R.OTHER
                    if home.founding
                    else (R.RESIDENCE if cell.group == "residential" else R.JOB_MOVE)
                )
                days = 0 if home.founding else rng.randint(0, 20)
                letter = home.starts_on - timedelta(days=days)
                self._transfer_rows(
                    life, None, home.came_from, cell, "", reason, letter, home.starts_on, note
                )
            went = home.went_to
            if isinstance(went, Cell):
                nxt = life.homes[index + 1]
                if nxt.founding:  # the 2025 reorganization
                    reason, note = R.OTHER, REORGANIZATION_NOTE
                else:
                    reason = R.RESIDENCE if cell.group == "residential" else R.JOB_MOVE
                    note = ""
                self._transfer_rows(
                    life, cell, "", went, "", reason, home.ends_on, nxt.starts_on, note
                )
            elif went:  # out of the demo (the 2025 dissolution)
                assert home.ends_on is not None  # set with went_to
                self._transfer_rows(
                    life,
                    cell,
                    "",
                    None,
                    went,
                    R.OTHER,
                    home.ends_on,
                    home.ends_on + DAY,
                    REORGANIZATION_NOTE,
                )
        if left:
            kind, on = left
            home = life.homes[-1]
            events.append(
                (on, RANK[kind], kind, home.cell.id, "", self._doc(on), LEAVING_REASONS[kind])
            )
