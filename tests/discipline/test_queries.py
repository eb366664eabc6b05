"""discipline.queries: the INS-02 statistics of a subtree."""

from datetime import date

import pytest

from discipline import queries
from discipline.enums import (
    Activity,
    Area,
    InspectionKind,
)
from discipline.services import inspections
from tests.discipline.conftest import add_member, seat

pytestmark = pytest.mark.django_db


def test_ins02_statistics_in_the_seed_shape(tree, officer, person):
    """3 organizations and 7 members on signs; 5 finance inspections; 3 supervision rounds on
    3 committees and 17 members; assigned committee members."""
    from tests.factories import OrganizationFactory

    commune = tree["commune"]
    orgs = [tree["grassroots"], tree["cell_a"], tree["cell_b"]]
    extra = [OrganizationFactory(kind="grassroots_cell", superior=commune) for _ in range(2)]
    members = [person] + [add_member(tree["cell_b"], f"Đảng viên {i}") for i in range(6)]
    common = {"organization": commune, "activity": Activity.INSPECTION, "by": officer}
    for o in orgs:
        inspections.create_inspection(
            kind=InspectionKind.SIGNS_OF_VIOLATION,
            starts_on=date(2024, 4, 1),
            subject_organization=o,
            areas=[Area.DEMOCRATIC_CENTRALISM],
            **common,
        )
    for m in members:
        inspections.create_inspection(
            kind=InspectionKind.SIGNS_OF_VIOLATION,
            starts_on=date(2024, 5, 1),
            subject_member=m,
            **common,
        )
    for o in orgs[:3] + extra:
        inspections.create_inspection(
            kind=InspectionKind.REGULAR,
            starts_on=date(2024, 6, 1),
            subject_organization=o,
            areas=[Area.FINANCES],
            **common,
        )
    for o, n in zip(orgs, (5, 6, 6), strict=True):
        inspections.create_inspection(
            organization=commune,
            activity=Activity.SUPERVISION,
            kind=InspectionKind.THEMATIC,
            starts_on=date(2024, 7, 1),
            subject_organization=o,
            members_covered=n,
            areas=[Area.WORKING_RULES],
            by=officer,
        )
    inspections.create_inspection(
        kind=InspectionKind.SIGNS_OF_VIOLATION,
        starts_on=date(2025, 1, 2),
        subject_organization=orgs[0],
        **common,
    )  # outside the period
    leader = add_member(commune, "Cấp ủy viên")
    seat(leader, commune)
    inspections.assign_follow(
        organization=commune,
        member=leader,
        followed=tree["cell_a"],
        starts_on=date(2024, 1, 1),
        areas=[Area.ADMISSION],
        by=officer,
    )
    s = queries.inspection_stats(commune, date(2024, 1, 1), date(2024, 12, 31))
    assert (s.orgs_on_signs, s.members_on_signs) == (3, 7)
    assert (s.finance_inspections, s.finance_orgs) == (5, 5)
    assert (s.supervisions, s.supervised_orgs, s.supervised_members) == (3, 3, 17)
    assert s.assigned_members == 1


def test_ins02_finance_area_matched_in_the_json_list_on_every_database(tree, officer, person):
    """The finance filter reads the JSON list's text: the quoted value, wherever it sits in
    the list, on SQLite and PostgreSQL alike; other areas and the committee itself don't count."""
    commune = tree["commune"]
    common = {
        "organization": commune,
        "activity": Activity.INSPECTION,
        "kind": InspectionKind.REGULAR,
        "by": officer,
    }
    cases = [
        (tree["cell_a"], [Area.UNITY, Area.FINANCES]),  # counted: second in the list
        (tree["cell_b"], [Area.FINANCES]),  # counted
        (tree["grassroots"], [Area.THRIFT_ANTI_CORRUPTION, Area.WORKING_RULES]),  # not finances
        (commune, [Area.FINANCES]),  # the committee itself: not a subordinate
    ]
    for org, areas in cases:
        inspections.create_inspection(
            starts_on=date(2024, 3, 1), subject_organization=org, areas=areas, **common
        )
    inspections.create_inspection(
        starts_on=date(2024, 3, 1), subject_member=person, areas=[Area.FINANCES], **common
    )  # a member, not an organization
    s = queries.inspection_stats(commune, date(2024, 1, 1), date(2024, 12, 31))
    assert (s.finance_inspections, s.finance_orgs) == (2, 2)
