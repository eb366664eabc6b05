"""ADM-11 results by direct subordinate organization (admissions.queries_results): the
admitted of each child's subtree against the target set for that child, in three
queries whatever the number of children. Figures computed by hand below."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from admissions.enums import CandidateSource, CandidateState, Outcome, Stage
from admissions.models import AdmissionCase, AdmissionTarget, Candidate
from admissions.queries.targets import results_by_child
from organizations.enums import OrgKind
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def admit(cell, on, *, outcome=Outcome.ADMITTED):
    candidate = Candidate.objects.create(
        full_name="Quần chúng",
        sex="male",
        date_of_birth=date(2000, 1, 1),
        source=CandidateSource.YOUTH_UNION,
        cell=cell,
        state=CandidateState.SYMPATHIZER,
        state_since=date(on.year, 1, 2),
    )
    return AdmissionCase.objects.create(
        candidate=candidate,
        cell=cell,
        stage=Stage.MEMBER_FILE,
        outcome=outcome,
        opened_on=date(on.year, 1, 5),
        decision_on=on,
    )


@pytest.fixture
def data(tree):
    """2025, seen from the province: the commune (target 3) admitted 2 in cell_a and 1 in
    cell_b = 3 → 100,0%; the ward (target 2) admitted 1 in its cell → 50,0%, 50% below
    plan. Not counted: a 2024 admission, a case still open, the grassroots committee's
    own target (not a direct child of the province)."""
    for cell, on in (
        (tree["cell_a"], date(2025, 3, 1)),
        (tree["cell_a"], date(2025, 12, 31)),
        (tree["cell_b"], date(2025, 1, 1)),
        (tree["other_cell"], date(2025, 6, 1)),
        (tree["cell_a"], date(2024, 12, 31)),
    ):
        admit(cell, on)
    admit(tree["other_cell"], date(2025, 7, 1), outcome=Outcome.OPEN)
    AdmissionTarget.objects.create(organization=tree["commune"], year=2025, target=3)
    AdmissionTarget.objects.create(organization=tree["other_commune"], year=2025, target=2)
    AdmissionTarget.objects.create(organization=tree["other_commune"], year=2024, target=9)
    AdmissionTarget.objects.create(organization=tree["grassroots"], year=2025, target=10)


def test_each_child_against_its_own_target(tree, data):
    b = results_by_child(tree["province"], 2025)
    rows = [(r.organization, r.target, r.admitted, r.reached) for r in b.rows]
    assert rows == [
        (tree["commune"], 3, 3, True),
        (tree["other_commune"], 2, 1, False),
    ]
    commune, ward = b.rows
    assert commune.achievement == 1.0 and commune.above_plan == 0.0
    assert ward.achievement == 0.5 and ward.above_plan == -0.5
    assert (b.admitted, b.target, b.reached, len(b.with_target)) == (4, 5, 1, 2)


def test_children_without_target(tree, data):
    b = results_by_child(tree["grassroots"], 2025)
    assert [(r.organization, r.target, r.admitted) for r in b.rows] == [
        (tree["cell_a"], None, 2),
        (tree["cell_b"], None, 1),
    ]
    assert b.target is None and b.with_target == [] and b.rows[0].achievement is None
    assert b.rows[0].reached is None
    assert results_by_child(tree["cell_a"], 2025).rows == []  # a cell has no subordinate


def test_an_organization_not_active_that_year_is_listed_only_with_figures(tree, data):
    gone = OrganizationFactory(
        name="Chi bộ thôn cũ",
        kind=OrgKind.CELL,
        superior=tree["grassroots"],
        dissolved_on=date(2024, 6, 30),
    )
    later = OrganizationFactory(
        name="Chi bộ mới",
        kind=OrgKind.CELL,
        superior=tree["grassroots"],
        established_on=date(2026, 1, 1),
    )
    listed = [r.organization for r in results_by_child(tree["grassroots"], 2025).rows]
    assert gone not in listed and later not in listed
    admit(gone, date(2024, 5, 1))
    assert gone in [r.organization for r in results_by_child(tree["grassroots"], 2024).rows]


def test_three_queries_whatever_the_number_of_children(tree, data):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            results_by_child(tree["grassroots"], 2025)
        return len(ctx)

    assert count() == 3
    for i in range(6):
        cell = OrganizationFactory(
            name=f"Chi bộ {i}", kind=OrgKind.CELL, superior=tree["grassroots"]
        )
        AdmissionTarget.objects.create(organization=cell, year=2025, target=1)
        admit(cell, date(2025, 4, 1))
    assert count() == 3
    assert len(results_by_child(tree["grassroots"], 2025).rows) == 8
