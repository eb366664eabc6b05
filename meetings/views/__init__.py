"""Meeting screens: thin views over meetings.queries (reads) and meetings.services (writes).

A meeting or cell outside the user's reach is a 404; a member of the cell reads its
meetings but a write answers 403. Split by area; `meetings.urls` uses the names below.
"""

from .attendance import attendance, attendance_row
from .documents import (
    document_download,
    document_upload,
    issue_minutes,
    issue_resolution,
    minutes_document,
    minutes_scan,
    resolution_document,
    resolution_scan,
    scan_download,
)
from .meeting import cancel, detail, edit_plan, hold, mine, minutes
from .plan import cell_plan, create, feed, feed_link, generate_plan
from .resolutions import resolution_create, task_create, task_done
from .scoring import scoring, scoring_index
from .superior_attendance import assignment_delete, superior_add, superior_attendance

__all__ = [
    "assignment_delete",
    "attendance",
    "attendance_row",
    "cancel",
    "cell_plan",
    "create",
    "detail",
    "document_download",
    "document_upload",
    "edit_plan",
    "feed",
    "feed_link",
    "generate_plan",
    "hold",
    "issue_minutes",
    "issue_resolution",
    "mine",
    "minutes",
    "minutes_document",
    "minutes_scan",
    "resolution_create",
    "resolution_document",
    "resolution_scan",
    "scan_download",
    "scoring",
    "scoring_index",
    "superior_add",
    "superior_attendance",
    "task_create",
    "task_done",
]
