"""meetings.queries.evaluations: the MTG-05 score and the yearly rating from the data."""

from datetime import date

import pytest

from meetings.queries.evaluations import year_scores
from meetings.queries.scope import year_meetings
from meetings.services.attendance import mark_all_present
from meetings.services.plan import update_minutes
from meetings.services.resolutions import add_task
from tests.meetings.conftest import YEAR, held

pytestmark = pytest.mark.django_db


def _good_meeting(cell, secretary, people, on, **overrides):
    m = held(cell, on, by=secretary)
    mark_all_present(m, version=m.version, by=secretary)
    m.refresh_from_db()
    add_task(m, by=secretary, text="Sửa nhà văn hóa", assignee=people[2])
    m.refresh_from_db()
    fields = dict(
        prepared_content=True,
        # DOC-02: everything the minutes need, so that they are complete.
        place="Nhà văn hóa thôn",
        chair=people[0],
        minute_taker=people[1],
        self_rating="good",
        minutes_signed=True,
        speakers=5,
        news_and_directions="Tin",
        ideological_situation="Ổn định",
        review_of_tasks="Đã xong",
        discussion="Ý kiến",
        conclusion="Thống nhất",
    )
    fields.update(overrides)
    update_minutes(m, version=m.version, by=secretary, **fields)
    return m


def test_mtg05_score_from_the_data_and_the_yearly_rating(cell, secretary, people):
    for month in range(1, 13):
        good = month <= 7
        _good_meeting(cell, secretary, people, date(YEAR, month, 5), speakers=5 if good else 1)
    meetings = list(year_meetings(cell, YEAR))
    scores = year_scores(cell, YEAR, meetings)
    ratings = [scores.scores[m.pk].rating for m in meetings]
    assert ratings == ["good"] * 7 + ["fair"] * 5  # 85 points without enough speakers
    assert scores.scores[meetings[-1].pk].points == 85
    assert scores.rating == "good"
    # One meeting fewer rated Tốt: the year is not Tốt any more.
    update_minutes(meetings[0], version=meetings[0].version, by=secretary, speakers=1)
    scores = year_scores(cell, YEAR, list(year_meetings(cell, YEAR)))
    assert scores.rating == "fair" and "6" in scores.explanation
