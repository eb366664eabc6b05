"""seed_meetings on a small tree: counts, consistency with the dated memberships and
exemptions, determinism, and a second run adding nothing."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count

from demo.meetings import Generator, demo_cells, seed_meetings
from meetings.enums import AttendanceStatus as S
from meetings.enums import MeetingKind, MeetingState
from meetings.models import Attendance, Meeting
from members.enums import ExemptionGround, MembershipKind
from members.models import Exemption, Membership
from organizations.enums import CellCategory, OrgKind
from tests.factories import MemberFactory, OrganizationFactory

YEAR = 2025
TODAY = date(2026, 11, 23)


def join(member, org, starts_on, ends_on=None, kind=MembershipKind.HOME):
    Membership.objects.create(
        member=member, organization=org, kind=kind, starts_on=starts_on, ends_on=ends_on
    )


@pytest.fixture
def people(tree):
    a, b = tree["cell_a"], tree["cell_b"]
    everyone = []
    for _i in range(12):
        m = MemberFactory(organization=a)
        join(m, a, date(2010, 1, 1))
        everyone.append(m)
    newcomer = MemberFactory(organization=a)  # joined cell_a on 15/06
    join(newcomer, b, date(2010, 1, 1), date(YEAR, 6, 14))
    join(newcomer, a, date(YEAR, 6, 15))
    exempted = everyone[0]
    Exemption.objects.create(
        member=exempted,
        ground=ExemptionGround.LONG_TREATMENT,
        starts_on=date(YEAR, 7, 1),
        cell_decided_on=date(YEAR, 7, 1),
    )
    away = everyone[1]  # temporarily in cell_b from March to May
    join(away, b, date(YEAR, 3, 1), date(YEAR, 5, 31), kind=MembershipKind.TEMPORARY)
    soldier_cell = OrganizationFactory(
        superior=tree["commune"], kind=OrgKind.GRASSROOTS_CELL, category=CellCategory.ARMED_FORCES
    )
    for _ in range(6):
        join(
            MemberFactory(organization=soldier_cell, armed_forces=True),
            soldier_cell,
            date(2015, 1, 1),
        )
    return {"newcomer": newcomer, "exempted": exempted, "away": away, "soldiers": soldier_cell}


def run(**kwargs):
    return seed_meetings(
        year=YEAR, cells=demo_cells(YEAR, everything=True), seed=7, today=TODAY, **kwargs
    )


def test_counts_and_consistency(tree, people):
    result = run(batch_size=50)  # several batches
    cells = demo_cells(YEAR, everything=True)
    assert result.cells == cells.count() == 4  # cell_a, cell_b, other_cell, soldiers
    assert result.meetings == Meeting.objects.count()
    assert result.attendances == Attendance.objects.count() > 0
    for _org, n in (
        Meeting.objects.filter(kind=MeetingKind.PERIODIC)
        .values_list("organization_id")
        .annotate(n=Count("pk"))
    ):
        assert n == 12  # one periodic meeting planned a month, held or not
    held = Meeting.objects.filter(state=MeetingState.HELD)
    assert held.exists()
    assert not Meeting.objects.filter(state=MeetingState.HELD, held_on__isnull=True).exists()
    assert not Attendance.objects.exclude(meeting__state=MeetingState.HELD).exists()
    assert not Meeting.objects.filter(state=MeetingState.CANCELLED, cancel_reason="").exists()
    # Every row is for a member of the cell on the meeting date (home or temporary).
    for a in Attendance.objects.select_related("meeting"):
        on = a.meeting.held_on
        assert (
            Membership.objects.filter(
                member_id=a.member_id, organization_id=a.meeting.organization_id, starts_on__lte=on
            )
            .exclude(ends_on__lt=on)
            .exists()
        ), (a.member_id, a.meeting.organization_id, on)
    # Every member of the cell on that date has a row.
    for m in held.filter(organization=tree["cell_a"]):
        on = m.held_on
        expected = 12 + (on >= date(YEAR, 6, 15))
        assert m.attendances.count() == expected
    newcomer_rows = Attendance.objects.filter(member=people["newcomer"])
    assert {
        r.meeting.organization_id for r in newcomer_rows if r.meeting.held_on < date(YEAR, 6, 15)
    } <= {tree["cell_b"].pk}
    # EXM-02: exempt only on dates the member is exempted, and flagged.
    for a in Attendance.objects.filter(member=people["exempted"]).select_related("meeting"):
        assert a.exempted == (a.meeting.held_on >= date(YEAR, 7, 1))
    assert not Attendance.objects.filter(status=S.EXEMPT, exempted=False).exists()
    # Away on a temporary transfer: excused at home, present-or-not as a guest in cell_b.
    for a in Attendance.objects.filter(member=people["away"]).select_related("meeting"):
        if a.meeting.organization_id == tree["cell_a"].pk and date(
            YEAR, 3, 1
        ) <= a.meeting.held_on <= date(YEAR, 5, 31):
            assert a.away and a.status == S.EXCUSED
        if a.meeting.organization_id == tree["cell_b"].pk:
            assert a.temporary
    # Special duty only for armed forces.
    assert (
        not Attendance.objects.filter(on_special_duty=True)
        .exclude(member__armed_forces=True)
        .exclude(meeting__organization__category=CellCategory.ARMED_FORCES)
        .exists()
    )
    # Realistic: attendance mostly between 70% and 100%.
    present = Attendance.objects.filter(status=S.PRESENT).count()
    assert 0.7 < present / result.attendances <= 1


def test_deterministic_and_second_run_adds_nothing(tree, people):
    cells = demo_cells(YEAR, everything=True)
    first = Generator(YEAR, cells, seed=7, today=TODAY)
    second = Generator(YEAR, cells, seed=7, today=TODAY)
    for cell in first.cells:
        a, b = first.plan(cell), second.plan(cell)
        assert a.meetings == b.meetings and a.attendances == b.attendances
    other = Generator(YEAR, cells, seed=8, today=TODAY)
    assert [other.plan(c).meetings for c in other.cells] != [
        first.plan(c).meetings for c in first.cells
    ]
    result = run()
    again = run()
    assert again.cells == 0 and again.skipped == result.cells
    assert Meeting.objects.count() == result.meetings


def test_nothing_after_today_is_held(tree, people):
    seed_meetings(
        year=YEAR, cells=demo_cells(YEAR, everything=True), seed=7, today=date(YEAR, 6, 30)
    )
    assert not Meeting.objects.filter(held_on__gt=date(YEAR, 6, 30)).exists()
    assert not Meeting.objects.filter(
        state=MeetingState.CANCELLED, planned_on__gt=date(YEAR, 6, 30)
    ).exists()
    assert Meeting.objects.filter(
        state=MeetingState.PLANNED, planned_on__gt=date(YEAR, 6, 30)
    ).exists()


def test_command(tree, people):
    from io import StringIO

    out = StringIO()
    call_command("seed_meetings", year=YEAR, cells=str(tree["grassroots"].pk), stdout=out)
    assert set(Meeting.objects.values_list("organization_id", flat=True)) == {
        tree["cell_a"].pk,
        tree["cell_b"].pk,
    }
    assert "Năm 2025: 2 chi bộ" in out.getvalue()


def test_command_this_year_as_of_the_given_day(tree, people):
    """The command reads no clock when --today is given: the year and the last held
    meeting follow it (the suite's pinned clock says 07/12/2026)."""
    out = StringIO()
    call_command(
        "seed_meetings",
        "--this-year",
        "--today",
        "15/03/2026",
        cells=str(tree["grassroots"].pk),
        stdout=out,
    )
    assert "Năm 2026: 2 chi bộ" in out.getvalue()
    assert set(Meeting.objects.values_list("planned_on__year", flat=True)) == {2026}
    held = Meeting.objects.filter(held_on__isnull=False)
    assert held.exists()
    assert not held.filter(held_on__gt=date(2026, 3, 15)).exists()


def test_command_without_today_uses_the_day_in_viet_nam(tree, people):
    """Without --today the command takes today's date in Viet Nam (07/12/2026 on the pinned
    clock, when it is still 06/12 in UTC): the default year is the one before."""
    out = StringIO()
    call_command("seed_meetings", cells=str(tree["grassroots"].pk), stdout=out)
    assert "Năm 2025:" in out.getvalue()


@pytest.mark.parametrize("value", ["31/02/2026", "2026-03-15", "mai"])
def test_command_refuses_a_bad_day(tree, value):
    with pytest.raises(CommandError, match="ngày không hợp lệ"):
        call_command("seed_meetings", "--today", value, stdout=StringIO())


def test_command_refuses_year_and_this_year_together(tree):
    with pytest.raises(CommandError, match="--year hoặc --this-year"):
        call_command("seed_meetings", "--this-year", "--year", "2025", stdout=StringIO())
