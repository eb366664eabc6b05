"""Evaluations: weights, content completeness, scores of a year, the evaluation of a meeting and its page."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from organizations.models import Organization

from ..enums import MeetingKind, MeetingState
from ..models import (
    Attendance,
    Meeting,
    ScoringConfig,
    Task,
)
from ..rules import minutes as rules_minutes
from ..rules import quality as rules
from .minutes import minutes_facts
from .register import rule_rows

# --- Evaluations ------------------------------------------------------------------------


def weights_for(organization: "Organization") -> rules.Weights:
    """MTG-05 weights: the province's own row, else the system default row, else 15/20/45/20."""
    root_path = organization.path[: Organization.steplen]
    configs = {
        (c.organization_id is not None): c
        for c in ScoringConfig.objects.filter(
            Q(organization__path=root_path) | Q(organization__isnull=True)
        )
    }
    config = configs.get(True) or configs.get(False)
    if config is None:
        return rules.Weights()
    return rules.Weights(
        config.preparation, config.attendance, config.conduct, config.closing, config.min_speakers
    )


def year_history(
    organization: Organization, year: int, *, until: date | None = None
) -> list[tuple[date, dict[int, str]]]:
    """The cell's held meetings of the year as rules.absence_streaks wants them (one query)."""
    qs = Attendance.objects.filter(
        meeting__organization=organization,
        meeting__state=MeetingState.HELD,
        meeting__held_on__year=year,
    )
    if until is not None:
        qs = qs.filter(meeting__held_on__lte=until)
    by_meeting: dict[tuple[date, int], dict[int, str]] = defaultdict(dict)
    for meeting_id, held_on, member_id, status in qs.values_list(
        "meeting_id", "meeting__held_on", "member_id", "status"
    ).order_by("meeting__held_on", "meeting_id"):
        assert held_on is not None  # a held meeting has its date
        by_meeting[(held_on, meeting_id)][member_id] = status
    return [(key[0], statuses) for key, statuses in sorted(by_meeting.items())]


@dataclass
class Evaluation:
    count: rules.AttendanceCount
    criteria: list[rules.Criterion]
    score: rules.Score
    weights: rules.Weights
    base: list[rules.BaseLine]  # MTG-07 lines
    base_size: int
    voters_present: int
    streaks: dict[int, int]
    minutes_missing: list[rules_minutes.Part]  # DOC-02 parts the minutes lack


def content_complete(meeting: Meeting) -> bool:
    return all(
        [
            meeting.news_and_directions.strip(),
            meeting.ideological_situation.strip(),
            meeting.review_of_tasks.strip(),
            meeting.discussion.strip(),
        ]
    )


def _score(
    meeting: Meeting,
    rows: list[rules.Row],
    weights: rules.Weights,
    facts: rules_minutes.MinutesFacts,
) -> rules.Score:
    return rules.meeting_score(
        rules.ScoreInput(
            prepared_content=meeting.prepared_content,
            attendance=rules.count_attendance(rows),
            duration=meeting.duration_minutes,
            speakers=meeting.speakers,
            content_complete=content_complete(meeting),
            conclusion=facts.conclusion,
            # MTG-05 closing / MTG-03: computed from the DOC-02 parts of the minutes.
            minutes_complete=rules_minutes.minutes_complete(facts),
        ),
        weights,
    )


@dataclass
class YearScores:
    scores: dict[int, rules.Score]  # by meeting id
    rating: str | None
    explanation: str


def year_scores(organization: Organization, year: int, meetings: Iterable[Meeting]) -> YearScores:
    """MTG-05 score of every held meeting of the list and the cell's yearly rating, in three
    queries whatever the number of meetings and members (attendance, the DOC-02 facts of
    the minutes, the weights)."""
    held = [m for m in meetings if m.is_held]
    if not held:
        return YearScores({}, None, "")
    ids = [m.pk for m in held]
    rows: dict[int, list[Attendance]] = defaultdict(list)
    for a in Attendance.objects.filter(meeting_id__in=ids):
        rows[a.meeting_id].append(a)
    facts = minutes_facts(held)
    weights = weights_for(organization)
    scores = {
        m.pk: _score(m, rule_rows(rows[m.pk], names=False), weights, facts[m.pk]) for m in held
    }
    periodic = [
        scores[m.pk].rating
        for m in held
        if m.kind == MeetingKind.PERIODIC and m.held_on is not None and m.held_on.year == year
    ]
    expected = 12 if organization.is_cell else 2
    rating, explanation = rules.year_rating(periodic, expected=expected)
    return YearScores(scores, rating, explanation)


def evaluate(meeting: Meeting, attendances: list[Attendance] | None = None) -> Evaluation:
    """MTG-03 criteria, MTG-05 score, MTG-07 base of one meeting (four queries)."""
    if attendances is None:
        attendances = list(meeting.attendances.select_related("member"))
    rows = rule_rows(attendances)
    count = rules.count_attendance(rows)
    streaks: dict[int, int] = {}
    if meeting.is_held:
        assert meeting.held_on is not None  # a held meeting has its date
        history = year_history(meeting.organization, meeting.held_on.year, until=meeting.held_on)
        all_streaks = rules.absence_streaks(history)
        streaks = {r.member_id: all_streaks.get(r.member_id, 0) for r in rows}
    longest = max(streaks.values(), default=0)
    duration = meeting.duration_minutes
    facts = minutes_facts([meeting])[meeting.pk]
    missing = rules_minutes.missing_parts(facts)  # DOC-02
    criteria = rules.quality_criteria(
        count=count,
        longest_streak=longest,
        duration=duration,
        prepared_content=meeting.prepared_content,
        minutes_missing=rules_minutes.missing_labels(missing),
        resolution_carried_out=meeting.resolution_carried_out,
    )
    weights = weights_for(meeting.organization)
    score = _score(meeting, rows, weights, facts)
    base = rules.vote_base(rows)
    return Evaluation(
        count=count,
        criteria=criteria,
        score=score,
        weights=weights,
        base=base,
        base_size=sum(line.counted for line in base),
        voters_present=rules.voters_present(rows),
        streaks=streaks,
        minutes_missing=missing,
    )


def open_tasks_before(meeting: Meeting) -> QuerySet[Task]:
    """MTG-04: tasks of earlier meetings of the cell still open, for review."""
    return (
        Task.objects.filter(
            meeting__organization_id=meeting.organization_id,
            meeting__planned_on__lt=meeting.on,
            done_on__isnull=True,
        )
        .exclude(meeting=meeting)
        .select_related("assignee", "meeting")
        .order_by("due_on", "id")
    )


def meeting_page(meeting: Meeting) -> dict[str, Any]:
    """Everything the meeting page shows, in a fixed number of queries."""
    attendances = list(meeting.attendances.select_related("member"))
    return {
        "attendances": attendances,
        "evaluation": evaluate(meeting, attendances),
        "agenda": list(meeting.agenda.all()),
        "resolutions": list(meeting.resolutions.all()),
        "tasks": list(meeting.tasks.select_related("assignee", "resolution")),
        "open_tasks": list(open_tasks_before(meeting)),
        "documents": list(meeting.documents.all()),
        "superiors": list(meeting.superiors.select_related("member")),
    }
