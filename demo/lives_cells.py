"""The demo.lives cells (where members live and meet) of the demo tree: from the tree just
written (demo.tree nodes) or from the database (for `seed_demo --members`), with the
addresses of their residential units and their successors."""

from collections import defaultdict

from organizations.enums import CELL_KINDS, COMMUNE_KINDS
from organizations.enums import ResidentialUnitKind as U
from organizations.models import Organization, OrganizationSuccession, ResidentialUnit

from . import names
from .lives import Cell
from .tree import Node

# Keyed by ResidentialUnitKind, looked up by a unit's kind (a str).
UNIT_WORDS: dict[str, str] = {
    U.VILLAGE: "thôn",
    U.HAMLET: "bản",
    U.AP: "ấp",
    U.RESIDENTIAL_GROUP: "tổ dân phố",
    U.QUARTER: "khu phố",
}
OUTSIDE_AFTER = "Tổ chức đảng khác của tỉnh Lạng Sơn sau sắp xếp (ngoài dữ liệu mẫu)"


def _locality(address: str) -> str:
    """ "Xã Chi Lăng, huyện Tràng Định" → "xã Chi Lăng, huyện Tràng Định, tỉnh Lạng Sơn"."""
    text = address[:1].lower() + address[1:]
    suffix = f"tỉnh {names.PROVINCE_NAME}"
    return text if text.endswith(suffix) else f"{text}, {suffix}"


def cells_from_nodes(root: Node) -> dict[Node, Cell]:
    """demo.lives cells for the tree just written, with addresses and successors."""
    district, *communes = root.children
    cells: dict[Node, Cell] = {}
    mapped = {old for _, olds in names.NEW_COMMUNES for old in olds}

    def visit(node: Node, parent: Node, locality: str, outside: str, places: list[str]):
        if node.is_cell:
            units = node.units or [u for s in node.successors for u in s.units]
            own = [f"{UNIT_WORDS.get(u.kind, 'thôn')} {u.name}, {locality}" for u in units]
            cells[node] = Cell(
                id=node.org.pk,
                name=node.name,
                category=node.category,
                established_on=node.established_on,
                dissolved_on=node.dissolved_on,
                superior=parent.name,
                addresses=tuple(own or places),
                after_dissolution=outside if node.dissolved_on else "",
            )
        for child in node.children:
            visit(child, node, locality, outside, places)

    def places_of(node: Node, locality: str) -> list[str]:
        units = [
            u for n in node.walk() for u in (n.units or [u for s in n.successors for u in s.units])
        ]
        return [f"{UNIT_WORDS.get(u.kind, 'thôn')} {u.name}, {locality}" for u in units]

    town = next(c for c in district.children if c.name.endswith(names.OLD_COMMUNES[0][1]))
    town_places = places_of(town, _locality(town.address))
    old_communes = {f"Đảng bộ {word} {name}": (word, name) for word, name, _ in names.OLD_COMMUNES}
    for child in district.children:
        if child.name in old_communes:
            word, name = old_communes[child.name]
            outside = (
                OUTSIDE_AFTER
                if name in mapped
                else f"Đảng bộ xã mới gồm địa bàn {word} {name} cũ (ngoài dữ liệu mẫu)"
            )
            locality = _locality(child.address)
            visit(child, district, locality, outside, places_of(child, locality) or town_places)
        else:
            visit(child, district, _locality(town.address), OUTSIDE_AFTER, town_places)
    for commune in communes:
        locality = _locality(commune.address)
        visit(commune, root, locality, "", places_of(commune, locality))
    for node, cell in cells.items():
        if node.predecessors and node.predecessors[0] in cells:
            cell.predecessor = cells[node.predecessors[0]]
    return cells


def cells_from_database(root: Organization) -> list[Cell]:
    """demo.lives cells of the demo tree in the database (for --members)."""
    orgs = list(
        Organization.objects.filter(path__startswith=root.path).values(
            "pk", "path", "name", "kind", "category", "established_on", "dissolved_on", "address"
        )
    )
    by_path = {o["path"]: o for o in orgs}
    steplen = Organization.steplen
    units: defaultdict[int, list[str]] = defaultdict(list)
    for cell_id, name, kind in ResidentialUnit.objects.filter(
        cell__path__startswith=root.path
    ).values_list("cell_id", "name", "kind"):
        units[cell_id].append(f"{UNIT_WORDS.get(kind, 'thôn')} {name}")
    commune_places: defaultdict[int, list[str]] = defaultdict(list)
    localities = {}
    for org in orgs:
        commune = next(
            (
                by_path[org["path"][:i]]
                for i in range(len(org["path"]), 0, -steplen)
                if by_path.get(org["path"][:i], {}).get("kind") in COMMUNE_KINDS
            ),
            None,
        )
        if commune is not None and org["kind"] in CELL_KINDS:
            locality = _locality(commune["address"] or commune["name"].removeprefix("Đảng bộ "))
            localities[org["pk"]] = (commune["pk"], locality)
            commune_places[commune["pk"]] += [f"{u}, {locality}" for u in units[org["pk"]]]
    cells = {}
    for org in orgs:
        if org["kind"] not in CELL_KINDS:
            continue
        parent = by_path.get(org["path"][:-steplen])
        commune_id, locality = localities.get(org["pk"], (None, ""))
        own = tuple(f"{u}, {locality}" for u in units[org["pk"]]) if locality else ()
        cells[org["pk"]] = Cell(
            id=org["pk"],
            name=org["name"],
            category=org["category"],
            established_on=org["established_on"],
            dissolved_on=org["dissolved_on"],
            superior=parent["name"] if parent else "",
            addresses=own or tuple(commune_places.get(commune_id, ())),
            after_dissolution=OUTSIDE_AFTER,
        )
    for before, after in OrganizationSuccession.objects.filter(
        successor__in=list(cells), predecessor__in=list(cells)
    ).values_list("predecessor_id", "successor_id"):
        cells[after].predecessor = cells[before]
    return list(cells.values())
