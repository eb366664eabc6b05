"""meetings.views.plan: a cell's yearly plan page (MTG-02 warning, constant queries) and the
ICS feed behind a secret token."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import CalendarFeed, Meeting
from meetings.services.attendance import mark_all_present
from meetings.services.plan import create_meeting
from meetings.services.resolutions import add_resolution
from tests.meetings.conftest import YEAR, held

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_plan_page_shows_mtg02_warning_and_year_unlocalized(client, login, secretary, scene):
    login(secretary)
    body = client.get(reverse("meetings:plan_year", args=[scene["cell"].pk, YEAR])).content.decode()
    assert f"năm {YEAR}" in body and "2.025" not in body
    assert 'data-rule="MTG-02"' in body


def test_plan_page_queries_do_not_grow_with_meetings(client, login, secretary, cell):
    login(secretary)
    url = reverse("meetings:plan_year", args=[cell.pk, YEAR])
    create_meeting(organization=cell, kind="periodic", planned_on=date(YEAR, 1, 5), by=secretary)
    one = _queries(client, url)
    for i in range(49):
        create_meeting(
            organization=cell,
            kind="periodic",
            planned_on=date(YEAR, 1, 1) + timedelta(days=i * 7),
            by=secretary,
        )
    assert _queries(client, url) == one


def test_ics_feed_by_secret_token(client, login, secretary, scene):
    login(secretary)
    client.post(reverse("meetings:feed_link", args=[scene["cell"].pk]))
    token = CalendarFeed.objects.get().token
    client.logout()
    response = client.get(reverse("meetings:feed", args=[token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert body.count("BEGIN:VEVENT") == 2
    assert "LOCATION:Nhà văn hóa thôn" in body
    assert "DTSTART:20250305T120000Z" in body  # 19:00 in Hà Nội
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    # Regenerating revokes the old link.
    login(secretary)
    client.post(reverse("meetings:feed_link", args=[scene["cell"].pk]))
    client.logout()
    assert client.get(reverse("meetings:feed", args=[token])).status_code == 404
    assert (
        client.get(reverse("meetings:feed", args=[CalendarFeed.objects.get().token])).status_code
        == 200
    )


def test_plan_page_queries_constant_with_held_meetings(client, login, secretary, cell, people):
    login(secretary)
    url = reverse("meetings:plan_year", args=[cell.pk, YEAR])
    m = held(cell, date(YEAR, 1, 5), by=secretary)
    mark_all_present(m, version=m.version, by=secretary)
    one = _queries(client, url)
    for month in range(2, 13):
        m = held(cell, date(YEAR, month, 5), by=secretary)
        mark_all_present(m, version=m.version, by=secretary)
        add_resolution(Meeting.objects.get(pk=m.pk), by=secretary, title="NQ", votes_for=3)
    body = client.get(url).content.decode()
    assert body.count('data-testid="meeting-rating"') == 12
    assert 'data-testid="year-rating"' in body
    assert _queries(client, url) == one
