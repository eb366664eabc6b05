"""Fixtures of the admission tests: a cell with full members, a candidate, a case walked
to any stage through the one service function (`walk`)."""

from datetime import date, timedelta

import pytest

from admissions.enums import CandidateSource, SponsorKind, Stage
from admissions.rules.stages import stages_for
from admissions.services.candidates import add_candidate
from admissions.services.cases import add_sponsor, open_case
from admissions.services.stages import advance
from members.enums import Education, MembershipKind, MemberStatus, SeatRole, Sex
from members.models import CommitteeSeat, Member, Membership
from organizations.enums import CommitteeKind
from organizations.models import Committee, Term
from tests.factories import MemberFactory

FULL_SINCE = date(2010, 1, 1)


def make_member(org, *, name="Đảng viên", full_on=FULL_SINCE, admitted_on=None, status=None):
    """A member of `org` since `admitted_on` (home membership), full from `full_on`."""
    admitted_on = admitted_on or (full_on if full_on else date(2024, 1, 1))
    member = MemberFactory(
        full_name=name,
        organization=org,
        status=status or (MemberStatus.FULL if full_on else MemberStatus.PROBATIONARY),
        admitted_on=admitted_on,
        full_member_on=full_on,
    )
    Membership.objects.create(
        member=member, organization=org, kind=MembershipKind.HOME, starts_on=admitted_on
    )
    return member


def make_full_members(org, n, *, prefix="Đảng viên"):
    return [make_member(org, name=f"{prefix} {i}") for i in range(n)]


@pytest.fixture
def cell(tree):
    return tree["cell_a"]


@pytest.fixture
def full_members(cell):
    """Nine full members of cell_a (the ADM-06 base: 2/3 is 6)."""
    return make_full_members(cell, 9)


COMMITTEE_SIZE = 9  # the grassroots committee in the register (ADM-06: 2/3 is 6)


def seat_committee(organization, n, *, starts_on=date(2020, 6, 1), ends_on=None, prefix="Ủy viên"):
    """A term from `starts_on`, its executive committee and `n` seats (secretary first)."""
    term = Term.objects.create(
        organization=organization, name="Nhiệm kỳ", starts_on=starts_on, ends_on=ends_on
    )
    committee = Committee.objects.create(
        organization=organization, term=term, kind=CommitteeKind.EXECUTIVE
    )
    for i in range(n):
        CommitteeSeat.objects.create(
            committee=committee,
            member=make_member(organization, name=f"{prefix} {i}"),
            role=SeatRole.SECRETARY if i == 0 else SeatRole.MEMBER,
            starts_on=starts_on,
            ends_on=ends_on,
        )
    return committee


@pytest.fixture
def grassroots_committee(tree):
    """The executive committee of cell_a's đảng bộ cơ sở: nine members seated since 2020."""
    return seat_committee(tree["grassroots"], COMMITTEE_SIZE)


@pytest.fixture
def candidate(cell, officer):
    return add_candidate(
        by=officer,
        cell=cell,
        on=date(2024, 1, 2),
        full_name="Lường Thị Hoa",
        sex=Sex.FEMALE,
        date_of_birth=date(2000, 3, 15),
        education=Education.UPPER_SECONDARY,
        source=CandidateSource.YOUTH_UNION,
        youth_union_member=True,
        home_town="Tân Lập, Lạng Sơn",
        address="Thôn Nà Phát",
    )


# The default dates of each step of the walk (a happy path that meets every deadline).
DATES = {
    Stage.SOURCE: date(2024, 1, 8),
    Stage.SYMPATHIZER: date(2024, 1, 15),
    Stage.COURSE: date(2024, 3, 1),
    Stage.APPLICATION: date(2024, 3, 5),
    Stage.HISTORY: date(2024, 3, 12),
    Stage.VERIFICATION: date(2024, 4, 1),
    Stage.COMMENTS: date(2024, 4, 8),
    Stage.SPONSORS: date(2024, 4, 15),
    Stage.CELL_RESOLUTION: date(2025, 2, 14),
    Stage.COMMITTEE_RESOLUTION: date(2025, 2, 20),
    Stage.DECISION: date(2025, 3, 3),
    Stage.CEREMONY: date(2025, 3, 19),
    Stage.MEMBER_FILE: date(2025, 4, 1),
}


def default_facts(stage, full_members):
    return {
        Stage.SYMPATHIZER: {"helper": full_members[0]},
        Stage.COURSE: {"certificate_on": date(2024, 2, 28), "certificate_number": "12/CN"},
        Stage.CELL_RESOLUTION: {"votes_for": 8, "votes_against": 1},
        Stage.COMMITTEE_RESOLUTION: {"committee_for": 7, "committee_against": 0},
        Stage.DECISION: {"decision_number": "125-QĐ/ĐU"},
    }.get(stage, {})


@pytest.fixture
def walk(officer, full_members, grassroots_committee):
    """walk(case, until) advances the case stage by stage up to `until` (inclusive)."""

    def _walk(case, until, *, overrides=None, sponsors=True):
        overrides = overrides or {}
        stages = stages_for(case)
        for stage in stages[stages.index(case.stage) + 1 : stages.index(until) + 1]:
            if stage == Stage.SPONSORS and sponsors and not case.sponsors.exists():
                add_sponsor(
                    case,
                    by=officer,
                    kind=SponsorKind.MEMBER,
                    member=full_members[1],
                    since=date(2023, 1, 1),
                    letter_on=date(2024, 4, 10),
                )
                add_sponsor(
                    case,
                    by=officer,
                    kind=SponsorKind.MEMBER,
                    member=full_members[2],
                    since=date(2023, 6, 1),
                    letter_on=date(2024, 4, 10),
                )
            kwargs = {"on": DATES[stage], **default_facts(stage, full_members)}
            kwargs.update(overrides.get(stage, {}))
            advance(case, stage, by=officer, **kwargs)
            case.refresh_from_db()
        return case

    return _walk


@pytest.fixture
def case(candidate, officer):
    return open_case(candidate, by=officer, on=date(2024, 1, 8))


def probationary(org, *, ceremony_on=None, admitted_on=date(2025, 3, 3)):
    member = make_member(org, name="Đảng viên dự bị", full_on=None, admitted_on=admitted_on)
    member.status = MemberStatus.PROBATIONARY
    member.save()
    return member


__all__ = ["Member", "make_member", "make_full_members", "probationary", "seat_committee"]


# --- ADM-06: committee seats around the committee resolution date -----------------------

ON = DATES[Stage.COMMITTEE_RESOLUTION]  # 20/02/2025
DAY = timedelta(days=1)


def seat(committee, name, starts_on, ends_on=None, role=SeatRole.MEMBER):
    return CommitteeSeat.objects.create(
        committee=committee,
        member=make_member(committee.organization, name=name),
        role=role,
        starts_on=starts_on,
        ends_on=ends_on,
    )


@pytest.fixture
def boundary_seats(grassroots_committee):
    """Around the resolution date: two seats that count (ending on it, starting on it) and
    two that do not (ending the day before, starting the day after). The base is 11."""
    seat(grassroots_committee, "Thôi hôm trước", date(2020, 6, 1), ON - DAY)
    seat(grassroots_committee, "Bắt đầu hôm sau", ON + DAY)
    seat(grassroots_committee, "Thôi đúng ngày", date(2020, 6, 1), ON)
    seat(grassroots_committee, "Bắt đầu đúng ngày", ON)
    return grassroots_committee


@pytest.fixture
def at_cell(case, walk):
    return walk(case, Stage.CELL_RESOLUTION)
