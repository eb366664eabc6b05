"""The import itself: check every row, and on `apply` write everything or nothing.

`run_import(path, user=..., apply=False)` is the preview: it reads the whole file, checks
every row and returns a report (problems by sheet, row and column; what would be created,
updated or left unchanged). `apply=True` does the same checks again inside one database
transaction and writes chunk by chunk as the rows come; the first problem stops the
writing, the rest of the file is still checked so that the report lists everything, and
the transaction is rolled back: a bad row at the end leaves nothing written, and so does
an exception anywhere.

The dated party life of every member goes through the one lifecycle of
members.services.events: each row's changes (ADMITTED, FULL_MEMBERSHIP, the leaving event)
are planned by `plan_event`, as `record_event` plans them, and written in bulk by
`write_plans`: the Member, its home Membership from the admission date (closed on the
leaving date, if any), the events, `party_age_from` (AGE-01) and a history row for each
(django-simple-history, `by` as the user). A registered member (matched by citizen ID,
else card number) gets its profile fields updated; its dated party life only moves
forward (full membership, leaving), never backwards (see validation.Checker).
"""

import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from functools import lru_cache

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from core.audit import set_change_reason
from core.text import fold, name_sort_key
from organizations.models import Organization
from organizations.services import tree as tree_services

from ..enums import EventKind, MembershipKind, MemberStatus
from ..models import Ethnicity, Member, Membership, Religion
from ..services.bulk_events import PlannedLife, reserve_member_ids, states_of, write_plans
from ..services.events import Change, MemberState, plan_events
from .layout import CHUNK_ROWS, MEMBER_COLUMNS, MEMBER_SHEET, ORG_COLUMNS, ORG_SHEET
from .reading import (
    FileProblem,
    check_no_merged_cells,
    find_sheet,
    iter_sheet,
    open_workbook,
    rows_guess,
)
from .tables import COMPARED, LEAVING_EVENT, PROFILE_FIELDS, UPDATE_FIELDS
from .validation import Checker, MemberRow, OrgRef, OrgRow, Problems

CHANGE_REASON = "Nhập từ tệp"
Progress = Callable[[int, int], None]


class _Rollback(Exception):
    pass


@lru_cache(maxsize=8192)
def _derived(full_name: str) -> tuple[str, str]:
    return fold(full_name), name_sort_key(full_name)


@dataclass
class Counts:
    organizations: int = 0
    members: int = 0
    org_new: int = 0
    org_updated: int = 0
    org_unchanged: int = 0
    member_new: int = 0
    member_updated: int = 0
    member_unchanged: int = 0

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class _Batch:
    members: list = field(default_factory=list)  # column values of new members
    rows: list = field(default_factory=list)  # their MemberRow
    updates: list = field(default_factory=list)  # registered members changed
    lives: list = field(default_factory=list)  # PlannedLife of registered members
    moves: list = field(default_factory=list)  # (member pk, organization id)


class ImportRun:
    def __init__(self, path, *, user, apply: bool, progress: Progress | None = None):
        self.path = path
        self.user = user if getattr(user, "is_authenticated", False) else None
        self.apply = apply
        self.progress = progress or (lambda done, total: None)
        self.problems = Problems()
        self.counts = Counts()
        self.today = timezone.localdate()
        self.total = 0
        self.done = 0
        self.writing = apply
        self.checker: Checker | None = None

    # --- entry point -------------------------------------------------------------------

    def run(self) -> dict:
        started = time.perf_counter()
        file_error = ""
        applied = False
        workbook = None
        try:
            workbook = open_workbook(self.path)
            with transaction.atomic() if self.apply else nullcontext():
                self._run(workbook)
                if self.apply and self.problems:
                    raise _Rollback
            applied = self.apply
        except _Rollback:
            pass
        except FileProblem as exc:
            file_error = exc.message
        finally:
            if workbook is not None:
                workbook.close()
            if self.checker is not None:
                self.checker.close()
        return {
            "applied": applied,
            "file_error": file_error,
            "counts": self.counts.as_dict(),
            "problem_count": self.problems.count,
            "problems": [p.as_dict() for p in self.problems.kept],
            "seconds": round(time.perf_counter() - started, 2),
        }

    def _run(self, workbook) -> None:
        org_ws = find_sheet(workbook, ORG_SHEET)
        member_ws = find_sheet(workbook, MEMBER_SHEET)
        if org_ws is None and member_ws is None:
            raise FileProblem(
                _(
                    "Không tìm thấy trang tính “%(orgs)s” hay “%(members)s” của mẫu nhập. "
                    "Hãy dùng tệp mẫu tải về từ trang nhập."
                )
                % {"orgs": ORG_SHEET, "members": MEMBER_SHEET}
            )
        sheets = [(ws, name) for ws, name in ((org_ws, ORG_SHEET), (member_ws, MEMBER_SHEET)) if ws]
        for ws, name in sheets:
            check_no_merged_cells(ws, name)
            self.total += max(rows_guess(ws) - 1, 0)
        self.progress(0, self.total)
        self.checker = Checker(self.user, self.problems, today=self.today)
        self.ethnicities = dict(Ethnicity.objects.values_list("code", "pk"))
        self.religions = dict(Religion.objects.values_list("code", "pk"))
        if org_ws is not None:
            self._organizations(org_ws)
        if member_ws is not None:
            self._members(member_ws)
        if not self.counts.organizations and not self.counts.members:
            raise FileProblem(_("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề."))

    def _tick(self, rows: int = 1) -> None:
        self.done += rows
        if self.done > self.total:
            self.total = self.done
        self.progress(self.done, self.total)

    @property
    def _ready_to_write(self) -> bool:
        return self.writing and not self.problems

    @property
    def _checks(self) -> Checker:
        assert self.checker is not None  # made before the sheets are read
        return self.checker

    # --- organizations -------------------------------------------------------------------

    def _organizations(self, ws) -> None:
        self._checks.start_orgs()
        rows: list[OrgRow] = []
        for number, values in iter_sheet(ws, ORG_SHEET, ORG_COLUMNS):
            self.counts.organizations += 1
            parsed = self._checks.org_row(number, values)
            if parsed is not None:
                rows.append(parsed)
            self._tick()
        for r in rows:
            if r.existing is None:
                self.counts.org_new += 1
            elif self._org_changes(r, Organization.objects.get(pk=r.existing.pk)):
                self.counts.org_updated += 1
            else:
                self.counts.org_unchanged += 1
        if self._ready_to_write:
            for r in rows:
                self._write_org(r)
                if self.problems:
                    break

    @staticmethod
    def _org_changes(r: OrgRow, org: Organization) -> dict:
        new = {
            "name": r.name,
            "kind": r.kind,
            "category": r.category,
            "established_on": r.established_on,
        }
        return {k: v for k, v in new.items() if getattr(org, k) != v}

    def _write_org(self, r: OrgRow) -> None:
        try:
            if r.existing is not None:
                org = Organization.objects.get(pk=r.existing.pk)
                changes = self._org_changes(r, org)
                if not changes:
                    return
                if self.user is None:
                    for name, value in changes.items():
                        setattr(org, name, value)
                    set_change_reason(org, CHANGE_REASON)
                    org.save()
                else:
                    tree_services.update_organization(
                        org, by=self.user, reason=CHANGE_REASON, **changes
                    )
                return
            superior_ref = self._checks.org(r.superior)
            assert superior_ref is not None  # a checked row names a known superior
            superior = Organization.objects.get(pk=superior_ref.pk)
            fields = {
                "name": r.name,
                "kind": r.kind,
                "category": r.category,
                "code": r.code,
                "established_on": r.established_on,
            }
            if self.user is None:
                org = Organization(**fields)
                set_change_reason(org, CHANGE_REASON)
                org = superior.add_child(instance=org)
            else:
                org = tree_services.create_organization(superior=superior, by=self.user, **fields)
            self._checks.new_orgs[r.code] = OrgRef(
                org.pk, org.path, org.kind, r.code, None, writable=True, manageable=True
            )
        except (ValidationError, PermissionDenied) as exc:
            messages = getattr(exc, "messages", None) or [_("Không có quyền.")]
            for message in messages:
                self.problems.add(ORG_SHEET, r.row, "", message)

    # --- members -------------------------------------------------------------------------

    def _members(self, ws) -> None:
        chunk: list[MemberRow] = []
        for number, values in iter_sheet(ws, MEMBER_SHEET, MEMBER_COLUMNS):
            chunk.append(self._checks.member_row(number, values))
            if len(chunk) >= CHUNK_ROWS:
                self._member_chunk(chunk)
                chunk = []
        if chunk:
            self._member_chunk(chunk)

    def _member_chunk(self, rows: list[MemberRow]) -> None:
        self.counts.members += len(rows)
        matched = self._checks.match_chunk(rows)
        states = states_of(matched.values())
        batch = _Batch()
        for r in rows:
            if r.problems:
                continue
            if r.match_id is None:
                self.counts.member_new += 1
                if self.writing:
                    batch.members.append(self._new_member(r))
                    batch.rows.append(r)
            elif self._update_member(matched[r.match_id], states[r.match_id], r, batch):
                self.counts.member_updated += 1
            else:
                self.counts.member_unchanged += 1
        if self._ready_to_write:
            self._write(batch)
        self._tick(len(rows))

    def _org_id(self, code: str) -> int | None:
        """The organization's id; None for one the file creates, in a preview."""
        ref = self._checks.org(code)
        assert ref is not None  # a checked row names a known organization
        return ref.pk

    def _new_member(self, r: MemberRow) -> dict:
        """The new member's column values (by attname), without the primary key."""
        d = r.data
        search_name, sort_key = _derived(d["full_name"])
        values = {name: d[name] for name in PROFILE_FIELDS}
        values.update(
            ethnicity_id=self.ethnicities.get(d["ethnicity"]),
            religion_id=self.religions.get(d["religion"]),
            citizen_id=d["citizen_id"] or None,
            card_number=d["card_number"],
            organization_id=self._org_id(r.org_code),
            search_name=search_name,
            sort_key=sort_key,
        )
        return values

    @staticmethod
    def _changes(
        r: MemberRow, *, admitted_in: int | None = None, full: bool, leaving: bool
    ) -> list[Change]:
        """The dated changes of party life a row brings, in the order they happened:
        admitted in `admitted_in` (a new member), full membership, leaving."""
        d = r.data
        changes = []
        if admitted_in is not None:
            changes.append(Change(EventKind.ADMITTED, d["admitted_on"], admitted_in))
        if full:
            changes.append(Change(EventKind.FULL_MEMBERSHIP, d["full_member_on"]))
        if leaving:
            changes.append(Change(LEAVING_EVENT[d["status"]], d["left_on"]))
        return changes

    def _plan(self, r: MemberRow, life: PlannedLife, changes: list[Change]) -> bool:
        """Plan the changes (members.services.events.plan_event); False, with the refusal
        added to the row's problems, when one is refused."""
        try:
            life.plans = plan_events(life.start, changes, today=self.today)
        except ValidationError as exc:
            for message in exc.messages:
                self.problems.add(MEMBER_SHEET, r.row, "", message)
            return False
        return True

    def _update_member(self, m: Member, start: MemberState, r: MemberRow, batch: _Batch) -> bool:
        """Apply the row to the registered member in memory; True when anything changed."""
        d = r.data
        before = {name: getattr(m, name) for name in COMPARED}
        for name in PROFILE_FIELDS:
            setattr(m, name, d[name])
        m.ethnicity_id = self.ethnicities.get(d["ethnicity"])
        m.religion_id = self.religions.get(d["religion"])
        if d["citizen_id"]:
            m.citizen_id = d["citizen_id"]
        if d["card_number"]:
            m.card_number = d["card_number"]
        org_id = self._org_id(r.org_code)
        if org_id != m.organization_id:
            # A correction of where the member belongs (as members.services.update_member);
            # a real move between organizations is a transfer (TRF-01).
            batch.moves.append((m.pk, org_id))
            m.organization_id = org_id  # type: ignore[assignment]  # None: a new organization, in a preview
        if m.admitted_on is None and d["admitted_on"]:
            m.admitted_on = d["admitted_on"]
        # The registered member as the planner sees it after the corrections above.
        start = replace(
            start,
            organization_id=org_id,
            admitted_on=m.admitted_on,
            memberships=tuple(
                replace(ms, organization_id=org_id)
                if ms.kind == MembershipKind.HOME and ms.ends_on is None and org_id is not None
                else ms
                for ms in start.memberships
            ),
        )
        full = bool(d["full_member_on"]) and m.full_member_on is None
        if full and m.status == MemberStatus.FULL:
            # A full member registered without the date: the file completes it (as the
            # admission date above); a full membership is recorded for a probationary one.
            m.full_member_on = d["full_member_on"]
            start = replace(start, full_member_on=m.full_member_on)
            full = False
        leaving = r.leaving and m.status in (MemberStatus.PROBATIONARY, MemberStatus.FULL)
        changes = self._changes(r, full=full, leaving=leaving)
        life = PlannedLife(m.pk, start)
        if changes and self._plan(r, life, changes):
            after = life.final
            m.status, m.exempted = after.status, after.exempted
            m.full_member_on = after.full_member_on
        m.search_name, m.sort_key = _derived(m.full_name)
        changed = any(getattr(m, name) != value for name, value in before.items())
        if changed:
            if m.admitted_on != before["admitted_on"] or life.plans:
                m.party_age_from = life.final.party_age_from(self.today)  # AGE-01
            batch.updates.append(m)
            if life.plans:
                batch.lives.append(life)
        return changed

    def _write(self, batch: _Batch) -> None:
        opts = {"default_user": self.user, "default_change_reason": CHANGE_REASON}
        if batch.members:
            self._write_new(batch)
        if batch.updates:
            self._write_updates(batch, opts)

    def _write_new(self, batch: _Batch) -> None:
        """New members, their memberships and events, with a history row for each: the
        rows `record_event` writes for their ADMITTED, FULL_MEMBERSHIP and leaving events
        (members.services.bulk_events.write_plans)."""
        ids = reserve_member_ids(len(batch.members))
        lives = []
        for pk, values, r in zip(ids, batch.members, batch.rows, strict=True):
            d = r.data
            life = PlannedLife(pk, MemberState(date_of_birth=d["date_of_birth"]), new_member=values)
            changes = self._changes(
                r,
                admitted_in=values["organization_id"],
                full=bool(d["full_member_on"]),
                leaving=r.leaving,
            )
            if not self._plan(r, life, changes):
                return
            lives.append(life)
        write_plans(lives, today=self.today, user=self.user, reason=CHANGE_REASON)

    def _write_updates(self, batch: _Batch, opts: dict) -> None:
        if batch.moves:
            moved = dict(batch.moves)
            open_home = list(
                Membership.objects.filter(
                    member_id__in=moved, kind=MembershipKind.HOME, ends_on__isnull=True
                )
            )
            for ms in open_home:
                ms.organization_id = moved[ms.member_id]
            bulk_update_with_history(open_home, Membership, ["organization"], **opts)
        if batch.lives:
            write_plans(batch.lives, today=self.today, user=self.user, reason=CHANGE_REASON)
        bulk_update_with_history(
            batch.updates, Member, list(UPDATE_FIELDS), batch_size=CHUNK_ROWS, **opts
        )


def run_import(path, *, user, apply: bool = False, progress: Progress | None = None) -> dict:
    """Check (and with `apply`, write) the file at `path` as `user`; returns the report."""
    return ImportRun(path, user=user, apply=apply, progress=progress).run()
