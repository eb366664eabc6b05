"""The member register's tables for raw bulk inserts (core.bulk): the import (members.imports)
and the demo generator (demo.lives_write) write new members and their rows with them."""

from core.bulk import Table

from ..models import Badge, Exemption, Member, MemberEvent, Membership, Transfer

_MEMBER_COLUMNS = [f.attname for f in Member._meta.concrete_fields]
MEMBERS = Table(Member, _MEMBER_COLUMNS)
MEMBERSHIPS = Table(
    Membership, ["id", "member_id", "organization_id", "kind", "starts_on", "ends_on"]
)
EVENTS = Table(
    MemberEvent,
    [
        "id",
        "member_id",
        "kind",
        "on",
        "organization_id",
        "counterpart",
        "document",
        "reason",
        "recorded_by_id",
        "recorded_at",
    ],
)
TRANSFERS = Table(
    Transfer,
    [
        "id",
        "member_id",
        "kind",
        "reason",
        "state",
        "from_organization_id",
        "from_outside",
        "to_organization_id",
        "to_outside",
        "trigger_on",
        "letter_number",
        "letter_on",
        "received_on",
        "until",
        "returned_on",
        "note",
    ],
)
EXEMPTIONS = Table(
    Exemption,
    [
        "id",
        "member_id",
        "ground",
        "starts_on",
        "ends_on",
        "past_working_age",
        "poor_health",
        "own_request",
        "cell_decided_on",
        "document",
        "note",
    ],
)
BADGES = Table(Badge, ["id", "member_id", "years", "presented_on", "decision", "early"])
