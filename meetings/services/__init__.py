"""Every write of the meetings app: keyword-only options, one transaction each, `by` in the
audit trail (django-simple-history), a Vietnamese ValidationError for bad input.

Optimistic locking: each write to a meeting or its attendance states the `version` of
the meeting it was based on; if someone else saved in between, `Conflict` is raised and
nothing is written (the caller shows the message and the fresh data).

Split by area; import from `meetings.services` (this module re-exports every service).
"""

from .attendance import mark_all_present, record_attendance, save_attendance
from .common import Conflict, is_suspended
from .documents import (
    MAX_SCAN_BYTES,
    attach_document,
    calendar_feed,
    issue_minutes,
    issue_resolution,
    scan_content_type,
    upload_signed_scan,
)
from .plan import (
    MINUTES_FIELDS,
    cancel_meeting,
    create_meeting,
    generate_year_plan,
    hold_meeting,
    update_minutes,
    update_plan,
)
from .resolutions import add_resolution, add_task, complete_task
from .scoring import can_edit_scoring, save_scoring
from .superior_attendance import add_superior, assign_superior_attendee, unassign_superior_attendee

__all__ = [
    "MAX_SCAN_BYTES",
    "MINUTES_FIELDS",
    "Conflict",
    "add_resolution",
    "add_superior",
    "add_task",
    "assign_superior_attendee",
    "attach_document",
    "calendar_feed",
    "can_edit_scoring",
    "cancel_meeting",
    "complete_task",
    "create_meeting",
    "generate_year_plan",
    "hold_meeting",
    "is_suspended",
    "issue_minutes",
    "issue_resolution",
    "mark_all_present",
    "record_attendance",
    "unassign_superior_attendee",
    "save_attendance",
    "save_scoring",
    "scan_content_type",
    "update_minutes",
    "update_plan",
    "upload_signed_scan",
]
