"""reviews.queries.checks: the discipline facts behind REV-02..04."""

from datetime import date

import pytest

from discipline.services import appeals as discipline_appeals
from reviews.queries import checks
from tests.reviews.support import discipline_of

pytestmark = pytest.mark.django_db


def test_review_fact_names_the_form_in_force_after_appeal(round_for, tree, people, officer):

    d = discipline_of(tree, people[0], officer, on=date(2024, 5, 1), form="warning")
    discipline_appeals.record_receipt(d, received_on=date(2024, 5, 2), by=officer)
    discipline_appeals.record_appeal(d, appealed_on=date(2024, 5, 10), by=officer)
    discipline_appeals.resolve_appeal(
        d, outcome="reduced", new_form="reprimand", decided_on=date(2024, 6, 1), by=officer
    )
    (fact,) = checks.member_facts([people[0].pk], 2024)[people[0].pk]
    assert fact.form == "reprimand" and "Khiển trách" in fact.label
