"""meetings.views.resolutions: resolutions and tasks of a held meeting, bad votes shown on the
form, a task marked done."""

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


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
