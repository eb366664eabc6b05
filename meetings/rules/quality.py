"""Meeting rules (RULES.md MTG-01..08, EXM-02) as pure functions over plain rows.

A leaf module: it imports nothing from the app's models or services. The services
load rows (one query each) and hand them over; the screens and tests read the results.

Decisions where the rules leave room (each tested by its ID):
- MTG-03 "more than 85%": strictly more; exactly 85% does not pass.
- MTG-03 base: the cell's own members on the meeting date. Exempted members are left
  out whatever they do (EXM-02: out of attendance-quality counts); armed-forces members
  on special duty are left out when absent; temporary members hosted by the cell are
  counted at home, not here (TRF-01), and members away on a temporary transfer are left
  out of their home cell's base (they meet where they are).
- "Absent" for the streak is excused or unexcused; an exempt row (an exempted member not
  attending) neither extends nor breaks a streak, nor does a meeting held before the
  member joined the cell (no row).
- MTG-03 "minutes written up in full" is computed from the DOC-02 parts of the minutes
  (meetings.rules.minutes); the result comes in as the list of missing parts.
- MTG-08 counts the months of the year with an unexcused absence (3 months, not
  necessarily consecutive); two meetings in one month are one month.
- MTG-07 base: full members of the cell called to the meeting, less those away on a
  temporary transfer, exempted members who are absent, suspended/prosecuted/detained
  members, and members absent with an accepted reason (excused). Probationary members
  and temporary members hosted by the cell do not vote there.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.findings import Finding, Severity

from ..enums import ABSENT_STATUSES, RATING_ORDER, AttendanceStatus, MeetingKind, Rating

S = AttendanceStatus

# MTG-03
ATTENDANCE_TARGET_PERCENT = 85
MIN_MINUTES = 90
MAX_ABSENCES_IN_A_ROW = 3
# MTG-08
STRIKE_OFF_MONTHS = 3
# MTG-05
GOOD_AT = 90
FAIR_AT = 70
AVERAGE_AT = 50
GOOD_MEETINGS_FOR_GOOD_YEAR = 7


@dataclass(frozen=True)
class Row:
    """One attendance row as the rules see it."""

    member_id: int
    status: str
    exempted: bool = False
    on_special_duty: bool = False
    temporary: bool = False
    away: bool = False
    full_member: bool = True
    suspended: bool = False
    name: str = ""


# --- MTG-03: attendance ------------------------------------------------------------------


def in_attendance_base(row: Row) -> bool:
    """MTG-03 / EXM-02: does this row count in the attendance-rate base?"""
    if row.temporary or row.away or row.exempted:
        return False
    if row.on_special_duty and row.status != S.PRESENT:
        return False
    return True


@dataclass(frozen=True)
class AttendanceCount:
    total: int  # every row on the sheet
    present: int
    excused: int
    unexcused: int
    exempt: int
    base: int  # MTG-03 base
    present_in_base: int

    @property
    def rate(self) -> Decimal | None:
        if not self.base:
            return None
        return Decimal(self.present_in_base * 100) / Decimal(self.base)

    @property
    def rate_display(self) -> Decimal | None:
        rate = self.rate
        return None if rate is None else rate.quantize(Decimal("0.1"), ROUND_HALF_UP)

    @property
    def meets_target(self) -> bool:
        """MTG-03: more than 85% (exactly 85% does not pass)."""
        return (
            bool(self.base) and self.present_in_base * 100 > ATTENDANCE_TARGET_PERCENT * self.base
        )


def count_attendance(rows: Iterable[Row]) -> AttendanceCount:
    rows = list(rows)
    base = [r for r in rows if in_attendance_base(r)]
    return AttendanceCount(
        total=len(rows),
        present=sum(r.status == S.PRESENT for r in rows),
        excused=sum(r.status == S.EXCUSED for r in rows),
        unexcused=sum(r.status == S.UNEXCUSED for r in rows),
        exempt=sum(r.status == S.EXEMPT for r in rows),
        base=len(base),
        present_in_base=sum(r.status == S.PRESENT for r in base),
    )


def absence_streaks(history: Sequence[tuple[date, dict[int, str]]]) -> dict[int, int]:
    """Each member's run of consecutive absences ending at the last meeting of `history`.

    `history`: the cell's held meetings of the year in date order, each as (date,
    {member_id: status}). MTG-03: exempt rows and meetings without a row for the member
    are skipped (neither absence nor presence).
    """
    streak: dict[int, int] = {}
    for _on, statuses in history:
        for member_id, status in statuses.items():
            if status in ABSENT_STATUSES:
                streak[member_id] = streak.get(member_id, 0) + 1
            elif status == S.PRESENT:
                streak[member_id] = 0
    return streak


@dataclass(frozen=True)
class Criterion:
    rule_id: str
    label: str
    met: bool | None  # None: cannot be judged from the data yet
    computed: bool  # False: ticked by the secretary
    detail: str = ""
    missing: tuple[str, ...] = ()  # DOC-02 parts the minutes lack (labels)


def quality_criteria(
    *,
    count: AttendanceCount,
    longest_streak: int,
    duration: int | None,
    prepared_content: bool,
    minutes_missing: Sequence[str],
    resolution_carried_out: bool,
) -> list[Criterion]:
    """The MTG-03 criteria of one meeting: five computed, two ticked.

    `minutes_missing`: the labels of the DOC-02 parts the minutes lack
    (meetings.rules.minutes.missing_parts); the minutes are complete when it is empty.
    """
    rate = count.rate_display
    missing = tuple(str(label) for label in minutes_missing)
    return [
        Criterion(
            "MTG-03",
            _("Trên 85% đảng viên dự sinh hoạt"),
            None if rate is None else count.meets_target,
            True,
            ""
            if rate is None
            else _("%(present)s/%(base)s = %(rate)s%%")
            % {"present": count.present_in_base, "base": count.base, "rate": rate},
        ),
        Criterion(
            "MTG-03",
            _("Không có đảng viên vắng không lý do"),
            count.unexcused == 0,
            True,
            _("%(n)s vắng không lý do") % {"n": count.unexcused} if count.unexcused else "",
        ),
        Criterion(
            "MTG-03",
            _("Không có đảng viên vắng quá 3 lần liên tục trong năm"),
            longest_streak <= MAX_ABSENCES_IN_A_ROW,
            True,
            _("vắng %(n)s lần liên tục") % {"n": longest_streak} if longest_streak > 3 else "",
        ),
        Criterion(
            "MTG-03",
            _("Thời gian sinh hoạt ít nhất 90 phút"),
            None if duration is None else duration >= MIN_MINUTES,
            True,
            "" if duration is None else _("%(n)s phút") % {"n": duration},
        ),
        Criterion("MTG-03", _("Chuẩn bị nội dung và dự thảo nghị quyết"), prepared_content, False),
        # MTG-03 / DOC-02: computed from the minutes' content, parts named when missing.
        Criterion(
            "MTG-03",
            _("Ghi biên bản đầy đủ"),
            not missing,
            True,
            _("còn thiếu: %(parts)s") % {"parts": ", ".join(missing)} if missing else "",
            missing,
        ),
        Criterion("MTG-03", _("Nghị quyết được tổ chức thực hiện"), resolution_carried_out, False),
    ]


# --- MTG-05: the 100-point score ---------------------------------------------------------


@dataclass(frozen=True)
class Weights:
    """MTG-05 defaults (15/20/45/20); a province stores its own in ScoringConfig."""

    preparation: int = 15
    attendance: int = 20
    conduct: int = 45
    closing: int = 20
    min_speakers: int = 3

    @property
    def total(self) -> int:
        return self.preparation + self.attendance + self.conduct + self.closing


@dataclass(frozen=True)
class ScoreInput:
    prepared_content: bool
    attendance: AttendanceCount
    duration: int | None
    speakers: int | None
    content_complete: bool  # news, ideological situation, review and discussion recorded
    conclusion: bool  # a conclusion or resolution adopted
    minutes_complete: bool  # MTG-03 / DOC-02: meetings.rules.minutes.minutes_complete


@dataclass(frozen=True)
class Score:
    points: Decimal
    parts: dict[str, tuple[Decimal, int]] = field(default_factory=dict)  # label -> (points, weight)
    maxed: dict[str, bool] = field(default_factory=dict)  # attendance/duration/speakers/minutes

    @property
    def rating(self) -> str:
        return rating_for(self.points, all(self.maxed.values()))


def _d(value: Decimal) -> Decimal:
    return Decimal(value).quantize(Decimal("0.1"), ROUND_HALF_UP)


def meeting_score(data: ScoreInput, weights: Weights = Weights()) -> Score:
    """MTG-05: preparation, attendance, conduct (duration, speakers, content), closing
    (conclusion, minutes). A part met in full earns its weight; attendance below the
    MTG-03 target earns its weight times the attendance rate; the rest is all or nothing.
    """
    count = data.attendance
    attendance_max = count.meets_target and count.unexcused == 0
    if attendance_max:
        attendance = Decimal(weights.attendance)
    else:
        rate = count.rate or Decimal(0)
        attendance = Decimal(weights.attendance) * rate / 100
    duration_max = data.duration is not None and data.duration >= MIN_MINUTES
    speakers_max = (data.speakers or 0) >= weights.min_speakers
    third = Decimal(weights.conduct) / 3
    half = Decimal(weights.closing) / 2
    conduct = third * (duration_max + speakers_max + data.content_complete)
    closing = half * (data.conclusion + data.minutes_complete)
    preparation = Decimal(weights.preparation if data.prepared_content else 0)
    parts = {
        str(gettext_lazy("Chuẩn bị")): (_d(preparation), weights.preparation),
        str(gettext_lazy("Tham dự")): (_d(attendance), weights.attendance),
        str(gettext_lazy("Tiến hành")): (_d(conduct), weights.conduct),
        str(gettext_lazy("Kết thúc")): (_d(closing), weights.closing),
    }
    total = _d(preparation + attendance + conduct + closing)
    if weights.total and weights.total != 100:  # scale a province's weights to 100
        total = _d(total * 100 / weights.total)
    maxed = {
        "attendance": attendance_max,
        "duration": duration_max,
        "speakers": speakers_max,
        "minutes": data.minutes_complete,
    }
    return Score(total, parts, maxed)


def rating_for(points: Decimal, all_maxed: bool) -> str:
    """MTG-05: Tốt ≥ 90 with attendance, duration, speakers and minutes at maximum;
    Khá 70–<90 (and 90+ without those maxima); Trung bình 50–<70; Kém < 50."""
    if points >= GOOD_AT and all_maxed:
        return Rating.GOOD
    if points >= FAIR_AT:
        return Rating.FAIR
    if points >= AVERAGE_AT:
        return Rating.AVERAGE
    return Rating.POOR


def year_rating(periodic_ratings: Sequence[str], *, expected: int = 12) -> tuple[str, str]:
    """MTG-05 yearly rating: Tốt needs every periodic meeting at least Khá and at least 7
    rated Tốt. We also require the `expected` periodic meetings to have been held
    (MTG-01). Below Tốt the rules give no criterion: we take the lowest band reached by
    most meetings (a configurable default, not a rule). Returns (rating, explanation)."""
    if not periodic_ratings:
        return Rating.POOR, _("Chưa có buổi sinh hoạt định kỳ nào được đánh giá.")
    good = sum(r == Rating.GOOD for r in periodic_ratings)
    worst = min(periodic_ratings, key=RATING_ORDER.__getitem__)
    held = len(periodic_ratings)
    if held >= expected and RATING_ORDER[worst] >= RATING_ORDER[Rating.FAIR] and good >= 7:
        return Rating.GOOD, _("%(good)s/%(held)s buổi Tốt, không buổi nào dưới Khá.") % {
            "good": good,
            "held": held,
        }
    ordered = sorted(periodic_ratings, key=RATING_ORDER.__getitem__, reverse=True)
    median = ordered[(len(ordered) - 1) // 2]
    if median == Rating.GOOD:
        median = Rating.FAIR
    reasons = []
    if held < expected:
        reasons.append(
            _("mới có %(held)s/%(expected)s buổi định kỳ") % {"held": held, "expected": expected}
        )
    if RATING_ORDER[worst] < RATING_ORDER[Rating.FAIR]:
        reasons.append(_("có buổi dưới Khá"))
    if good < GOOD_MEETINGS_FOR_GOOD_YEAR:
        reasons.append(_("chỉ %(good)s buổi Tốt (cần 7)") % {"good": good})
    return median, _("Chưa đạt Tốt: %(reasons)s.") % {"reasons": "; ".join(reasons)}


# --- MTG-07: resolution validity ---------------------------------------------------------


@dataclass(frozen=True)
class BaseLine:
    member_id: int
    name: str
    counted: bool
    reason: str


def vote_base(rows: Iterable[Row]) -> list[BaseLine]:
    """MTG-07: who is in the base of a resolution vote, and why (one line per row)."""
    lines = []
    for r in rows:
        counted, reason = False, ""
        if r.temporary:
            reason = _("Sinh hoạt tạm thời, không biểu quyết tại chi bộ")
        elif not r.full_member:
            reason = _("Đảng viên dự bị, không biểu quyết")
        elif r.away:
            reason = _("Đang sinh hoạt tạm thời nơi khác")
        elif r.suspended:
            reason = _("Bị đình chỉ sinh hoạt, truy tố hoặc tạm giam")
        elif r.exempted and r.status != S.PRESENT:
            reason = _("Được miễn sinh hoạt và vắng mặt (EXM-02)")
        elif r.status == S.EXCUSED:
            reason = _("Vắng có lý do được chấp nhận")
        elif r.status == S.PRESENT:
            counted, reason = True, _("Có mặt")
        else:
            counted, reason = True, _("Vắng không lý do: vẫn tính")
        lines.append(BaseLine(r.member_id, r.name, counted, reason))
    return lines


def voters_present(rows: Iterable[Row]) -> int:
    """Members present who may vote (full members of the cell, not suspended)."""
    rows = list(rows)
    lines = vote_base(rows)
    return sum(
        1 for line, r in zip(lines, rows, strict=True) if line.counted and r.status == S.PRESENT
    )


def resolution_valid(votes_for: int, base: int) -> bool:
    """MTG-07: more than half of the base agree."""
    return base > 0 and votes_for * 2 > base


# --- MTG-02 / MTG-01: the year plan ------------------------------------------------------


def plan_findings(
    meetings: Iterable[tuple[str, date, str]], *, year: int, is_cell: bool
) -> list[Finding]:
    """Warnings on a year plan: `meetings` are (kind, date, state) not cancelled."""
    findings: list[Finding] = []
    meetings = [m for m in meetings if m[2] != "cancelled"]
    if not is_cell:
        periodic = sum(1 for kind, _on, _s in meetings if kind == MeetingKind.PERIODIC)
        if periodic < 2:
            findings.append(
                Finding(
                    "MTG-01",
                    Severity.WARNING,
                    _("Đảng bộ cơ sở sinh hoạt toàn đảng bộ 2 lần/năm; kế hoạch mới có %(n)s.")
                    % {"n": periodic},
                )
            )
        return findings
    months = {on.month for kind, on, _s in meetings if kind == MeetingKind.PERIODIC}
    missing = [m for m in range(1, 13) if m not in months]
    if missing:
        findings.append(
            Finding(
                "MTG-01",
                Severity.WARNING,
                _("Chưa có sinh hoạt định kỳ các tháng: %(months)s.")
                % {"months": ", ".join(str(m) for m in missing)},
            )
        )
    quarters = {
        (on.month - 1) // 3 + 1 for kind, on, _s in meetings if kind == MeetingKind.THEMATIC
    }
    for quarter in range(1, 5):
        if quarter not in quarters:
            findings.append(
                Finding(
                    "MTG-02",
                    Severity.WARNING,
                    _("Quý %(q)s/%(year)s chưa có buổi sinh hoạt chuyên đề.")
                    % {"q": quarter, "year": year},
                )
            )
    return findings
