"""Lists and the dashboard read with a constant number of queries (1 and many rows)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from admissions.enums import CandidateSource, Stage
from admissions.queries.due import due_rows_for
from admissions.queries.targets import chart_data, results_for
from admissions.services.candidates import add_candidate
from admissions.services.cases import open_case
from admissions.services.targets import set_target
from members.enums import Sex

pytestmark = pytest.mark.django_db


def add_cases(officer, cell, n, start=0):
    for i in range(start, start + n):
        c = add_candidate(
            by=officer,
            cell=cell,
            on=date(2024, 1, 2),
            full_name=f"Người số {i}",
            sex=Sex.MALE,
            date_of_birth=date(1995, 1, 1),
            source=CandidateSource.RESIDENCE,
        )
        open_case(c, by=officer, on=date(2024, 1, 3))


def count(fn):
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def test_due_rows_constant_queries(officer, cell):
    add_cases(officer, cell, 1)
    one = count(lambda: due_rows_for(officer, today=date(2026, 1, 5)))
    add_cases(officer, cell, 20, start=1)
    many = count(lambda: due_rows_for(officer, today=date(2026, 1, 5)))
    assert one == many


def test_incomplete_and_pages_constant_queries(officer, cell, login):
    add_cases(officer, cell, 1)
    client = login(officer)
    pages = [reverse("admissions:incomplete"), reverse("admissions:candidates")]
    one = [count(lambda u=u: client.get(u)) for u in pages]
    add_cases(officer, cell, 20, start=1)
    many = [count(lambda u=u: client.get(u)) for u in pages]
    assert one == many


def test_adm11_results_funnel_by_year_and_term_target(officer, case, walk, tree):
    from organizations.models import Term

    walk(case, Stage.MEMBER_FILE)
    grassroots = tree["grassroots"]
    set_target(by=officer, organization=grassroots, year=2025, target=2)
    term = Term.objects.create(
        organization=grassroots,
        name="2020–2025",
        starts_on=date(2020, 10, 1),
        ends_on=date(2025, 9, 30),
    )
    set_target(by=officer, organization=grassroots, term=term, target=1)
    result = results_for(grassroots, [2024, 2025])
    y2024, y2025 = result.years
    assert (y2024.sympathizers, y2024.trained, y2024.admitted) == (1, 1, 0)
    assert (y2025.admitted, y2025.target) == (1, 2)
    assert y2025.achievement == 0.5 and y2025.above_plan == -0.5
    assert y2024.trained_rate == 1.0
    assert result.term_targets[0]["achievement"] == 1.0
    chart = chart_data(result)
    assert chart["labels"] == ["2024", "2025"]
    # another subtree sees nothing of it
    other = results_for(tree["cell_b"], [2024, 2025])
    assert all(r.admitted == 0 and r.sympathizers == 0 for r in other.years)


def test_adm11_term_targets_boundaries_in_one_aggregate(officer, case, walk, tree):
    """A case decided on the term's last day counts for it; the day after it does not; and
    the query count does not grow with the number of term targets."""
    from datetime import timedelta

    from organizations.models import Term

    walk(case, Stage.MEMBER_FILE)
    case.refresh_from_db()
    decided = case.decision_on
    grassroots = tree["grassroots"]

    def add_term(name, starts_on, ends_on, target):
        term = Term.objects.create(
            organization=grassroots, name=name, starts_on=starts_on, ends_on=ends_on
        )
        set_target(by=officer, organization=grassroots, term=term, target=target)

    none = count(lambda: results_for(grassroots, [2025]))
    add_term("ends the day of", date(2020, 1, 1), decided, 2)
    assert count(lambda: results_for(grassroots, [2025])) == none
    add_term("ends the day before", date(2019, 1, 1), decided - timedelta(days=1), 1)
    add_term("starts the day after", decided + timedelta(days=1), None, 1)
    assert count(lambda: results_for(grassroots, [2025])) == none
    by_name = {t["term"].name: t["admitted"] for t in results_for(grassroots, [2025]).term_targets}
    assert by_name == {"ends the day of": 1, "ends the day before": 0, "starts the day after": 0}
