"""DOC-02: are the minutes (biên bản) of a held meeting written up in full? (MTG-03, MTG-05)

A leaf module like meetings.rules.quality: it judges plain facts that meetings.queries reads
from the database (one query for any number of meetings, meetings.queries.minutes.minutes_facts).

DOC-02 lists the parts of a biên bản: time and place, chair and minute-taker,
attendance (total, present, exempted, absent with and without reason, superior
attendees), agenda, discussion, votes with counts, conclusion or resolution, assigned
tasks, the quality self-rating, start and end time, signatures. The MTG-03 criterion
"minutes book written up in full" is met when every part that applies is present.

Decisions where the rules leave room (each tested, tests/meetings/rules/test_minutes.py):
- Date: a held meeting always has one (constraint meeting_held_has_date).
- Attendance: the sheet has at least one row; an absence "with reason" (excused) must
  carry its reason. Superior attendees are listed when there were any: not required.
- Content: the discussion for every meeting; for a periodic meeting also the MTG-04
  items whose record is the minutes' body (news and directions, ideological situation,
  review of last month's tasks).
- Votes: every resolution recorded at the meeting has its vote counts (not all zero);
  without resolutions there is nothing to count.
- Conclusion: a written conclusion, or a resolution adopted.
- Tasks: at least one assigned task for a periodic meeting (MTG-04: next month's tasks
  with assignees); thematic and extraordinary meetings may end without new tasks.
- Signatures: the data cannot know that the chair and the minute-taker signed the
  book. A signed scan of the biên bản archived in chibo (SignedScan) proves it; without
  one, the secretary attests it (Meeting.minutes_signed, the only part still ticked).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from ..enums import MeetingKind


@dataclass(frozen=True)
class MinutesFacts:
    """What the database holds of one meeting's minutes (each: the part is present)."""

    kind: str
    place: bool
    starts_at: bool
    ends_at: bool
    chair: bool
    minute_taker: bool
    attendance: bool  # at least one attendance row
    absence_reasons: bool  # every excused absence has its reason written
    agenda: bool
    news: bool
    ideology: bool
    review: bool
    discussion: bool
    votes: bool  # every resolution has its vote counts (True without resolutions)
    conclusion: bool  # a conclusion written or a resolution adopted
    tasks: bool
    self_rating: bool
    signed: bool  # a signed scan archived, or the secretary's attestation


@dataclass(frozen=True)
class Part:
    key: str  # a MinutesFacts field
    label: object  # lazily translated
    periodic_only: bool = False


# DOC-02, in the order of the biên bản.
PARTS = (
    Part("place", gettext_lazy("Địa điểm")),
    Part("starts_at", gettext_lazy("Giờ bắt đầu")),
    Part("chair", gettext_lazy("Chủ trì")),
    Part("minute_taker", gettext_lazy("Thư ký ghi biên bản")),
    Part("attendance", gettext_lazy("Điểm danh (có mặt, miễn, vắng có và không có lý do)")),
    Part("absence_reasons", gettext_lazy("Lý do của đảng viên vắng có lý do")),
    Part("agenda", gettext_lazy("Chương trình sinh hoạt")),
    Part(
        "news",
        gettext_lazy("Thông tin thời sự, chủ trương, chỉ đạo của cấp trên"),
        periodic_only=True,
    ),
    Part("ideology", gettext_lazy("Tình hình tư tưởng đảng viên"), periodic_only=True),
    Part("review", gettext_lazy("Kiểm điểm nhiệm vụ, nghị quyết tháng trước"), periodic_only=True),
    Part("discussion", gettext_lazy("Ý kiến thảo luận")),
    Part("votes", gettext_lazy("Kết quả biểu quyết nghị quyết")),
    Part("conclusion", gettext_lazy("Kết luận hoặc nghị quyết")),
    Part("tasks", gettext_lazy("Nhiệm vụ được giao"), periodic_only=True),
    Part("self_rating", gettext_lazy("Tự đánh giá chất lượng buổi sinh hoạt")),
    Part("ends_at", gettext_lazy("Giờ kết thúc")),
    Part("signed", gettext_lazy("Chữ ký của chủ trì và thư ký")),
)
PART_KEYS = tuple(part.key for part in PARTS)


def required_parts(kind: str) -> tuple[Part, ...]:
    """DOC-02 parts that a meeting of this kind must record."""
    periodic = kind == MeetingKind.PERIODIC
    return tuple(part for part in PARTS if periodic or not part.periodic_only)


def missing_parts(facts: MinutesFacts) -> list[Part]:
    """DOC-02: the required parts the minutes lack, in the order of the biên bản."""
    return [part for part in required_parts(facts.kind) if not getattr(facts, part.key)]


def minutes_complete(facts: MinutesFacts) -> bool:
    """MTG-03 "minutes written up in full": no DOC-02 part missing."""
    return not missing_parts(facts)


def missing_labels(parts: Sequence[Part]) -> list[str]:
    return [str(part.label) for part in parts]
