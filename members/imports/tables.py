"""What the import writes: the profile columns it updates and the leaving events (the
bulk-insert tables are in members.services.bulk_tables)."""

from ..enums import EventKind, MemberStatus

PROFILE_FIELDS = (
    "full_name",
    "birth_name",
    "sex",
    "date_of_birth",
    "home_town",
    "phone",
    "address",
    "education",
    "qualification",
    "theory_level",
    "foreign_language",
    "occupation",
    "armed_forces",
    "retired",
    "file_number",
    "notes",
)
UPDATE_FIELDS = (
    *PROFILE_FIELDS,
    "ethnicity",
    "religion",
    "citizen_id",
    "card_number",
    "organization",
    "admitted_on",
    "full_member_on",
    "party_age_from",
    "status",
    "exempted",
    "search_name",
    "sort_key",
)
LEAVING_EVENT = {
    MemberStatus.TRANSFERRED_OUT: EventKind.TRANSFER_OUT,
    MemberStatus.STRUCK_OFF: EventKind.STRUCK_OFF,
    MemberStatus.EXPELLED: EventKind.EXPELLED,
    MemberStatus.RESIGNED: EventKind.RESIGNED,
    MemberStatus.DECEASED: EventKind.DECEASED,
}

COMPARED = tuple(
    name if name not in {"ethnicity", "religion", "organization"} else f"{name}_id"
    for name in UPDATE_FIELDS
    if name not in {"search_name", "sort_key", "party_age_from"}
)
