"""The demo party tree as plain specs (no database): one province, a pre-2025 district
modelled on Tràng Định (seed 000: 59 grassroots organizations, 25 đảng bộ cơ sở and 34
chi bộ cơ sở) and two current-style communes (from 1/7/2025, ORG-01).

Codes follow ORG-05: M1.M2.M3.M4.M5 = province . direct superior . grassroots .
đảng bộ bộ phận (or 000) . cell.
"""

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import product
from typing import TYPE_CHECKING

from organizations.enums import CellCategory as C
from organizations.enums import OrgKind as K
from organizations.enums import ResidentialUnitKind as U

from . import names

if TYPE_CHECKING:
    from organizations.models import Organization

PROVINCE_CODE = "38.000.000.000.000"
DISTRICT_M2 = 181
NEW_COMMUNE_M2 = (301, 302)
DISTRICT_ESTABLISHED = date(1946, 3, 1)
PROVINCE_ESTABLISHED = date(1945, 1, 1)
DISSOLVED = date(2025, 6, 30)  # the last day of district committees (ORG-01)
REORGANIZED = date(2025, 7, 1)  # 294-QĐ/TW: commune committees from this day
DEMO_NOTE = "Dữ liệu mẫu để trình diễn: tên, ngày tháng và số liệu là minh họa."


@dataclass(eq=False)
class Unit:
    name: str
    kind: str
    no_party_member: bool = False
    households: int | None = None


@dataclass(eq=False)
class Node:
    name: str
    kind: str
    code: str | None = None
    category: str = ""
    established_on: date = field(kw_only=True)  # every node of the tree has one
    dissolved_on: date | None = None
    especially_difficult: bool = False
    merged_cell: bool = False
    address: str = ""
    notes: str = ""
    children: list["Node"] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    size: int = 0  # members to generate (cells only)
    predecessors: list["Node"] = field(default_factory=list)
    successors: list["Node"] = field(default_factory=list)
    # Filled when written.
    obj: "Organization | None" = None
    members: list = field(default_factory=list)
    seats: list = field(default_factory=list)  # (role, member) on its committee

    @property
    def org(self) -> "Organization":
        """`obj`, once demo.builders has written the node."""
        assert self.obj is not None, f"{self.name} is not written yet"
        return self.obj

    @property
    def is_cell(self) -> bool:
        return self.kind in (K.CELL, K.GRASSROOTS_CELL)

    def walk(self) -> Iterator["Node"]:
        yield self
        for child in self.children:
            yield from child.walk()

    def add(self, child: "Node") -> "Node":
        self.children.append(child)
        return child


def code(m2: int = 0, m3: int = 0, m4: int = 0, m5: int = 0) -> str:
    return f"38.{m2:03d}.{m3:03d}.{m4:03d}.{m5:03d}"


# Cell sizes (members) by category: (smallest, largest).
# Keyed by CellCategory, looked up by a node's category (a str).
CELL_SIZES: dict[str, tuple[int, int]] = {
    C.RURAL_VILLAGE: (9, 42),
    C.URBAN_BLOCK: (14, 58),
    C.AGENCY: (5, 22),
    C.PUBLIC_SERVICE: (5, 26),
    C.STATE_ENTERPRISE: (4, 18),
    C.PRIVATE_ENTERPRISE: (3, 9),
    C.SCHOOL: (6, 30),
    C.ARMED_FORCES: (8, 34),
}


class TreeSpec:
    """Builds the spec with a seeded random.Random; the same seed, the same tree."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        heads, tails = names.PLACE_HEADS, names.PLACE_TAILS
        self._places = [f"{h} {t}" for h, t in product(heads, tails)]
        rng.shuffle(self._places)
        # Villages of each old commune, for the current communes that take them over.
        self.old_villages: dict[str, list[Node]] = {}
        self.old_commune_nodes: dict[str, Node] = {}

    def place(self) -> str:
        return self._places.pop()

    def size(self, category: str, merged: bool = False) -> int:
        lo, hi = CELL_SIZES[category]
        if merged:
            lo, hi = 5, 12
        # Triangular: most cells near the lower-middle of the range.
        return max(3, round(self.rng.triangular(lo, hi, lo + (hi - lo) / 3)))

    def since(self, superior: date, earliest: int, latest: int) -> date:
        year = self.rng.randint(max(earliest, superior.year + 1), latest)
        return date(year, self.rng.randint(1, 12), 1)

    def cell(self, name, category, code_, superior_on, *, kind=K.CELL, dissolved=None, **kw):
        established = kw.pop("established_on", None) or self.since(superior_on, 1975, 2015)
        return Node(
            name=name,
            kind=kind,
            category=category,
            code=code_,
            established_on=established,
            dissolved_on=dissolved,
            size=kw.pop("size", None) or self.size(category, kw.get("merged_cell", False)),
            **kw,
        )

    # -- the pre-2025 district ----------------------------------------------------
    def district(self) -> Node:
        district = Node(
            name=f"Đảng bộ huyện {names.DISTRICT_NAME}",
            kind=K.DISTRICT,
            code=code(DISTRICT_M2),
            established_on=DISTRICT_ESTABLISHED,
            dissolved_on=DISSOLVED,
            address="Thị trấn Thất Khê, huyện Tràng Định, tỉnh Lạng Sơn",
            notes=DEMO_NOTE + " Giải thể từ ngày 01/07/2025 khi bỏ cấp huyện (294-QĐ/TW).",
        )
        m3 = 0
        for unit_word, commune, difficult in names.OLD_COMMUNES:
            m3 += 1
            district.add(self.old_commune(m3, unit_word, commune, difficult))
        for name, category, cells, subs in names.DISTRICT_AGENCY_COMMITTEES:
            m3 += 1
            district.add(self.agency_committee(m3, name, category, cells, subs))
        for name, category in names.DISTRICT_GRASSROOTS_CELLS:
            m3 += 1
            est = self.since(DISTRICT_ESTABLISHED, 1960, 2012)
            district.add(
                self.cell(
                    name,
                    category,
                    code(DISTRICT_M2, m3),
                    DISTRICT_ESTABLISHED,
                    kind=K.GRASSROOTS_CELL,
                    dissolved=DISSOLVED,
                    established_on=est,
                )
            )
        return district

    def old_commune(self, m3: int, unit_word: str, commune: str, difficult: bool) -> Node:
        rng = self.rng
        town = unit_word == "thị trấn"
        node = Node(
            name=f"Đảng bộ {unit_word} {commune}",
            kind=K.GRASSROOTS_COMMITTEE,
            code=code(DISTRICT_M2, m3),
            established_on=self.since(DISTRICT_ESTABLISHED, 1947, 1985),
            dissolved_on=DISSOLVED,
            especially_difficult=difficult,
            address=f"{unit_word.capitalize()} {commune}, huyện Tràng Định",
        )
        m5 = 0
        villages: list[Node] = []
        if town:
            for quarter in names.TOWN_QUARTERS[: rng.randint(7, 10)]:
                m5 += 1
                cell = self.cell(
                    f"Chi bộ khu phố {quarter}",
                    C.URBAN_BLOCK,
                    code(DISTRICT_M2, m3, 0, m5),
                    node.established_on,
                    dissolved=DISSOLVED,
                    units=[Unit(quarter, U.QUARTER, households=rng.randint(120, 320))],
                )
                villages.append(node.add(cell))
        else:
            count = rng.randint(6, 11)
            index = 0
            while index < count:
                m5 += 1
                merged = count - index >= 2 and rng.random() < 0.15
                places = [self.place() for _ in range(2 if merged else 1)]
                units = [Unit(p, U.VILLAGE if rng.random() < 0.6 else U.HAMLET) for p in places]
                for unit in units:
                    unit.households = rng.randint(35, 160)
                if merged and rng.random() < 0.5:
                    units[1].no_party_member = True
                cell = self.cell(
                    ("Chi bộ thôn " if units[0].kind == U.VILLAGE else "Chi bộ bản ")
                    + " - ".join(places),
                    C.RURAL_VILLAGE,
                    code(DISTRICT_M2, m3, 0, m5),
                    node.established_on,
                    dissolved=DISSOLVED,
                    units=units,
                    merged_cell=merged,
                    especially_difficult=difficult and rng.random() < 0.7,
                )
                villages.append(node.add(cell))
                index += len(places)
        self.old_villages[commune] = villages
        self.old_commune_nodes[commune] = node
        own = [
            (f"Chi bộ Cơ quan {unit_word} {commune}", C.AGENCY),
            (f"Chi bộ Quân sự {unit_word} {commune}", C.ARMED_FORCES),
            (f"Chi bộ Công an {unit_word} {commune}", C.ARMED_FORCES),
            (f"Chi bộ Trường học {unit_word} {commune}", C.SCHOOL),
        ]
        if town:
            own[3] = (f"Chi bộ Trường THCS {unit_word} {commune}", C.SCHOOL)
            own.append((f"Chi bộ Trường Tiểu học {unit_word} {commune}", C.SCHOOL))
        for name, category in own:
            m5 += 1
            node.add(
                self.cell(
                    name,
                    category,
                    code(DISTRICT_M2, m3, 0, m5),
                    node.established_on,
                    dissolved=DISSOLVED,
                )
            )
        return node

    def agency_committee(self, m3, name, category, cells, subs) -> Node:
        node = Node(
            name=name,
            kind=K.GRASSROOTS_COMMITTEE,
            category="",
            code=code(DISTRICT_M2, m3),
            established_on=self.since(DISTRICT_ESTABLISHED, 1960, 2005),
            dissolved_on=DISSOLVED,
            address="Thị trấn Thất Khê, huyện Tràng Định",
        )
        m5 = 0
        for cell_name in cells:
            m5 += 1
            node.add(
                self.cell(
                    cell_name,
                    category,
                    code(DISTRICT_M2, m3, 0, m5),
                    node.established_on,
                    dissolved=DISSOLVED,
                )
            )
        for m4, (sub_name, sub_cells) in enumerate(subs, start=1):
            sub = node.add(
                Node(
                    name=sub_name,
                    kind=K.SUB_COMMITTEE,
                    code=code(DISTRICT_M2, m3, m4),
                    established_on=self.since(node.established_on, 1990, 2012),
                    dissolved_on=DISSOLVED,
                )
            )
            for cell_name in sub_cells:
                m5 += 1
                sub.add(
                    self.cell(
                        cell_name,
                        category,
                        code(DISTRICT_M2, m3, m4, m5),
                        sub.established_on,
                        dissolved=DISSOLVED,
                    )
                )
        return node

    # -- the current communes (from 1/7/2025) ---------------------------------------
    def new_commune(self, m2: int, commune: str, old_communes: list[str]) -> Node:
        node = Node(
            name=f"Đảng bộ xã {commune}",
            kind=K.COMMUNE,
            code=code(m2),
            established_on=REORGANIZED,
            address=f"Xã {commune}, tỉnh Lạng Sơn",
            notes=DEMO_NOTE,
        )
        m3 = 0
        committee_name, committee_cells = names.NEW_COMMUNE_COMMITTEE
        m3 += 1
        committee = node.add(
            Node(
                name=committee_name.format(c=commune),
                kind=K.GRASSROOTS_COMMITTEE,
                code=code(m2, m3),
                established_on=REORGANIZED,
                address=f"Trụ sở UBND xã {commune}",
            )
        )
        for m5, cell_name in enumerate(committee_cells, start=1):
            committee.add(
                self.cell(
                    cell_name,
                    C.AGENCY,
                    code(m2, m3, 0, m5),
                    REORGANIZED,
                    established_on=REORGANIZED,
                )
            )
        for template, category in names.NEW_COMMUNE_CELLS:
            m3 += 1
            node.add(
                self.cell(
                    template.format(c=commune),
                    category,
                    code(m2, m3),
                    REORGANIZED,
                    kind=K.GRASSROOTS_CELL,
                    established_on=REORGANIZED,
                )
            )
        # The village and block cells of the old communes go on as chi bộ cơ sở under
        # the new commune; their residential units move with them.
        for old in old_communes:
            for village in self.old_villages[old]:
                m3 += 1
                node.add(
                    self.cell(
                        village.name,
                        village.category,
                        code(m2, m3),
                        REORGANIZED,
                        kind=K.GRASSROOTS_CELL,
                        established_on=REORGANIZED,
                        merged_cell=village.merged_cell,
                        especially_difficult=village.especially_difficult,
                        units=village.units,
                        predecessors=[village],
                    )
                )
                village.successors.append(node.children[-1])
                village.units = []
        node.predecessors = [self.old_commune_nodes[old] for old in old_communes]
        return node

    def build(self) -> Node:
        province = Node(
            name=f"Đảng bộ tỉnh {names.PROVINCE_NAME}",
            kind=K.PROVINCE,
            code=PROVINCE_CODE,
            established_on=PROVINCE_ESTABLISHED,
            address="Thành phố Lạng Sơn, tỉnh Lạng Sơn",
            notes=DEMO_NOTE,
        )
        province.add(self.district())
        for m2, (commune, old) in zip(NEW_COMMUNE_M2, names.NEW_COMMUNES, strict=True):
            province.add(self.new_commune(m2, commune, old))
        return province
