"""MTG-03 "minutes written up in full", computed from the DOC-02 parts of the minutes.

Complete minutes meet the criterion; each missing part fails it and is named on the
quality screen; the MTG-05 score follows; the list pages stay at a constant number of
queries.
"""

from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.enums import AttendanceStatus as S
from meetings.enums import MeetingKind
from meetings.models import AgendaItem, Attendance, Meeting, Task
from meetings.queries.evaluations import evaluate, year_scores
from meetings.queries.scope import year_meetings
from meetings.rules.minutes import PARTS, MinutesFacts, minutes_complete, missing_parts
from meetings.services.attendance import mark_all_present
from meetings.services.documents import issue_minutes, upload_signed_scan
from meetings.services.plan import update_minutes
from meetings.services.resolutions import add_resolution, add_task
from tests.meetings.conftest import YEAR, held

pytestmark = pytest.mark.django_db

LABELS = {part.key: str(part.label) for part in PARTS}
CRITERION = "Ghi biên bản đầy đủ"


# --- The rule (pure) ---------------------------------------------------------------------

COMPLETE = MinutesFacts(kind=MeetingKind.PERIODIC, **dict.fromkeys(LABELS, True))


def test_doc02_complete_facts_miss_nothing():
    assert missing_parts(COMPLETE) == []
    assert minutes_complete(COMPLETE)


@pytest.mark.parametrize("key", list(LABELS))
def test_doc02_each_missing_part_is_named(key):
    facts = replace(COMPLETE, **{key: False})
    assert [p.key for p in missing_parts(facts)] == [key]
    assert not minutes_complete(facts)


@pytest.mark.parametrize("kind", [MeetingKind.THEMATIC, MeetingKind.EXTRAORDINARY])
def test_doc02_periodic_only_parts(kind):
    """MTG-04 content items and next month's tasks are required of periodic meetings only."""
    facts = replace(COMPLETE, kind=kind, news=False, ideology=False, review=False, tasks=False)
    assert minutes_complete(facts)
    assert not minutes_complete(replace(facts, discussion=False))


# --- From the data ------------------------------------------------------------------------


@pytest.fixture
def meeting(cell, secretary, people):
    """A periodic meeting whose minutes hold every DOC-02 part."""
    m = held(cell, date(YEAR, 3, 5), by=secretary)
    mark_all_present(m, version=m.version, by=secretary)
    add_task(m, by=secretary, text="Sửa đường liên thôn", assignee=people[2])
    m.refresh_from_db()
    update_minutes(
        m,
        version=m.version,
        by=secretary,
        place="Nhà văn hóa thôn Nà Phát",
        chair=people[0],
        minute_taker=people[1],
        news_and_directions="Nghị quyết của Đảng ủy xã.",
        ideological_situation="Đảng viên yên tâm công tác.",
        review_of_tasks="Đã hoàn thành việc tháng trước.",
        discussion="Bàn việc làm đường.",
        conclusion="Thống nhất làm đường trong quý II.",
        self_rating="good",
        minutes_signed=True,
        speakers=5,
        prepared_content=True,
    )
    m.refresh_from_db()
    return m


def _criterion(meeting):
    evaluation = evaluate(Meeting.objects.get(pk=meeting.pk))
    [criterion] = [c for c in evaluation.criteria if c.label == CRITERION]
    return criterion, evaluation


def _minutes(meeting, by, **fields):
    meeting.refresh_from_db()
    update_minutes(meeting, version=meeting.version, by=by, **fields)


def test_mtg03_complete_minutes_meet_the_criterion(meeting):
    criterion, evaluation = _criterion(meeting)
    assert criterion.computed is True
    assert criterion.met is True and criterion.missing == () and criterion.detail == ""
    assert evaluation.minutes_missing == []
    # MTG-05: the closing part earns its full weight and the minutes count as maximal.
    assert evaluation.score.maxed["minutes"] is True
    assert evaluation.score.points == 100 and evaluation.score.rating == "good"


def _remove(key, meeting, by, people):
    """Take one DOC-02 part away from the complete minutes."""
    texts = {
        "place": "place",
        "news": "news_and_directions",
        "ideology": "ideological_situation",
        "review": "review_of_tasks",
        "discussion": "discussion",
        "self_rating": "self_rating",
    }
    if key in texts:
        _minutes(meeting, by, **{texts[key]: ""})
    elif key in ("starts_at", "ends_at"):
        _minutes(meeting, by, **{key: None})
    elif key in ("chair", "minute_taker"):
        Meeting.objects.filter(pk=meeting.pk).update(**{key: None})
    elif key == "attendance":
        Attendance.objects.filter(meeting=meeting).delete()
    elif key == "absence_reasons":  # "vắng có lý do" without the reason written
        Attendance.objects.filter(meeting=meeting, member=people[4]).update(
            status=S.EXCUSED, reason=""
        )
    elif key == "agenda":
        AgendaItem.objects.filter(meeting=meeting).delete()
    elif key == "votes":  # a resolution recorded without its vote
        add_resolution(meeting, by=by, title="Nghị quyết làm đường")
    elif key == "conclusion":
        _minutes(meeting, by, conclusion="   ")
    elif key == "tasks":
        Task.objects.filter(meeting=meeting).delete()
    elif key == "signed":
        _minutes(meeting, by, minutes_signed=False)
    else:  # pragma: no cover - a new part needs its case here
        raise AssertionError(key)


@pytest.mark.parametrize("key", list(LABELS))
def test_mtg03_each_missing_part_fails_and_is_named(key, meeting, secretary, people):
    _remove(key, meeting, secretary, people)
    criterion, evaluation = _criterion(meeting)
    assert criterion.met is False
    assert criterion.missing == (LABELS[key],)
    assert LABELS[key] in criterion.detail
    assert [p.key for p in evaluation.minutes_missing] == [key]
    # MTG-05: incomplete minutes are not at maximum (no Tốt) and lose their closing share.
    assert evaluation.score.maxed["minutes"] is False
    assert evaluation.score.rating != "good"


def test_mtg03_missing_parts_listed_on_the_quality_screen(
    meeting, secretary, people, client, login
):
    _minutes(meeting, secretary, place="", ends_at=None, minutes_signed=False)
    login(secretary)
    body = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    start = body.index('data-testid="minutes-missing"')
    listed = body[start : body.index("</ul>", start)]
    for key in ("place", "ends_at", "signed"):
        assert f"<li>{LABELS[key]}</li>" in listed
    assert LABELS["chair"] not in listed and "bí thư đánh dấu" in body  # two ticks remain


def test_mtg03_complete_minutes_show_no_missing_list(meeting, secretary, client, login):
    login(secretary)
    body = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert 'data-testid="minutes-missing"' not in body
    assert 'data-met="yes"' in body


def test_doc02_a_resolution_adopted_is_a_conclusion(meeting, secretary):
    _minutes(meeting, secretary, conclusion="")
    add_resolution(meeting, by=secretary, title="Nghị quyết tháng 3", votes_for=4)
    criterion, _evaluation = _criterion(meeting)
    assert criterion.met is True


def test_doc02_thematic_minutes_need_no_monthly_items(cell, secretary, people):
    m = held(cell, date(YEAR, 3, 20), by=secretary, kind=MeetingKind.THEMATIC, topic="Chỉ thị 05")
    mark_all_present(m, version=m.version, by=secretary)
    _minutes(
        m,
        secretary,
        place="Hội trường",
        chair=people[0],
        minute_taker=people[1],
        discussion="Thảo luận chuyên đề.",
        conclusion="Thống nhất.",
        self_rating="fair",
        minutes_signed=True,
    )
    criterion, _evaluation = _criterion(m)
    assert criterion.met is True, criterion.missing


def test_doc02_signed_scan_proves_the_signatures(meeting, secretary, tmp_path, settings):
    """The one part the data cannot read is proved by the archived signed scan; the
    secretary's tick is only needed without one."""
    settings.MEDIA_ROOT = tmp_path
    _minutes(meeting, secretary, minutes_signed=False)
    assert _criterion(meeting)[0].missing == (LABELS["signed"],)
    issue_minutes(meeting, by=secretary)
    scan = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    upload_signed_scan(meeting, by=secretary, file=scan)
    assert _criterion(meeting)[0].met is True


def test_minutes_form_keeps_only_the_signature_tick(meeting, secretary, client, login):
    login(secretary)
    body = client.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    assert 'name="minutes_signed"' in body
    assert 'name="minutes_complete"' not in body


# --- Constant queries with held meetings --------------------------------------------------


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_plan_page_queries_constant_with_held_meetings(
    meeting, cell, secretary, people, client, login
):
    """The year list scores every held meeting (MTG-05 with the DOC-02 facts) in a fixed
    number of queries: 1 held meeting or 20, with resolutions, tasks and attendance."""
    login(secretary)
    url = reverse("meetings:plan_year", args=[cell.pk, YEAR])
    one = _count(client, url)
    start = date(YEAR, 4, 1)
    for i in range(19):
        m = held(cell, start + timedelta(days=i * 7), by=secretary, minutes=90 + i)
        mark_all_present(m, version=m.version, by=secretary)
        add_resolution(m, by=secretary, title=f"Nghị quyết {i}", votes_for=i % 3)
        add_task(m, by=secretary, text=f"Việc {i}")
    assert _count(client, url) == one
    scores = year_scores(cell, YEAR, list(year_meetings(cell, YEAR)))
    assert scores.scores[meeting.pk].maxed["minutes"] is True
    assert len(scores.scores) == 20


def test_year_scores_and_meeting_page_agree(meeting, cell, secretary):
    """The list (batched facts) and the meeting page (one meeting) judge alike."""
    _minutes(meeting, secretary, starts_at=time(19, 0), ends_at=None)
    listed = year_scores(cell, YEAR, list(year_meetings(cell, YEAR)))
    evaluation = _criterion(meeting)[1]
    assert listed.scores[meeting.pk].points == evaluation.score.points
    assert listed.scores[meeting.pk].maxed == evaluation.score.maxed


def test_doc02_excused_absence_with_its_reason_is_complete(meeting, people):
    Attendance.objects.filter(meeting=meeting, member=people[4]).update(
        status=S.EXCUSED, reason="Đi công tác"
    )
    assert _criterion(meeting)[0].met is True
