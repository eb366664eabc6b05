"""Pure rule functions by ID: MTG-03 counts, MTG-05 score bands, MTG-07 base, MTG-02/04."""

from datetime import date
from decimal import Decimal

import pytest

from meetings.enums import AttendanceStatus as S
from meetings.enums import MeetingKind, Rating
from meetings.rules.quality import (
    Row,
    ScoreInput,
    Weights,
    absence_streaks,
    count_attendance,
    meeting_score,
    plan_findings,
    quality_criteria,
    rating_for,
    resolution_valid,
    vote_base,
    voters_present,
    year_rating,
)


def rows(present, absent=0, **extra):
    out = [Row(i, S.PRESENT) for i in range(present)]
    out += [Row(100 + i, S.EXCUSED) for i in range(absent)]
    return out


# --- MTG-03 ---


def test_mtg03_exactly_85_percent_does_not_pass():
    count = count_attendance(rows(17, 3))  # 17/20 = 85%
    assert count.rate == 85
    assert not count.meets_target


def test_mtg03_just_above_85_percent_passes():
    count = count_attendance(rows(35, 6))  # 35/41 = 85.37%
    assert count.meets_target
    assert count.rate_display == Decimal("85.4")


def test_mtg03_exempted_and_on_duty_members_leave_the_base():
    sheet = rows(17, 2) + [
        Row(200, S.EXEMPT, exempted=True),
        Row(201, S.PRESENT, exempted=True),  # EXM-02: out of quality counts either way
        Row(202, S.EXCUSED, on_special_duty=True),
        Row(203, S.PRESENT, temporary=True),  # counted at home (TRF-01)
        Row(204, S.EXCUSED, away=True),
    ]
    count = count_attendance(sheet)
    assert (count.base, count.present_in_base) == (19, 17)
    assert count.meets_target  # 89.5%
    assert count.total == 24


def test_mtg03_no_base_no_rate():
    count = count_attendance([Row(1, S.EXEMPT, exempted=True)])
    assert count.rate is None and not count.meets_target


def test_mtg03_streak_counts_excused_and_unexcused_and_skips_exempt():
    d = date(2025, 1, 1)
    history = [
        (d, {1: S.EXCUSED, 2: S.PRESENT}),
        (d, {1: S.UNEXCUSED, 2: S.EXCUSED}),
        (d, {1: S.EXEMPT, 2: S.PRESENT}),
        (d, {1: S.EXCUSED}),  # member 2 not in the cell any more: skipped
    ]
    assert absence_streaks(history) == {1: 3, 2: 0}


@pytest.mark.parametrize("minutes, met", [(89, False), (90, True), (None, None)])
def test_mtg03_ninety_minutes(minutes, met):
    criteria = quality_criteria(
        count=count_attendance(rows(9, 1)),
        longest_streak=0,
        duration=minutes,
        prepared_content=True,
        minutes_missing=(),
        resolution_carried_out=True,
    )
    assert criteria[3].met is met


@pytest.mark.parametrize("streak, met", [(3, True), (4, False)])
def test_mtg03_more_than_three_in_a_row(streak, met):
    criteria = quality_criteria(
        count=count_attendance(rows(9)),
        longest_streak=streak,
        duration=90,
        prepared_content=False,
        minutes_missing=("Giờ kết thúc",),
        resolution_carried_out=False,
    )
    assert criteria[2].met is met


# --- MTG-05 ---


@pytest.mark.parametrize(
    "points, maxed, rating",
    [
        (90, True, Rating.GOOD),
        (Decimal("89.9"), True, Rating.FAIR),
        (89, True, Rating.FAIR),
        (95, False, Rating.FAIR),  # Tốt needs attendance, duration, speakers, minutes at max
        (70, True, Rating.FAIR),
        (69, True, Rating.AVERAGE),
        (50, False, Rating.AVERAGE),
        (49, False, Rating.POOR),
        (0, False, Rating.POOR),
    ],
)
def test_mtg05_bands(points, maxed, rating):
    assert rating_for(points, maxed) == rating


def _input(**overrides):
    data = dict(
        prepared_content=True,
        attendance=count_attendance(rows(19, 1)),
        duration=120,
        speakers=5,
        content_complete=True,
        conclusion=True,
        minutes_complete=True,
    )
    data.update(overrides)
    return ScoreInput(**data)


def test_mtg05_full_marks_is_good():
    score = meeting_score(_input())
    assert score.points == 100 and score.rating == Rating.GOOD


def test_mtg05_missing_preparation_is_85_and_fair():
    score = meeting_score(_input(prepared_content=False))
    assert score.points == 85 and score.rating == Rating.FAIR


def test_mtg05_attendance_below_target_scales_and_blocks_good():
    score = meeting_score(_input(attendance=count_attendance(rows(8, 2))))
    assert score.points == 96  # 80 + 20 × 80%
    assert score.rating == Rating.FAIR


def test_mtg05_province_weights_are_data():
    weights = Weights(preparation=10, attendance=30, conduct=40, closing=20)
    score = meeting_score(_input(prepared_content=False), weights)
    assert score.points == 90
    assert score.rating == Rating.GOOD


def test_mtg05_year_good_needs_all_fair_and_seven_good():
    assert year_rating([Rating.GOOD] * 7 + [Rating.FAIR] * 5)[0] == Rating.GOOD
    assert year_rating([Rating.GOOD] * 6 + [Rating.FAIR] * 6)[0] == Rating.FAIR
    assert year_rating([Rating.GOOD] * 11 + [Rating.AVERAGE])[0] != Rating.GOOD
    assert year_rating([Rating.GOOD] * 11)[0] != Rating.GOOD  # a month missing


# --- MTG-07 ---


def test_mtg07_base_lines_say_who_counts_and_why():
    sheet = [
        Row(1, S.PRESENT, name="A"),
        Row(2, S.UNEXCUSED, name="B"),  # counted
        Row(3, S.EXCUSED, name="C"),  # accepted reason: out
        Row(4, S.EXEMPT, exempted=True, name="D"),  # exempted and absent: out
        Row(5, S.PRESENT, exempted=True, name="E"),  # exempted but came: counted
        Row(6, S.EXCUSED, away=True, name="F"),  # temporary transfer elsewhere: out
        Row(7, S.PRESENT, full_member=False, name="G"),  # probationary: out
        Row(8, S.PRESENT, suspended=True, name="H"),  # suspended: out
        Row(9, S.PRESENT, temporary=True, name="I"),  # hosted: votes at home
    ]
    lines = vote_base(sheet)
    assert [line.member_id for line in lines if line.counted] == [1, 2, 5]
    assert all(line.reason for line in lines)
    assert voters_present(sheet) == 2


@pytest.mark.parametrize(
    "votes, base, valid", [(2, 4, False), (3, 4, True), (3, 5, True), (2, 5, False), (0, 0, False)]
)
def test_mtg07_more_than_half(votes, base, valid):
    assert resolution_valid(votes, base) is valid


# --- MTG-01 / MTG-02 / MTG-04 ---


def test_mtg02_quarter_without_thematic_warns():
    plan = [(MeetingKind.PERIODIC, date(2025, m, 10), "planned") for m in range(1, 13)]
    plan += [(MeetingKind.THEMATIC, date(2025, 2, 20), "planned")]
    plan += [(MeetingKind.THEMATIC, date(2025, 8, 20), "cancelled")]  # does not count
    findings = plan_findings(plan, year=2025, is_cell=True)
    assert [(f.rule_id, f.message) for f in findings] == [
        ("MTG-02", "Quý 2/2025 chưa có buổi sinh hoạt chuyên đề."),
        ("MTG-02", "Quý 3/2025 chưa có buổi sinh hoạt chuyên đề."),
        ("MTG-02", "Quý 4/2025 chưa có buổi sinh hoạt chuyên đề."),
    ]


def test_mtg01_missing_months_warn():
    plan = [(MeetingKind.PERIODIC, date(2025, m, 10), "planned") for m in range(1, 12)]
    findings = plan_findings(plan, year=2025, is_cell=True)
    assert findings[0].rule_id == "MTG-01" and "12" in findings[0].message
