"""ORG rules: which kind may sit under which, and when each kind existed.

ORG-01: the tree changed on 1/7/2025 (294-QĐ/TW): district committees were abolished and
commune/ward committees became the direct superior of grassroots organizations. Each
kind carries the dates it is valid for, and a node is judged by the rules in force on
the date it is placed (its establishment, or the date of a move).
"""

from datetime import date

from core.findings import Finding, Severity

from .enums import OrgKind

K = OrgKind

# ORG-01: the kinds a node of each kind may hold directly.
ALLOWED_CHILDREN: dict[str, frozenset[str]] = {
    K.PROVINCE: frozenset(
        {
            K.DISTRICT,
            K.BLOC,
            K.COMMUNE,
            K.WARD,
            K.SPECIAL_ZONE,
            K.GRASSROOTS_COMMITTEE,
            K.GRASSROOTS_CELL,
        }
    ),
    K.DISTRICT: frozenset({K.GRASSROOTS_COMMITTEE, K.GRASSROOTS_CELL}),
    K.BLOC: frozenset({K.GRASSROOTS_COMMITTEE, K.GRASSROOTS_CELL}),
    K.COMMUNE: frozenset({K.GRASSROOTS_COMMITTEE, K.GRASSROOTS_CELL}),
    K.WARD: frozenset({K.GRASSROOTS_COMMITTEE, K.GRASSROOTS_CELL}),
    K.SPECIAL_ZONE: frozenset({K.GRASSROOTS_COMMITTEE, K.GRASSROOTS_CELL}),
    K.GRASSROOTS_COMMITTEE: frozenset({K.SUB_COMMITTEE, K.CELL}),
    K.SUB_COMMITTEE: frozenset({K.CELL}),
    K.GRASSROOTS_CELL: frozenset({K.PARTY_GROUP}),
    K.CELL: frozenset({K.PARTY_GROUP}),
    K.PARTY_GROUP: frozenset(),
}
ROOT_KINDS = frozenset({K.PROVINCE})

# ORG-01: the 2025 reorganization (294-QĐ/TW).
REORGANIZATION_2025 = date(2025, 7, 1)
KIND_VALID_UNTIL: dict[str, date] = {K.DISTRICT: date(2025, 6, 30)}
KIND_VALID_FROM: dict[str, date] = {
    K.COMMUNE: REORGANIZATION_2025,
    K.WARD: REORGANIZATION_2025,
    K.SPECIAL_ZONE: REORGANIZATION_2025,
}


def kind_label(kind: str) -> str:
    return str(OrgKind(kind).label)


def check_placement(kind: str, superior_kind: str | None, on: date | None) -> list[Finding]:
    """ORG-01: may a node of `kind` sit under `superior_kind` on date `on`?"""
    findings: list[Finding] = []
    if superior_kind is None:
        if kind not in ROOT_KINDS:
            findings.append(
                Finding(
                    "ORG-01",
                    Severity.BLOCKING,
                    f"{kind_label(kind)} phải thuộc một tổ chức cấp trên.",
                    "superior",
                )
            )
    elif kind not in ALLOWED_CHILDREN[superior_kind]:
        findings.append(
            Finding(
                "ORG-01",
                Severity.BLOCKING,
                f"{kind_label(superior_kind)} không thể trực tiếp có {kind_label(kind).lower()}.",
                "kind",
            )
        )
    if on is not None:
        until = KIND_VALID_UNTIL.get(kind)
        if until and on > until:
            findings.append(
                Finding(
                    "ORG-01",
                    Severity.BLOCKING,
                    f"Từ ngày 01/07/2025 không còn cấp {kind_label(kind).lower()} (Quy định 294-QĐ/TW).",
                    "kind",
                )
            )
        since = KIND_VALID_FROM.get(kind)
        if since and on < since:
            findings.append(
                Finding(
                    "ORG-01",
                    Severity.BLOCKING,
                    f"{kind_label(kind)} là cấp trên trực tiếp của tổ chức cơ sở đảng chỉ từ ngày 01/07/2025; "
                    "trước đó đảng bộ xã, phường là đảng bộ cơ sở.",
                    "kind",
                )
            )
    return findings
