"""Training and study pages: thin views that parse, call training.services, render.

Everything is scoped (accounts.scope): a course, enrollment, organization or study
session outside the user's reach is a 404 on every page and export; a reader who may
not write (an inspector) gets 403 on a write.
"""

from .courses import (
    complete,
    course_create,
    course_detail,
    course_edit,
    course_export,
    course_export_enrollments,
    course_list,
    enroll,
    enrollment_result,
    home,
)
from .study import (
    directive_create,
    directive_detail,
    directive_export,
    directive_list,
    session_create,
    session_export,
    study_home,
)

__all__ = [
    "home",
    "course_list",
    "course_export",
    "course_create",
    "course_edit",
    "course_detail",
    "enroll",
    "complete",
    "course_export_enrollments",
    "enrollment_result",
    "study_home",
    "directive_list",
    "directive_export",
    "directive_create",
    "directive_detail",
    "session_create",
    "session_export",
]
