"""The meeting screens' shared scene: cell_a with a held meeting (attendance, a task, a
document) and a planned one."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from meetings.enums import AttendanceStatus as S
from meetings.enums import MeetingKind
from meetings.services.documents import attach_document
from meetings.services.plan import create_meeting
from meetings.services.resolutions import add_task
from tests.meetings.conftest import YEAR, held, mark


@pytest.fixture
def scene(cell, secretary, people, tmp_path, settings):
    """A held meeting of cell_a with attendance, a task and a document; a planned one."""
    settings.MEDIA_ROOT = tmp_path
    past = mark(
        held(cell, date(YEAR, 3, 5), by=secretary), secretary, {p: S.PRESENT for p in people}
    )
    task = add_task(past, by=secretary, text="Vận động đóng góp làm đường", assignee=people[0])
    document = attach_document(
        past,
        by=secretary,
        title="Dự thảo nghị quyết",
        file=SimpleUploadedFile("nq.txt", b"du thao"),
    )
    upcoming = create_meeting(
        organization=cell,
        kind=MeetingKind.PERIODIC,
        planned_on=timezone.localdate() + timedelta(days=10),
        place="Nhà văn hóa thôn",
        by=secretary,
    )
    attach_document(
        upcoming,
        by=secretary,
        title="Tài liệu sinh hoạt tháng",
        file=SimpleUploadedFile("tl.txt", b"tai lieu"),
    )
    return {"held": past, "planned": upcoming, "task": task, "document": document, "cell": cell}
