"""Fixed lists of the meetings app (GLOSSARY: Meeting.kind, Attendance.status; MTG-05)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MeetingKind(models.TextChoices):
    # MTG-01 periodic (monthly; a grassroots đảng bộ twice a year), MTG-02 thematic.
    PERIODIC = "periodic", _("Sinh hoạt định kỳ")
    THEMATIC = "thematic", _("Sinh hoạt chuyên đề")
    EXTRAORDINARY = "extraordinary", _("Sinh hoạt bất thường")


class MeetingState(models.TextChoices):
    PLANNED = "planned", _("Dự kiến")
    HELD = "held", _("Đã sinh hoạt")
    CANCELLED = "cancelled", pgettext_lazy("meeting state", "Hủy")


class AttendanceStatus(models.TextChoices):
    # MTG-03, EXM-02: "exempt" is an exempted member who did not attend.
    PRESENT = "present", _("Có mặt")
    EXCUSED = "excused", _("Vắng có lý do")
    UNEXCUSED = "unexcused", _("Vắng không lý do")
    EXEMPT = "exempt", _("Miễn sinh hoạt")


ABSENT_STATUSES = frozenset({AttendanceStatus.EXCUSED, AttendanceStatus.UNEXCUSED})


class Rating(models.TextChoices):
    # MTG-05: the meeting's (and the year's) quality.
    GOOD = "good", _("Tốt")
    FAIR = "fair", _("Khá")
    AVERAGE = "average", _("Trung bình")
    POOR = "poor", _("Kém")


RATING_ORDER: dict[str, int] = {Rating.GOOD: 3, Rating.FAIR: 2, Rating.AVERAGE: 1, Rating.POOR: 0}
