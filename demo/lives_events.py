"""The events of a demo member's life after their homes are chosen: official transfers,
temporary transfers, exemptions (EXM-01) and badges (BDG-01); a mixin of demo.lives.Lives."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from members.enums import EventKind as E
from members.enums import ExemptionGround, TransferKind, TransferState
from members.enums import TransferReason as R
from members.rules import (
    BADGE_YEARS,
    add_months,
    add_years,
    early_months,
    next_presentation_date,
)
from organizations.enums import CellCategory as C

from .people import RESIDENTIAL, TODAY
from .tree import DISSOLVED

if TYPE_CHECKING:
    from .lives import Cell, Life

DAY = timedelta(days=1)
TEMPORARY_SHARE = 0.015
AGE_EXEMPTION_SHARE = 0.30  # of village and block members aged 70 and over
MATERNITY_SHARE = 0.05  # of women aged 22-40
BADGE_NOT_YET_SHARE = 0.15  # the latest badge not presented yet (overdue)
# Same-day events in the order record_event takes them.
RANK = {
    E.ADMITTED: 0,
    E.TRANSFER_IN: 1,
    E.FULL_MEMBERSHIP: 2,
    E.TEMPORARY_RETURNED: 3,
    E.EXEMPTION_ENDED: 4,
    E.EXEMPTION_STARTED: 5,
    E.TEMPORARY_OUT: 6,
    E.TEMPORARY_IN: 7,
    E.TRANSFER_OUT: 8,
    E.STRUCK_OFF: 9,
    E.RESIGNED: 9,
    E.DECEASED: 9,
}


class LifeEventsMixin:
    # From demo.lives.Lives.
    rng: random.Random
    current: dict[str, list[Cell]]

    if TYPE_CHECKING:

        def _between(self, lo: date, hi: date) -> date: ...

        def _other(self, cell: Cell, era: dict, group: str, founded_by: date) -> Cell | None: ...

    def _transfer_rows(
        self, life, from_cell, from_outside, to_cell, to_outside, reason, out_on, in_on, note
    ) -> None:
        """One official transfer: its events (on each side inside the demo) and its row."""
        rng = self.rng
        letter = f"{rng.randint(1, 999)}-GGT/{'HU' if out_on <= DISSOLVED else 'ĐU'}"
        if from_cell is not None:
            to_label = to_cell.name if to_cell is not None else to_outside
            life.events.append(
                (out_on, RANK[E.TRANSFER_OUT], E.TRANSFER_OUT, from_cell.id, to_label, letter, note)
            )
        if to_cell is not None:
            from_label = from_cell.name if from_cell is not None else from_outside
            life.events.append(
                (in_on, RANK[E.TRANSFER_IN], E.TRANSFER_IN, to_cell.id, from_label, letter, note)
            )
        trigger = out_on - timedelta(days=0 if note else rng.randint(5, 40))
        life.transfers.append(
            (
                TransferKind.OFFICIAL,
                reason,
                TransferState.RECEIVED,
                from_cell.id if from_cell is not None else None,
                from_outside,
                to_cell.id if to_cell is not None else None,
                to_outside,
                max(trigger, life.member.admitted_on),
                letter,
                out_on,
                in_on,
                None,
                None,
                note,
            )
        )

    def _temporary(self, life: Life, age: int) -> None:
        """TRF-01: 3 months to under a year in a host cell, counted at home."""
        rng = self.rng
        home = life.homes[-1]
        if not (23 <= age <= 55) or rng.random() >= TEMPORARY_SHARE:
            return
        lo, hi = home.starts_on + timedelta(days=14), TODAY - timedelta(days=20)
        if not home.cell.current or lo > hi:
            return
        starts = self._between(lo, hi)
        host = self._other(home.cell, self.current, home.cell.group, starts)
        if host is None:
            host = self._other(home.cell, self.current, C.AGENCY, starts)
        if host is None:
            return
        study = age < 35 and rng.random() < 0.3
        until = add_months(starts, rng.randint(3, 11))
        returned = until if until <= TODAY else None
        letter = f"{rng.randint(1, 999)}-GGT/ĐU"
        cell = home.cell
        life.events.append(
            (starts, RANK[E.TEMPORARY_OUT], E.TEMPORARY_OUT, cell.id, host.name, letter, "")
        )
        life.events.append(
            (starts, RANK[E.TEMPORARY_IN], E.TEMPORARY_IN, host.id, cell.name, letter, "")
        )
        if returned:
            life.events.append(
                (
                    returned,
                    RANK[E.TEMPORARY_RETURNED],
                    E.TEMPORARY_RETURNED,
                    cell.id,
                    host.name,
                    "",
                    "",
                )
            )
        life.transfers.append(
            (
                TransferKind.TEMPORARY,
                R.STUDY if study else R.TEMPORARY_WORK,
                TransferState.RETURNED if returned else TransferState.RECEIVED,
                cell.id,
                "",
                host.id,
                "",
                starts - timedelta(days=rng.randint(3, 20)),
                letter,
                starts,
                starts,
                until,
                returned,
                "Đi học tập trung." if study else "Đi công tác có thời hạn.",
            )
        )

    def _exemptions(self, life: Life, age: int, target: Cell) -> None:
        """EXM-01: age (all three conditions, no end) or maternity (dated)."""
        rng = self.rng
        member = life.member
        homes = life.homes
        if any(
            a.ends_on is None or a.ends_on + DAY != b.starts_on
            for a, b in zip(homes, homes[1:], strict=False)
        ):
            return  # keep exemptions clear of transfer gaps (a home before another has ended)
        first = homes[0].starts_on + timedelta(days=30)
        if target.category in RESIDENTIAL and age >= 70 and rng.random() < AGE_EXEMPTION_SHARE:
            lo = max(add_years(member.date_of_birth, 70), first, date(2010, 1, 1))
            hi = TODAY - timedelta(days=10)
            if lo <= hi:
                starts = self._between(lo, hi)
                self._exemption(life, ExemptionGround.AGE, starts, None)
        elif member.sex == "female" and 22 <= age <= 40 and rng.random() < MATERNITY_SHARE:
            lo = max(first, TODAY - timedelta(days=400))
            hi = TODAY - timedelta(days=20)
            if lo <= hi:
                starts = self._between(lo, hi)
                ends = add_months(starts, 6) - DAY
                self._exemption(life, ExemptionGround.MATERNITY, starts, ends)

    def _exemption(self, life: Life, ground: str, starts: date, ends: date | None) -> None:
        rng = self.rng
        home = life.home_on(starts)
        assert home is not None  # exemptions start at home, clear of transfer gaps
        decided = max(home.starts_on, starts - timedelta(days=rng.randint(0, 7)))
        document = f"{rng.randint(1, 99)}-QĐ/CB"
        age = ground == ExemptionGround.AGE
        life.exemptions.append((ground, starts, ends, age, age, age, decided, document, ""))
        label = str(ExemptionGround(ground).label)
        life.events.append(
            (
                starts,
                RANK[E.EXEMPTION_STARTED],
                E.EXEMPTION_STARTED,
                home.cell.id,
                "",
                document,
                label,
            )
        )
        if ends is not None and ends < TODAY:
            end_home = life.home_on(ends) or home
            life.events.append(
                (ends, RANK[E.EXEMPTION_ENDED], E.EXEMPTION_ENDED, end_home.cell.id, "", "", label)
            )

    def _badges(self, life: Life, end_active: date) -> None:
        """BDG-01: presented on the first presentation day after the party age is reached."""
        rng = self.rng
        member = life.member
        start = member.party_age_from
        assert start is not None  # life() sets it first
        bound = min(end_active, TODAY)
        presented = []
        for years in BADGE_YEARS:
            reached = add_years(start, years)
            on = next_presentation_date(reached)
            if on <= bound:
                presented.append((years, on, False))
            else:
                if member.seriously_ill:
                    early_on = next_presentation_date(add_months(reached, -early_months(years)))
                    if early_on <= bound:
                        presented.append((years, early_on, True))
                break
        if presented and not presented[-1][2] and rng.random() < BADGE_NOT_YET_SHARE:
            presented.pop()  # reached, not yet presented: overdue on the badge list
        for years, on, early in presented:
            life.badges.append((years, on, f"{rng.randint(100, 2999)}-QĐ/TU", early))
