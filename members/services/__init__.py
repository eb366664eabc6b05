"""Every write to members, by area: profile (create, edit, accounts), transfers and
exemptions, badges, imports. The dated status changes themselves go through
members.events.record_event."""

from .profile import (
    EDITABLE_FIELDS,
    ENTRY_ADMISSION,
    ENTRY_EXISTING,
    PROFILE_FIELDS,
    create_member,
    link_account,
    record_status_event,
    unlink_account,
    update_member,
)

__all__ = [
    "EDITABLE_FIELDS",
    "ENTRY_ADMISSION",
    "ENTRY_EXISTING",
    "PROFILE_FIELDS",
    "create_member",
    "link_account",
    "record_status_event",
    "unlink_account",
    "update_member",
]
