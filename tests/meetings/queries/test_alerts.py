"""MTG-08 / MTG-03 alerts for a whole subtree (meetings.queries.subtree_member_alerts): the
same alerts as member_alerts cell by cell, in a fixed number of queries, on the committee
officer's home page and organization page."""

import random
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings.enums import AttendanceStatus as S
from meetings.enums import MeetingKind, MeetingState
from meetings.models import Attendance, Meeting
from meetings.queries.alerts import cells_without_meeting, member_alerts, subtree_member_alerts
from meetings.queries.evaluations import evaluate
from meetings.services.attendance import mark_all_present, record_attendance
from tests.meetings.conftest import YEAR, add_member, exempt, held, mark

pytestmark = pytest.mark.django_db


def _meeting(cell, on, number=1):
    return Meeting.objects.create(
        organization=cell,
        kind=MeetingKind.PERIODIC if number == 1 else MeetingKind.THEMATIC,
        topic="" if number == 1 else "Chuyên đề",
        planned_on=on,
        held_on=on,
        state=MeetingState.HELD,
    )


def _rows(meeting, statuses: dict):
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, member=m, status=s) for m, s in statuses.items()
    )


def _by_month(cell, member, months: dict):
    for month, status in months.items():
        _rows(_meeting(cell, date(YEAR, month, 5)), {member: status})


def _subtree(org):
    return {
        (a.rule_id, a.member.full_name, a.cell.pk, a.count)
        for a in subtree_member_alerts(org, YEAR)
    }


def _months(cell, secretary, people, plan):
    """plan: {month: status of people[0]}; everyone else present."""
    for month, status in plan.items():
        meeting = held(cell, date(YEAR, month, 5), by=secretary)
        mark(meeting, secretary, {**{p: S.PRESENT for p in people[1:]}, people[0]: status})


def _alerts(cell):
    return {(a.rule_id, a.member.full_name, a.count) for a in member_alerts(cell, YEAR)}


def test_mtg08_third_unexcused_month_in_the_subtree(tree):
    member = add_member(tree["cell_a"], "Nguyễn Văn Bảo")
    _by_month(tree["cell_a"], member, {1: S.UNEXCUSED, 2: S.PRESENT, 4: S.UNEXCUSED})
    assert _subtree(tree["commune"]) == set()
    _by_month(tree["cell_a"], member, {7: S.UNEXCUSED})
    expected = {("MTG-08", "Nguyễn Văn Bảo", tree["cell_a"].pk, 3)}
    assert _subtree(tree["commune"]) == expected
    assert _subtree(tree["province"]) == expected
    # Another commune's officer sees nothing of it.
    assert _subtree(tree["other_commune"]) == set()


def test_mtg03_fourth_absence_in_a_row_and_a_presence_resets(tree):
    member = add_member(tree["cell_b"], "Trần Thị Cúc")
    _by_month(tree["cell_b"], member, {1: S.EXCUSED, 2: S.PRESENT, 3: S.EXCUSED})
    _by_month(tree["cell_b"], member, {4: S.EXCUSED, 5: S.EXEMPT, 6: S.EXCUSED})
    assert _subtree(tree["commune"]) == set()  # three in a row (the exempt month skipped)
    _by_month(tree["cell_b"], member, {7: S.UNEXCUSED})
    assert _subtree(tree["commune"]) == {("MTG-03", "Trần Thị Cúc", tree["cell_b"].pk, 4)}
    _by_month(tree["cell_b"], member, {8: S.PRESENT})
    assert _subtree(tree["commune"]) == set()


def test_the_same_alerts_as_cell_by_cell(tree):
    """Random years of attendance in two cells (with exempt rows, missing rows and two
    meetings on one day): the subtree's alerts are exactly the cells' alerts."""
    rng = random.Random(85)
    cells = [tree["cell_a"], tree["cell_b"]]
    people = {c.pk: [add_member(c, f"Đảng viên {c.pk}-{i}") for i in range(12)] for c in cells}
    weights = [(S.PRESENT, 0.55), (S.EXCUSED, 0.2), (S.UNEXCUSED, 0.15), (S.EXEMPT, 0.05)]
    for cell in cells:
        for month in range(1, 13):
            for number in (1, 2) if month in (3, 9) else (1,):
                meeting = _meeting(cell, date(YEAR, month, 10), number)
                statuses = {}
                for member in people[cell.pk]:
                    pick = rng.random()
                    for status, weight in weights:
                        if pick < weight:
                            statuses[member] = status
                            break
                        pick -= weight
                _rows(meeting, statuses)  # about 5% of the members have no row
    expected = {
        (a.rule_id, a.member.full_name, cell.pk, a.count)
        for cell in cells
        for a in member_alerts(cell, YEAR)
    }
    assert len(expected) >= 4 and {r for r, *_ in expected} == {"MTG-08", "MTG-03"}
    assert _subtree(tree["commune"]) == expected


def _alerts_page(client, org):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("organizations:detail", args=[org.pk]))
    assert response.status_code == 200
    return response.content.decode(), len(ctx.captured_queries)


def test_officer_sees_the_cells_alerts_in_constant_queries(tree, officer, login, monkeypatch):

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: date(YEAR, 11, 23))
    client = login(officer)
    first = add_member(tree["cell_a"], "Nguyễn Văn Bảo")
    _by_month(tree["cell_a"], first, {1: S.UNEXCUSED, 2: S.UNEXCUSED, 3: S.UNEXCUSED})
    body, one = _alerts_page(client, tree["commune"])
    assert body.count('data-testid="member-alert"') == 1
    assert "Nguyễn Văn Bảo" in body and reverse("meetings:plan", args=[tree["cell_a"].pk]) in body
    for i in range(6):
        member = add_member(tree["cell_b"], f"Lê Văn {i}")
        _by_month(tree["cell_b"], member, {m: S.UNEXCUSED for m in (4, 5, 6, 7)})
    body, many = _alerts_page(client, tree["commune"])
    # Six members of cell_b: MTG-08 and MTG-03 each; plus the first.
    assert body.count('data-testid="member-alert"') == 13
    assert many == one
    home = client.get(reverse("home:page")).content.decode()
    assert home.count('data-testid="member-alert"') == 13


def test_mtg08_third_unexcused_month_proposes_strike_off(cell, secretary, people):
    _months(cell, secretary, people, {1: S.UNEXCUSED, 2: S.PRESENT, 4: S.UNEXCUSED})
    assert _alerts(cell) == set()
    _months(cell, secretary, people, {7: S.UNEXCUSED})  # not consecutive: still 3 months
    assert _alerts(cell) == {("MTG-08", "Nguyễn Văn Bảo", 3)}


def test_mtg08_two_meetings_in_one_month_are_one_month(cell, secretary, people):
    _months(cell, secretary, people, {1: S.UNEXCUSED, 2: S.UNEXCUSED})
    thematic = held(
        cell, date(YEAR, 2, 20), by=secretary, kind=MeetingKind.THEMATIC, topic="Chuyên đề"
    )
    mark(thematic, secretary, {people[0]: S.UNEXCUSED})
    assert not any(rule == "MTG-08" for rule, *_ in _alerts(cell))


def test_mtg08_fourth_absence_in_a_row_alerts_third_does_not(cell, secretary, people):
    _months(cell, secretary, people, {1: S.PRESENT, 2: S.EXCUSED, 3: S.EXCUSED, 4: S.EXCUSED})
    assert _alerts(cell) == set()
    _months(cell, secretary, people, {5: S.EXCUSED})
    assert _alerts(cell) == {("MTG-03", "Nguyễn Văn Bảo", 4)}
    may = Meeting.objects.get(planned_on=date(YEAR, 5, 5))
    criterion = evaluate(may).criteria[2]
    assert criterion.met is False and "4" in criterion.detail


def test_mtg08_member_exempted_mid_year_stops_the_run(cell, secretary, people):
    _months(cell, secretary, people, {1: S.UNEXCUSED, 2: S.UNEXCUSED})
    exempt(people[0], date(YEAR, 3, 1))
    for month in (3, 4, 5):
        meeting = held(cell, date(YEAR, month, 5), by=secretary)
        mark_all_present(meeting, version=meeting.version, by=secretary)
    assert Attendance.objects.filter(member=people[0], status=S.EXEMPT).count() == 3
    assert _alerts(cell) == set()


def test_mtg08_member_transferred_in_mid_year(cell, secretary, people):
    newcomer = add_member(cell, "Vi Thị Lan", starts_on=date(YEAR, 6, 1))
    _months(cell, secretary, people, {m: S.PRESENT for m in range(1, 6)})
    for month in (6, 7, 8):
        meeting = held(cell, date(YEAR, month, 5), by=secretary)
        mark(meeting, secretary, {**{p: S.PRESENT for p in people}, newcomer: S.UNEXCUSED})
    # Her first three meetings in the cell: three unexcused months, three in a row.
    assert _alerts(cell) == {("MTG-08", "Vi Thị Lan", 3)}
    # Before June she is not on the register: her row is refused for May.
    may = Meeting.objects.get(planned_on=date(YEAR, 5, 5))
    with pytest.raises(
        ValidationError,
        match="Vi Thị Lan không sinh hoạt tại Chi bộ thôn Nà Phát vào ngày 05/05/2025",
    ):
        record_attendance(may, member=newcomer, status=S.PRESENT, version=may.version, by=secretary)


def test_mtg01_cells_without_a_periodic_meeting_last_month(tree, secretary, people):
    cell = tree["cell_a"]
    held(cell, date(YEAR, 10, 5), by=secretary)
    missing = cells_without_meeting(tree["commune"], today=date(YEAR, 11, 23))
    assert list(missing) == [tree["cell_b"]]
    missing = cells_without_meeting(tree["commune"], today=date(YEAR, 12, 1))
    assert set(missing) == {tree["cell_a"], tree["cell_b"]}
