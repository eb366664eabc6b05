"""Meeting screens for every persona, bad input through the forms, the member's own list, the
alerts partial (the attendance screen: test_attendance; the plan and its feed: test_plan)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.enums import AttendanceStatus as S
from meetings.enums import MeetingKind
from meetings.models import Attendance, CalendarFeed, Meeting, MeetingDocument, Task
from meetings.services.plan import create_meeting
from tests.meetings.conftest import YEAR, add_member, held, mark

pytestmark = pytest.mark.django_db


def read_urls(scene):
    m, p, cell = scene["held"], scene["planned"], scene["cell"]
    return [
        reverse("meetings:plan", args=[cell.pk]),
        reverse("meetings:plan_year", args=[cell.pk, YEAR]),
        reverse("meetings:detail", args=[m.pk]),
        reverse("meetings:detail", args=[p.pk]),
        reverse("meetings:document", args=[scene["document"].pk]),
    ]


def write_urls(scene):
    m, p, cell = scene["held"], scene["planned"], scene["cell"]
    return [
        reverse("meetings:create", args=[cell.pk]),
        reverse("meetings:edit", args=[p.pk]),
        reverse("meetings:hold", args=[m.pk]),
        reverse("meetings:cancel", args=[p.pk]),
        reverse("meetings:minutes", args=[m.pk]),
        reverse("meetings:attendance", args=[m.pk]),
        reverse("meetings:resolution_create", args=[m.pk]),
        reverse("meetings:task_create", args=[m.pk]),
        reverse("meetings:document_upload", args=[m.pk]),
        reverse("meetings:superior_add", args=[m.pk]),
    ]


def post_urls(scene, people):
    m, cell = scene["held"], scene["cell"]
    return [
        (
            reverse("meetings:attendance_row", args=[m.pk, people[0].pk]),
            {f"status-{people[0].pk}": S.EXCUSED, "version": m.version},
        ),
        (reverse("meetings:generate", args=[cell.pk, YEAR]), {"day_of_month": 5}),
        (reverse("meetings:feed_link", args=[cell.pk]), {}),
        (reverse("meetings:task_done", args=[scene["task"].pk]), {}),
    ]


# (persona, reads, writes) on cell_a's meetings
PERSONAS = [
    ("secretary", 200, 200),
    ("officer", 200, 200),
    ("admin_user", 200, 200),
    ("inspector", 200, 403),
    ("member_user", 200, 403),
    ("other_secretary", 404, 404),
    ("outsider", 404, 404),
]


@pytest.mark.parametrize("name, reads, writes", PERSONAS)
def test_pages_by_persona(name, reads, writes, persona, client, login, scene):
    login(persona(name))
    for url in read_urls(scene):
        assert client.get(url).status_code == reads, url
    for url in write_urls(scene):
        assert client.get(url).status_code == writes, url


@pytest.mark.parametrize("name, reads, writes", PERSONAS)
def test_posts_by_persona(name, reads, writes, persona, client, login, scene, people):
    login(persona(name))
    for url, data in post_urls(scene, people):
        status = client.post(url, data).status_code
        if writes == 200:
            assert status in (200, 302), url
        else:
            assert status == writes, url
    if writes != 200:
        assert Attendance.objects.filter(status=S.EXCUSED).count() == 0
        assert not CalendarFeed.objects.exists()
        assert Task.objects.get().done_on is None
        assert Meeting.objects.count() == 2


def test_anonymous_is_sent_to_login(client, scene, people):
    for url in read_urls(scene) + write_urls(scene) + [reverse("meetings:mine")]:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("accounts:login")), (
            url
        )
    for url, data in post_urls(scene, people):
        assert client.post(url, data).status_code == 302


def test_member_sees_upcoming_meetings_and_documents(client, login, member_user, scene):
    login(member_user)
    response = client.get(reverse("meetings:mine"))
    assert response.status_code == 200
    assert [m.pk for m in response.context["meetings"]] == [scene["planned"].pk]
    assert "Tài liệu sinh hoạt tháng" in response.content.decode()
    detail = client.get(reverse("meetings:detail", args=[scene["planned"].pk])).content.decode()
    assert "Tài liệu sinh hoạt tháng" in detail
    assert 'data-testid="meeting-actions"' not in detail  # read only


def test_other_cells_member_sees_nothing(client, login, scene, tree):
    from tests.factories import UserFactory

    user = UserFactory(username="b_member")
    add_member(tree["cell_b"], "Hà Thị Mai", user=user)
    login(user)
    assert not list(client.get(reverse("meetings:mine")).context["meetings"])
    assert client.get(reverse("meetings:detail", args=[scene["planned"].pk])).status_code == 404


def test_detail_shows_open_tasks_on_next_agenda_and_vote_base(client, login, secretary, scene):
    login(secretary)
    body = client.get(reverse("meetings:detail", args=[scene["planned"].pk])).content.decode()
    assert 'data-testid="open-tasks"' in body and "Vận động đóng góp làm đường" in body
    body = client.get(reverse("meetings:detail", args=[scene["held"].pk])).content.decode()
    assert "Số đảng viên làm căn cứ biểu quyết (MTG-07): 5" in body


# --- Forms refuse bad input with a message ---


def test_hold_in_future_refused_on_the_form(client, login, secretary, scene):
    login(secretary)
    planned = scene["planned"]
    response = client.post(
        reverse("meetings:hold", args=[planned.pk]),
        {
            "held_on": (timezone.localdate() + timedelta(days=3)).strftime("%d/%m/%Y"),
            "version": planned.version,
        },
    )
    assert response.status_code == 200
    assert "Không thể ghi nhận đã sinh hoạt vào ngày ở tương lai." in response.content.decode()


def test_end_before_start_refused_on_the_form(client, login, secretary, scene):
    login(secretary)
    m = scene["held"]
    response = client.post(
        reverse("meetings:hold", args=[m.pk]),
        {"held_on": "05/03/2025", "starts_at": "19:00", "ends_at": "18:00", "version": m.version},
    )
    assert "Giờ kết thúc phải sau giờ bắt đầu." in response.content.decode()


def test_document_download(client, login, member_user, scene):
    login(member_user)
    response = client.get(reverse("meetings:document", args=[scene["document"].pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"du thao"
    assert MeetingDocument.objects.count() == 2


# --- Alerts partial ---


def test_alerts_tag_for_cell_and_commune(rf, secretary, officer, member_user, cell, people, tree):
    from django.template import Context, Template

    for month in (1, 2, 3):
        m = held(cell, date(YEAR, month, 5), by=secretary)
        mark(m, secretary, {**{p: S.PRESENT for p in people[1:]}, people[0]: S.UNEXCUSED})
    template = Template("{% load meetings_tags %}{% meeting_alerts org year=2025 %}")
    request = rf.get("/")
    request.user = secretary
    body = template.render(Context({"request": request, "org": cell}))
    assert 'data-rule="MTG-08"' in body and "Nguyễn Văn Bảo" in body
    request.user = officer
    body = template.render(Context({"request": request, "org": tree["commune"]}))
    assert "Chi bộ thôn Khau Khoang" in body
    request.user = member_user
    assert "meeting-alerts" not in template.render(Context({"request": request, "org": cell}))


def test_detail_in_english_cancelled_state_cancel_button_and_agenda(
    english, login, secretary, scene
):
    from meetings.services.plan import cancel_meeting

    planned = scene["planned"]
    client = login(secretary)
    html = client.get(reverse("meetings:detail", args=[planned.pk])).content.decode()
    assert "Collect party dues" in html and "Thu đảng phí" not in html  # stored in Vietnamese
    assert "</i> Cancel</a>" in html  # the button
    cancel_meeting(planned, version=planned.version, by=secretary, reason="Mưa bão")
    html = client.get(reverse("meetings:detail", args=[planned.pk])).content.decode()
    assert 'data-testid="meeting-state">Cancelled</span>' in html


def test_agenda_planned_in_english_is_stored_in_vietnamese(cell, secretary):
    from django.utils import translation

    with translation.override("en"):
        meeting = create_meeting(
            organization=cell,
            kind=MeetingKind.PERIODIC,
            planned_on=timezone.localdate() + timedelta(days=20),
            by=secretary,
        )
    assert meeting.agenda.first().title == "Thu đảng phí"
