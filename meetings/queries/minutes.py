"""DOC-02: what the database holds of the minutes of meetings, for meetings.rules.minutes (one query)."""

from collections.abc import Iterable
from typing import TypedDict

from django.db.models import Exists, OuterRef

from ..enums import AttendanceStatus
from ..models import AgendaItem, Attendance, Meeting, Resolution, SignedScan, Task
from ..rules.minutes import MinutesFacts


class Related(TypedDict):
    """What a meeting's related rows hold of its minutes (see _related)."""

    pk: int
    has_attendance: bool
    reason_missing: bool
    has_agenda: bool
    has_resolution: bool
    votes_missing: bool
    has_tasks: bool
    has_scan: bool


def _related(meeting_ids: list[int]) -> dict[int, Related]:
    """Per meeting, whether its related rows hold each DOC-02 part: one query, EXISTS
    subqueries, whatever the number of meetings, members or resolutions."""
    here = OuterRef("pk")
    rows = (
        Meeting.objects.filter(pk__in=meeting_ids)
        .annotate(
            has_attendance=Exists(Attendance.objects.filter(meeting=here)),
            reason_missing=Exists(
                # services strip the reason on write: blank is empty.
                Attendance.objects.filter(meeting=here, status=AttendanceStatus.EXCUSED, reason="")
            ),
            has_agenda=Exists(AgendaItem.objects.filter(meeting=here)),
            has_resolution=Exists(Resolution.objects.filter(meeting=here)),
            votes_missing=Exists(
                Resolution.objects.filter(
                    meeting=here, votes_for=0, votes_against=0, votes_abstain=0
                )
            ),
            has_tasks=Exists(Task.objects.filter(meeting=here)),
            # The signed scan of the biên bản itself (a resolution's scan has its own row).
            has_scan=Exists(SignedScan.objects.filter(meeting=here, resolution__isnull=True)),
        )
        .values(
            "pk",
            "has_attendance",
            "reason_missing",
            "has_agenda",
            "has_resolution",
            "votes_missing",
            "has_tasks",
            "has_scan",
        )
        .order_by()
    )
    return {row["pk"]: row for row in rows}


def _filled(text: str) -> bool:
    return bool((text or "").strip())


def facts_of(meeting: Meeting, related: Related) -> MinutesFacts:
    """The DOC-02 facts of one meeting from its own fields and `related` (see _related)."""
    return MinutesFacts(
        kind=meeting.kind,
        place=_filled(meeting.place),
        starts_at=meeting.starts_at is not None,
        ends_at=meeting.ends_at is not None,
        chair=meeting.chair_id is not None,
        minute_taker=meeting.minute_taker_id is not None,
        attendance=related["has_attendance"],
        absence_reasons=not related["reason_missing"],
        agenda=related["has_agenda"],
        news=_filled(meeting.news_and_directions),
        ideology=_filled(meeting.ideological_situation),
        review=_filled(meeting.review_of_tasks),
        discussion=_filled(meeting.discussion),
        votes=not related["votes_missing"],
        conclusion=_filled(meeting.conclusion) or related["has_resolution"],
        tasks=related["has_tasks"],
        self_rating=bool(meeting.self_rating),
        signed=meeting.minutes_signed or related["has_scan"],
    )


def minutes_facts(meetings: Iterable[Meeting]) -> dict[int, MinutesFacts]:
    """DOC-02 facts of each meeting (by id), in one query whatever their number."""
    meetings = [m for m in meetings if m.pk is not None]
    if not meetings:
        return {}
    related = _related([m.pk for m in meetings])
    return {m.pk: facts_of(m, related[m.pk]) for m in meetings}
