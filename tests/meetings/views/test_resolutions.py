"""meetings.views.resolutions: resolutions and tasks of a held meeting, bad votes shown on the
form, a task marked done."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from meetings.enums import AttendanceStatus as S
from meetings.enums import MeetingKind
from meetings.services.documents import attach_document
from meetings.services.plan import create_meeting
from meetings.services.resolutions import add_task
from tests.meetings.conftest import YEAR, held, mark

pytestmark = pytest.mark.django_db


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


def test_votes_above_present_refused_on_the_form(client, login, secretary, scene):
    login(secretary)
    m = scene["held"]
    response = client.post(
        reverse("meetings:resolution_create", args=[m.pk]),
        {"title": "NQ", "votes_for": 5, "votes_against": 1, "votes_abstain": 0},
    )
    assert "Tổng số phiếu (6) nhiều hơn" in response.content.decode()


def test_a_task_is_marked_done_once(client, login, secretary, scene):
    login(secretary)
    task = scene["task"]
    response = client.post(reverse("meetings:task_done", args=[task.pk]))
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.done_on == timezone.localdate()
    assert response["Location"] == scene["held"].get_absolute_url()


def test_a_task_done_goes_back_to_the_page_it_came_from(client, login, secretary, scene):
    login(secretary)
    response = client.post(
        reverse("meetings:task_done", args=[scene["task"].pk]), {"next": "/meetings/mine/"}
    )
    assert response.status_code == 302 and response["Location"] == "/meetings/mine/"


@pytest.mark.parametrize("elsewhere", ["https://example.com/", "//example.com/x"])
def test_a_task_done_never_goes_to_another_site(client, login, secretary, scene, elsewhere):
    login(secretary)
    response = client.post(
        reverse("meetings:task_done", args=[scene["task"].pk]), {"next": elsewhere}
    )
    assert response["Location"] == scene["held"].get_absolute_url()


def test_a_resolution_is_added_to_the_held_meeting(client, login, secretary, scene):
    login(secretary)
    m = scene["held"]
    response = client.post(
        reverse("meetings:resolution_create", args=[m.pk]),
        {"title": "Nghị quyết làm đường", "votes_for": 4, "votes_against": 1, "votes_abstain": 0},
    )
    assert response.status_code == 302
    resolution = m.resolutions.get()
    assert (resolution.title, resolution.votes_for) == ("Nghị quyết làm đường", 4)
