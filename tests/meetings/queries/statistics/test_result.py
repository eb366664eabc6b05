"""Compliance statistics: buckets, thematic quarters, MTG-03 base and
target, categories, query counts, and agreement with the benchmark's hand-written SQL."""

import importlib.util
import itertools
from datetime import date
from pathlib import Path

import pytest

from meetings.enums import AttendanceStatus as S
from meetings.enums import MeetingKind, MeetingState
from meetings.models import Attendance, Meeting
from meetings.queries.statistics.base import BASE_Q, FULL, LOW, MID, PRESENT_Q, Period, Share
from meetings.queries.statistics.cells import bucket_of
from meetings.queries.statistics.drilldown import cell_lines
from meetings.queries.statistics.result import compliance
from meetings.rules.quality import AttendanceCount, Row, count_attendance, in_attendance_base
from organizations.enums import CellCategory, OrgKind
from tests.factories import MemberFactory, OrganizationFactory

YEAR = 2025


def make_cell(superior, category=CellCategory.RURAL_VILLAGE, **fields):
    cell = OrganizationFactory(superior=superior, kind=OrgKind.CELL, category=category, **fields)
    cell.refresh_from_db()
    return cell


def meeting(cell, on, *, kind=MeetingKind.PERIODIC, state=MeetingState.HELD):
    return Meeting.objects.create(
        organization=cell,
        kind=kind,
        planned_on=on,
        state=state,
        held_on=on if state == MeetingState.HELD else None,
    )


def periodic(cell, months, year=YEAR):
    return [meeting(cell, date(year, m, 10)) for m in months]


def attend(m, statuses, **flags):
    """One attendance row per status, each for a new member."""
    rows = []
    for status in statuses:
        member = MemberFactory(organization=m.organization)
        rows.append(Attendance.objects.create(meeting=m, member=member, status=status, **flags))
    return rows


@pytest.fixture
def grassroots(tree):
    return tree["grassroots"]


# --- MTG-01 buckets -------------------------------------------------------------------


def test_buckets_at_8_9_11_12(tree, grassroots):
    cells = {n: make_cell(grassroots, name=f"Chi bộ {n} kỳ") for n in (8, 9, 11, 12)}
    for n, cell in cells.items():
        periodic(cell, range(1, n + 1))
        # Missing months: a cancelled and a planned meeting do not count.
        for m in range(n + 1, 13):
            state = MeetingState.CANCELLED if m % 2 else MeetingState.PLANNED
            meeting(cell, date(YEAR, m, 10), state=state)
    result = compliance(grassroots, Period.year(YEAR))
    lines = {line.organization.pk: line for line in cell_lines(grassroots, Period.year(YEAR))}
    assert lines[cells[8].pk].bucket == LOW
    assert lines[cells[9].pk].bucket == MID
    assert lines[cells[11].pk].bucket == MID
    assert lines[cells[12].pk].bucket == FULL
    assert lines[cells[8].pk].months_held == 8
    assert lines[cells[12].pk].expected == 12
    total = result.total
    # cell_a and cell_b of the tree hold nothing: under 9 as well.
    assert total.cells == 6
    assert total.buckets == {FULL: 1, MID: 2, LOW: 3}
    assert str(total.full) == "16,67%"
    assert str(total.mid) == "33,33%"
    assert total.periodic == 8 + 9 + 11 + 12


def test_bucket_boundaries_in_python():
    assert [bucket_of(n, 12) for n in (8, 9, 11, 12, 13)] == [LOW, MID, MID, FULL, FULL]
    # A cell that existed six months: 6 every month, 5 (three quarters rounded up), under 5.
    assert [bucket_of(n, 6) for n in (4, 5, 6)] == [LOW, MID, FULL]


def test_two_meetings_in_a_month_are_one_period(grassroots):
    cell = make_cell(grassroots)
    periodic(cell, range(1, 12))  # January to November
    meeting(cell, date(YEAR, 11, 25))  # a second one in November, none in December
    [line] = cell_lines(grassroots, Period.year(YEAR), category=CellCategory.RURAL_VILLAGE)[-1:]
    assert line.organization == cell
    assert line.months_held == 11
    assert line.bucket == MID


def test_cell_dissolved_mid_year_is_judged_on_its_months(grassroots):
    cell = make_cell(grassroots, dissolved_on=date(YEAR, 6, 30))
    periodic(cell, range(1, 7))
    line = next(x for x in cell_lines(grassroots, Period.year(YEAR)) if x.organization == cell)
    assert (line.months_held, line.expected, line.bucket) == (6, 6, FULL)
    gone = make_cell(grassroots, dissolved_on=date(YEAR - 1, 12, 31))
    assert gone not in [x.organization for x in cell_lines(grassroots, Period.year(YEAR))]


def test_other_years_and_other_kinds_do_not_count(grassroots):
    cell = make_cell(grassroots)
    periodic(cell, range(1, 13), year=YEAR - 1)
    meeting(cell, date(YEAR, 1, 5), kind=MeetingKind.EXTRAORDINARY)
    meeting(cell, date(YEAR, 2, 5), kind=MeetingKind.THEMATIC)
    line = next(x for x in cell_lines(grassroots, Period.year(YEAR)) if x.organization == cell)
    assert line.months_held == 0


def test_month_range(grassroots):
    cell = make_cell(grassroots)
    periodic(cell, [1, 2, 3, 5, 6])
    period = Period.months((YEAR, 1), (YEAR, 6))
    line = next(x for x in cell_lines(grassroots, period) if x.organization == cell)
    assert (line.months_held, line.expected, line.bucket) == (5, 6, MID)
    assert [q.number for q in period.quarters] == [1, 2]
    assert period.label == "Từ tháng 01/2025 đến tháng 06/2025"


# --- MTG-02 thematic meetings per quarter ----------------------------------------------


def test_thematic_per_quarter_and_quarter_gap(grassroots):
    full = make_cell(grassroots, name="Đủ chuyên đề")
    gap = make_cell(grassroots, name="Thiếu quý 3")
    for month in (2, 5, 8, 11):
        meeting(full, date(YEAR, month, 20), kind=MeetingKind.THEMATIC)
    for month in (1, 4, 12):
        meeting(gap, date(YEAR, month, 20), kind=MeetingKind.THEMATIC)
    meeting(gap, date(YEAR, 8, 20), kind=MeetingKind.THEMATIC, state=MeetingState.PLANNED)
    period = Period.year(YEAR)
    result = compliance(grassroots, period)
    assert result.total.thematic_in(period.quarters) == [2, 2, 1, 2]
    lines = {x.organization: x for x in cell_lines(grassroots, period)}
    assert lines[full].quarter_gap is False
    assert lines[gap].quarter_gap is True
    assert lines[gap].thematic == [1, 1, 0, 1]
    gaps = cell_lines(grassroots, period, quarter_gap=True)
    assert full not in [x.organization for x in gaps]
    assert gap in [x.organization for x in gaps]
    # cell_a, cell_b (nothing at all) and `gap`.
    assert result.total.quarter_gap == 3


def test_quarter_before_the_cell_existed_is_no_gap(grassroots):
    cell = make_cell(grassroots, established_on=date(YEAR, 7, 1))
    for month in (8, 11):
        meeting(cell, date(YEAR, month, 20), kind=MeetingKind.THEMATIC)
    line = next(x for x in cell_lines(grassroots, Period.year(YEAR)) if x.organization == cell)
    assert line.quarter_gap is False
    assert line.expected == 6


# --- MTG-03 attendance base and the 85% target -----------------------------------------

FLAGS = ("temporary", "away", "exempted", "on_special_duty")


@pytest.mark.parametrize(
    "combo", list(itertools.product([False, True], repeat=4)), ids=lambda c: str(c)
)
def test_sql_base_is_rules_in_attendance_base(grassroots, combo):
    cell = make_cell(grassroots)
    m = meeting(cell, date(YEAR, 3, 3))
    flags = dict(zip(FLAGS, combo, strict=True))
    statuses = [S.PRESENT, S.EXCUSED, S.UNEXCUSED, S.EXEMPT]
    rows = attend(m, statuses, **flags)
    for row in rows:
        expected = in_attendance_base(Row(member_id=0, status=row.status, **flags))
        in_base = Attendance.objects.filter(BASE_Q, pk=row.pk).exists()
        assert in_base == expected, (row.status, flags)
        assert Attendance.objects.filter(PRESENT_Q, pk=row.pk).exists() == (
            expected and row.status == S.PRESENT
        )


def test_attendance_base_and_unexcused(grassroots):
    cell = make_cell(grassroots)
    m = meeting(cell, date(YEAR, 3, 3))
    attend(m, [S.PRESENT] * 7 + [S.EXCUSED, S.UNEXCUSED])
    attend(m, [S.EXEMPT], exempted=True)  # EXM-02: out
    attend(m, [S.PRESENT], exempted=True)  # out too (rules: exempted rows never count)
    attend(m, [S.EXCUSED], on_special_duty=True)  # armed forces on duty, absent: out
    attend(m, [S.PRESENT], temporary=True)  # counted at home
    attend(m, [S.EXCUSED], away=True)  # meets elsewhere
    result = compliance(grassroots, Period.year(YEAR))
    total = result.total
    assert (total.present, total.base) == (7, 9)
    assert str(total.attendance) == "77,78%"
    assert total.unexcused == 1
    count = count_attendance(
        Row(a.member_id, a.status, a.exempted, a.on_special_duty, a.temporary, a.away)
        for a in m.attendances.all()
    )
    assert (count.present_in_base, count.base) == (total.present, total.base)


def test_exactly_85_percent_is_not_on_target(grassroots):
    cell = make_cell(grassroots)
    at_85 = meeting(cell, date(YEAR, 1, 10))
    attend(at_85, [S.PRESENT] * 17 + [S.EXCUSED] * 3)  # 17/20 = 85%
    above = meeting(cell, date(YEAR, 2, 10))
    attend(above, [S.PRESENT] * 18 + [S.EXCUSED] * 2)  # 90%
    empty = meeting(cell, date(YEAR, 3, 10))  # held, nothing recorded: left out
    assert empty.attendances.count() == 0
    total = compliance(grassroots, Period.year(YEAR)).total
    assert (total.meetings_on_target, total.meetings_measured) == (1, 2)
    assert str(total.meetings_target) == "50,00%"
    assert AttendanceCount(20, 17, 3, 0, 0, 20, 17).meets_target is False
    # The cell over the year: 35/40 = 87,5% > 85%.
    assert (total.cells_on_target, total.cells_measured) == (1, 1)
    line = next(x for x in cell_lines(grassroots, Period.year(YEAR)) if x.organization == cell)
    assert line.on_target is True
    assert str(line.attendance) == "87,50%"


def test_cell_at_exactly_85_percent_is_not_on_target(grassroots):
    cell = make_cell(grassroots)
    attend(meeting(cell, date(YEAR, 1, 10)), [S.PRESENT] * 17 + [S.UNEXCUSED] * 3)
    total = compliance(grassroots, Period.year(YEAR)).total
    assert (total.cells_on_target, total.cells_measured) == (0, 1)


# --- ORG-03 categories -----------------------------------------------------------------


def test_breakdown_by_category(tree, grassroots):
    agency = make_cell(grassroots, CellCategory.AGENCY, name="Chi bộ cơ quan")
    school = make_cell(grassroots, CellCategory.SCHOOL, name="Chi bộ trường")
    periodic(agency, range(1, 13))
    periodic(school, range(1, 10))
    attend(meeting(school, date(YEAR, 4, 20), kind=MeetingKind.THEMATIC), [S.PRESENT, S.UNEXCUSED])
    result = compliance(tree["commune"], Period.year(YEAR))
    rows = {r.category: r for r in result.rows}
    assert list(rows) == [CellCategory.RURAL_VILLAGE, CellCategory.AGENCY, CellCategory.SCHOOL]
    assert rows[CellCategory.AGENCY].buckets[FULL] == 1
    assert rows[CellCategory.SCHOOL].buckets[MID] == 1
    assert rows[CellCategory.RURAL_VILLAGE].buckets[LOW] == 2
    assert rows[CellCategory.SCHOOL].unexcused == 1
    assert rows[CellCategory.SCHOOL].label == "Trường học"
    assert result.total.cells == 4
    only_agency = cell_lines(tree["commune"], Period.year(YEAR), category=CellCategory.AGENCY)
    assert [x.organization for x in only_agency] == [agency]


def test_scope_and_subtree(tree):
    other = tree["other_cell"]
    periodic(other, range(1, 13))
    assert compliance(tree["commune"], Period.year(YEAR)).total.buckets[FULL] == 0
    assert compliance(tree["province"], Period.year(YEAR)).total.buckets[FULL] == 1
    from django.db.models import Q

    nothing = compliance(tree["province"], Period.year(YEAR), within=Q(pk__in=[]))
    assert nothing.total.cells == 0


def test_grassroots_committee_is_not_a_cell(tree, grassroots):
    periodic(grassroots, [3, 9])
    total = compliance(tree["commune"], Period.year(YEAR)).total
    assert total.cells == 2  # cell_a and cell_b only
    assert total.periodic == 0


# --- Query counts ----------------------------------------------------------------------


def _cells_with_data(superior, n):
    for i in range(n):
        cell = make_cell(superior, name=f"Chi bộ {i}")
        for m in periodic(cell, range(1, 1 + (i % 12) + 1)):
            attend(m, [S.PRESENT, S.EXCUSED])
        meeting(cell, date(YEAR, 5, 5), kind=MeetingKind.THEMATIC)


def test_constant_number_of_queries(tree, grassroots, django_assert_num_queries):
    small = OrganizationFactory(superior=tree["province"], kind=OrgKind.COMMUNE, name="Xã nhỏ")
    small.refresh_from_db()
    _cells_with_data(small, 1)
    big = OrganizationFactory(superior=tree["province"], kind=OrgKind.COMMUNE, name="Xã lớn")
    big.refresh_from_db()
    _cells_with_data(big, 50)
    with django_assert_num_queries(3):
        one = compliance(small, Period.year(YEAR))
    with django_assert_num_queries(3):
        fifty = compliance(big, Period.year(YEAR))
    with django_assert_num_queries(1):
        lines = cell_lines(big, Period.year(YEAR))
    assert (one.total.cells, fifty.total.cells, len(lines)) == (1, 50, 50)
    assert fifty.total.periodic == sum((i % 12) + 1 for i in range(50))


# --- The benchmark's hand-written SQL agrees -------------------------------------------


def _bench():
    path = Path(__file__).resolve().parents[4] / "bench" / "meeting_statistics.py"
    spec = importlib.util.spec_from_file_location("bench_meeting_statistics", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_hand_written_sql_gives_the_same_figures(tree, grassroots):
    _cells_with_data(grassroots, 5)
    school = make_cell(grassroots, CellCategory.SCHOOL, dissolved_on=date(YEAR, 8, 31))
    attend(meeting(school, date(YEAR, 2, 2)), [S.PRESENT] * 17 + [S.EXCUSED] * 3)
    attend(meeting(school, date(YEAR, 3, 2)), [S.EXEMPT], exempted=True)
    bench = _bench()
    for period in (Period.year(YEAR), Period.months((YEAR, 2), (YEAR, 7))):
        for root in (tree["province"], grassroots):
            orm = bench.orm_figures(compliance(root, period))
            assert orm == bench.raw_compliance(root.path, period)


def test_share_prints_the_vietnamese_way():
    assert str(Share(3612, 10000)) == "36,12%"
    assert str(Share(0, 0)) == ""
