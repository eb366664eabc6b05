"""meetings.views.attendance: the attendance screen, its htmx rows, the optimistic version
(a stale one reloads or answers 409), "all present", constant queries."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.enums import AttendanceStatus as S
from meetings.models import Attendance, Meeting
from meetings.services.attendance import mark_all_present
from tests.meetings.conftest import YEAR, add_member, held

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_attendance_screen_rows_and_buttons(client, login, secretary, scene, people):
    login(secretary)
    body = client.get(reverse("meetings:attendance", args=[scene["held"].pk])).content.decode()
    assert body.count('data-testid="att-row"') == 5
    assert 'class="btn-check"' in body and "Tất cả có mặt" in body
    assert "<script>" not in body and "style=" not in body  # strict CSP: no inline code
    assert 'src="/static/meetings/attendance.js"' in body


def test_htmx_row_update_returns_row_counts_and_version(client, login, secretary, scene, people):
    login(secretary)
    m = scene["held"]
    url = reverse("meetings:attendance_row", args=[m.pk, people[1].pk])
    response = client.post(
        url,
        {f"status-{people[1].pk}": S.UNEXCUSED, f"reason-{people[1].pk}": "", "version": m.version},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert f'id="s-{people[1].pk}-unexcused" value="unexcused" autocomplete="off" checked' in body
    assert f'value="{m.version + 1}"' in body and 'hx-swap-oob="true"' in body
    assert Attendance.objects.get(member=people[1]).status == S.UNEXCUSED


def test_htmx_stale_version_reloads_with_a_conflict_message(
    client, login, secretary, scene, people
):
    login(secretary)
    m = scene["held"]
    url = reverse("meetings:attendance_row", args=[m.pk, people[1].pk])
    response = client.post(
        url,
        {f"status-{people[1].pk}": S.UNEXCUSED, "version": m.version - 1},
        HTTP_HX_REQUEST="true",
    )
    assert response["HX-Refresh"] == "true"
    assert Attendance.objects.get(member=people[1]).status == S.PRESENT
    page = client.get(reverse("meetings:attendance", args=[m.pk])).content.decode()
    assert "Người khác vừa cập nhật" in page


def test_full_form_with_stale_version_is_409_and_keeps_data(
    client, login, secretary, scene, people
):
    login(secretary)
    m = scene["held"]
    response = client.post(
        reverse("meetings:attendance", args=[m.pk]),
        {f"status-{people[0].pk}": S.UNEXCUSED, "version": m.version - 1},
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "Người khác vừa cập nhật" in body
    assert 'data-testid="unsaved"' in body and "Nguyễn Văn Bảo: Vắng không lý do" in body
    assert Attendance.objects.get(member=people[0]).status == S.PRESENT


def test_all_present_button(client, login, secretary, cell, people):
    login(secretary)
    m = held(cell, date(YEAR, 4, 5), by=secretary)
    response = client.post(
        reverse("meetings:attendance", args=[m.pk]), {"all_present": "1", "version": m.version}
    )
    assert response.status_code == 302
    assert Attendance.objects.filter(meeting=m, status=S.PRESENT).count() == 5


def test_attendance_screen_queries_do_not_grow_with_members(client, login, secretary, cell):
    login(secretary)
    for i in range(3):
        add_member(cell, f"Đảng viên {i}")
    m = held(cell, date(YEAR, 3, 5), by=secretary)
    mark_all_present(m, version=m.version, by=secretary)
    url = reverse("meetings:attendance", args=[m.pk])
    three = _queries(client, url)
    for i in range(3, 50):
        add_member(cell, f"Đảng viên {i}")
    assert _queries(client, url) == three
    detail = reverse("meetings:detail", args=[m.pk])
    before = _queries(client, detail)
    mark_all_present(
        Meeting.objects.get(pk=m.pk), version=Meeting.objects.get(pk=m.pk).version, by=secretary
    )
    assert _queries(client, detail) == before
