"""Writes the demo data: the tree from demo.tree, its residential units, members and
their party lives (demo.lives), terms, committees and seats, model cells, successions,
and the demo accounts.

Everything is drawn from one seeded random.Random, so counts are the same on every run.
Rows are written with bulk inserts (with their history rows, django-simple-history):
organizations and committees with `bulk_create_with_history`, the member register
(members, memberships and events through the lifecycle's bulk writer,
members.services.bulk_events.write_plans; transfers, exemptions and badges with
core.bulk), which keeps the whole demo to a few seconds and 100,000 more members to about a minute.

Members and the 2025 reorganization (see demo.lives): the members of the dissolved
district's village and block cells whose villages went to the two current communes are
transferred officially to the successor cells (home membership ends 30/06/2025 in the
old cell, starts 01/07/2025 in the new one); the current communes' own cells are staffed
from the dissolved cells of the same category the same way; everyone else in the
dissolved district is transferred out of the demo on 30/06/2025. Committees of the
2020–2025 term are drawn from members of the organization for the whole term, those of
the 2025–2030 term from its members since 01/07/2025.
"""

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db import connection, transaction
from django.test.utils import override_settings
from simple_history.utils import bulk_create_with_history

from core.text import fold
from members.enums import SeatRole
from members.models import (
    Badge,
    CommitteeSeat,
    Exemption,
    Member,
    MemberEvent,
    Membership,
    Transfer,
)
from organizations.enums import CELL_KINDS, CommitteeKind, SuccessionKind
from organizations.enums import OrgKind as K
from organizations.models import (
    Committee,
    ModelCellDesignation,
    Organization,
    OrganizationSuccession,
    ResidentialUnit,
    Term,
)

from . import accounts
from .lives import Life, Lives
from .lives_cells import cells_from_database, cells_from_nodes
from .lives_write import write_lives
from .people import People, Person, age_on
from .tree import DISSOLVED, PROVINCE_CODE, REORGANIZED, Node, TreeSpec

SEED = 1947
BATCH_SIZE = 5000


@dataclass
class Plan:
    """Committee seats of one organization: executive (or cell committee) and standing."""

    kind: str
    size: int
    deputies: int
    standing: int = 0


def seat_plan(node: Node, pool_size: int) -> Plan | None:
    if node.kind in CELL_KINDS:
        if pool_size >= 20:
            return Plan(CommitteeKind.CELL_COMMITTEE, 5, 1)
        if pool_size >= 9:
            return Plan(CommitteeKind.CELL_COMMITTEE, 3, 1)
        if pool_size >= 5:
            return Plan(CommitteeKind.CELL_COMMITTEE, 2, 1)
        return Plan(CommitteeKind.CELL_COMMITTEE, 1, 0)
    if node.kind == K.SUB_COMMITTEE:
        return Plan(CommitteeKind.EXECUTIVE, 5, 1)
    if node.kind == K.GRASSROOTS_COMMITTEE:
        if len(node.children) >= 8:  # a commune committee of the old district
            return Plan(CommitteeKind.EXECUTIVE, 13, 1, standing=4)
        return Plan(CommitteeKind.EXECUTIVE, 9, 1, standing=3)
    if node.kind == K.DISTRICT:
        return Plan(CommitteeKind.EXECUTIVE, 33, 2, standing=11)
    if node.kind in (K.COMMUNE, K.WARD, K.SPECIAL_ZONE):
        return Plan(CommitteeKind.EXECUTIVE, 21, 2, standing=7)
    return None  # the province: its committee is not part of the demo


def demo_root() -> Organization | None:
    return Organization.objects.filter(code=PROVINCE_CODE, depth=1).first()


class DemoBuilder:
    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.spec = TreeSpec(self.rng)
        self.root: Node | None = None

    @transaction.atomic
    def build(self) -> list[accounts.DemoAccount]:
        self.root = self.spec.build()
        nodes = list(self.root.walk())
        self._write_organizations(nodes)
        self._write_units(nodes)
        self._write_members(nodes)
        self._write_committees(nodes)
        self._write_model_cells(nodes)
        self._write_successions(nodes)
        return accounts.create_accounts(self.root)

    # -- organizations ------------------------------------------------------------
    def _write_organizations(self, nodes: list[Node]) -> None:
        root = self.root
        assert root is not None  # build() plans the tree first
        root.obj = root_obj = Organization.objects.add_root(self._fields(root))
        objs = []
        stack = [(root, root_obj.path)]
        while stack:
            parent, path = stack.pop()
            for position, child in enumerate(parent.children, start=1):
                child_path = Organization._get_path(path, len(path) // 4 + 1, position)
                child.obj = Organization(
                    path=child_path,
                    depth=len(child_path) // 4,
                    numchild=len(child.children),
                    search_name=fold(f"{child.name} {child.code or ''}"),
                    **self._fields(child),
                )
                objs.append(child.obj)
                stack.append((child, child_path))
        bulk_create_with_history(objs, Organization, batch_size=500)
        Organization.objects.filter(pk=root_obj.pk).update(numchild=len(root.children))
        root_obj.numchild = len(root.children)

    @staticmethod
    def _fields(node: Node) -> dict:
        return {
            "name": node.name,
            "kind": node.kind,
            "category": node.category,
            "code": node.code,
            "established_on": node.established_on,
            "dissolved_on": node.dissolved_on,
            "especially_difficult": node.especially_difficult,
            "merged_cell": node.merged_cell,
            "address": node.address,
            "notes": node.notes,
        }

    def _write_units(self, nodes: list[Node]) -> None:
        units = [
            ResidentialUnit(
                name=unit.name,
                kind=unit.kind,
                cell=node.obj,
                no_party_member=unit.no_party_member,
                households=unit.households,
                search_name=fold(unit.name),
            )
            for node in nodes
            for unit in node.units
        ]
        bulk_create_with_history(units, ResidentialUnit, batch_size=500)

    # -- members --------------------------------------------------------------------
    def _write_members(self, nodes: list[Node]) -> None:
        """The people of every cell and their party lives (see the module docstring)."""
        assert self.root is not None  # build() plans the tree first
        cells = cells_from_nodes(self.root)
        self.people = People(self.rng, **used_numbers())
        lives = Lives(self.people, list(cells.values()))
        successors = {
            before: node for node in nodes if node.is_cell for before in node.predecessors
        }
        self.lives: list[Life] = []
        for node in nodes:
            if not node.is_cell or node in successors:
                continue  # an old cell with a successor: its people are the successor's
            source = node.predecessors[0] if node.predecessors else node
            count = source.size
            for index in range(count):
                core = node.dissolved_on is None and index < 3  # ORG-02: 3 full members stay
                self.lives.append(lives.life(cells[node], core=core))
        write_lives(self.lives)
        for life in self.lives:  # Member objects for committees and accounts
            assert isinstance(life.member, Person)
            life.member = life.member.to_member()
        by_id = {node.org.pk: node for node in nodes}
        for life in self.lives:
            by_id[life.member.organization_id].members.append(life.member)
        # Home memberships by organization, for the committees.
        self.homes = defaultdict(list)
        for life in self.lives:
            for home in life.homes:
                self.homes[home.cell.id].append((life, home))

    def present(self, node: Node, starts: date, ends: date | None, *, eligible: bool):
        """Members at home in `node`'s subtree from `starts` to `ends` (None: still there).

        `eligible`: full members on `starts` with no exemption (for committee seats).
        """
        found = []
        for n in node.walk():
            for life, home in self.homes.get(n.org.pk, ()):
                if home.starts_on > starts or (home.ends_on is not None and home.ends_on < starts):
                    continue
                if eligible:
                    if ends is None:
                        stays = home.ends_on is None
                    else:
                        stays = home.ends_on is None or home.ends_on >= ends
                    full_on = life.member.full_member_on
                    if not stays or full_on is None or full_on > starts or life.exemptions:
                        continue
                found.append(life.member)
        return found

    # -- terms, committees and seats -------------------------------------------------
    def _term_dates(self, node: Node) -> tuple[str, date, date | None]:
        rng = self.rng
        if node.dissolved_on is None:
            return "Nhiệm kỳ 2025–2030", max(REORGANIZED, node.established_on), None
        if node.kind in CELL_KINDS:
            starts = date(2020, rng.randint(3, 4), rng.randint(1, 28))
        elif node.kind == K.DISTRICT:
            starts = date(2020, 8, rng.randint(10, 20))
        else:
            starts = date(2020, rng.randint(5, 6), rng.randint(1, 28))
        return "Nhiệm kỳ 2020–2025", starts, DISSOLVED

    def _write_committees(self, nodes: list[Node]) -> None:
        plans = []
        for node in nodes:
            name, starts, ends = self._term_dates(node)
            plan = seat_plan(node, len(self.present(node, starts, ends, eligible=False)))
            pool = self.present(node, starts, ends, eligible=True)
            if plan is None or not pool:
                continue
            term = Term(organization=node.obj, name=name, starts_on=starts, ends_on=ends)
            plans.append((node, plan, pool, term))
        bulk_create_with_history([p[3] for p in plans], Term, batch_size=500)

        committees, seat_specs = [], []
        for node, plan, pool, term in plans:
            chosen = self._choose(pool, plan.size, term.starts_on)
            roles = (
                [SeatRole.SECRETARY]
                + [SeatRole.DEPUTY] * plan.deputies
                + [SeatRole.STANDING] * max(0, plan.standing - 1 - plan.deputies)
            )
            roles += [SeatRole.MEMBER] * (len(chosen) - len(roles))
            executive = Committee(organization=node.obj, term=term, kind=plan.kind)
            committees.append(executive)
            node.seats = list(zip(roles, chosen, strict=False))
            seat_specs += [(executive, role, m, term) for role, m in node.seats]
            if plan.standing:
                standing = Committee(organization=node.obj, term=term, kind=CommitteeKind.STANDING)
                committees.append(standing)
                seat_specs += [(standing, role, m, term) for role, m in node.seats[: plan.standing]]
        bulk_create_with_history(committees, Committee, batch_size=500)
        seats = [
            CommitteeSeat(
                committee=committee,
                member=member,
                role=role,
                starts_on=term.starts_on,
                ends_on=term.ends_on,
            )
            for committee, role, member, term in seat_specs
        ]
        bulk_create_with_history(seats, CommitteeSeat, batch_size=1000)

    def _choose(self, pool: list[Member], size: int, on: date) -> list[Member]:
        """Committee members: full members of working age first (25–65 on the day)."""
        full = pool  # full members on `on`, at home for the whole term (see present())
        fit = [m for m in full if 25 <= age_on(m, on) <= 65]
        chosen = self.rng.sample(fit, min(size, len(fit)))
        if len(chosen) < size:
            rest = [m for m in full if m not in chosen]
            chosen += self.rng.sample(rest, min(size - len(chosen), len(rest)))
        return chosen

    # -- model cells and successions --------------------------------------------------
    def _write_model_cells(self, nodes: list[Node]) -> None:
        old = [n for n in nodes if n.is_cell and n.dissolved_on and n.category]
        new = [n for n in nodes if n.is_cell and not n.dissolved_on and n.category]
        picks = [(n, 2023) for n in self.rng.sample(old, 3)]
        picks += [(n, 2024) for n in self.rng.sample(old, 3)]
        picks += [(n, 2026) for n in self.rng.sample(new, 2)]
        designations = [
            ModelCellDesignation(
                organization=node.obj,
                year=year,
                note="Chi bộ điểm về nâng cao chất lượng sinh hoạt chi bộ (HD 12-HD/BTCTW).",
            )
            for node, year in picks
        ]
        bulk_create_with_history(designations, ModelCellDesignation)

    def _write_successions(self, nodes: list[Node]) -> None:
        links = []
        for node in nodes:
            for before in node.predecessors:
                kind = SuccessionKind.MERGE if node.kind == K.COMMUNE else SuccessionKind.REORGANIZE
                links.append(
                    OrganizationSuccession(
                        predecessor=before.obj,
                        successor=node.obj,
                        kind=kind,
                        effective_on=REORGANIZED,
                        note="Sắp xếp tổ chức đảng khi bỏ cấp huyện (dữ liệu minh họa).",
                    )
                )
        bulk_create_with_history(links, OrganizationSuccession, batch_size=500)


def build_demo(seed: int = SEED) -> list[accounts.DemoAccount]:
    return DemoBuilder(seed).build()


def add_members(
    count: int, *, seed: int = SEED, batch_size: int = BATCH_SIZE, on_batch=None
) -> int:
    """`seed_demo --members N`: N more members spread over the demo's current cells.

    Each has a full party life (demo.lives): admitted in their cell or in the old cell it
    came from, moved on 01/07/2025 when the district was dissolved, and so on. Written
    in batches of `batch_size`, one transaction each: memory stays at one batch (plus the
    citizen ID and card numbers already taken).
    """
    root = demo_root()
    if root is None:
        raise ValueError("Chưa có dữ liệu mẫu.")
    cells = cells_from_database(root)
    targets = [c for c in cells if c.current]
    existing = Member.objects.filter(organization__path__startswith=root.path).count()
    people = People(random.Random(f"{seed}-{existing}-{count}"), **used_numbers())
    lives = Lives(people, cells)
    made = 0
    sqlite = connection.vendor == "sqlite"
    if sqlite:  # a bigger page cache: the register's indexes are large (64 MiB at most)
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            cache_size = cursor.fetchone()[0]
            cursor.execute("PRAGMA cache_size = -65536")
    try:
        while made < count:
            size = min(batch_size, count - made)
            batch = [lives.life(people.rng.choice(targets)) for _ in range(size)]
            write_lives(batch)
            made += size
            if on_batch:
                on_batch(made)
    finally:
        if sqlite:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = {int(cache_size)}")
    return made


def used_numbers() -> dict:
    """Citizen IDs (of the demo's province code) and card numbers already in the register."""
    return {
        "used_citizen_ids": Member.objects.filter(citizen_id__startswith="020").values_list(
            "citizen_id", flat=True
        ),
        "used_cards": Member.objects.exclude(card_number="").values_list("card_number", flat=True),
    }


@transaction.atomic
def delete_demo() -> bool:
    """Remove the demo province and everything under it, and the demo accounts.

    A reset is not an audited change: the rows go without "deleted" history records
    (which would take minutes after a large --members run).
    """
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        accounts.delete_accounts()
        root = demo_root()
        if root is None:
            return False
        subtree = Organization.objects.filter(path__startswith=root.path)
        CommitteeSeat.objects.filter(committee__organization__in=subtree).delete()
        CommitteeSeat.objects.filter(member__organization__in=subtree).delete()
        members = Member.objects.filter(organization__in=subtree)
        while True:  # in chunks, so that memory stays bounded
            chunk = list(members.order_by("pk").values_list("pk", flat=True)[:BATCH_SIZE])
            if not chunk:
                break
            # The register rows first, without the collector (no per-row signals).
            for model in (Badge, Exemption, Transfer, MemberEvent, Membership):
                model.objects.filter(member_id__in=chunk)._raw_delete(model.objects.db)
            Member.objects.filter(pk__in=chunk).delete()
        ResidentialUnit.objects.filter(cell__in=subtree).delete()
        Organization.objects.filter(pk=root.pk).delete()
    return True
