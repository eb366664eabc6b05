"""reviews.queries.rounds: the missing reviews of a round, with their reasons."""

from datetime import date

import pytest

from reviews import services
from reviews.enums import Level as L
from reviews.queries.rounds import round_page

pytestmark = pytest.mark.django_db


def test_missing_reviews_with_reasons(round_for, tree, people, secretary):
    from members.models import Exemption

    round_for(2024, cutoff_on=date(2024, 6, 30))
    late = people[1]
    late.admitted_on = date(2024, 9, 1)
    late.save()
    Exemption.objects.create(
        member=people[2],
        ground="long_treatment",
        starts_on=date(2024, 1, 1),
        cell_decided_on=date(2024, 1, 1),
    )
    services.record_member_step(
        member=people[0], year=2024, step="self", level=L.GOOD, by=secretary
    )
    page = round_page(tree["commune"], 2024)
    reasons = {m.subject.pk: (m.reason, m.configurable) for m in page.missing_members}
    assert people[0].pk not in reasons
    assert reasons[late.pk][1] and "ngày chốt" in reasons[late.pk][0]
    assert reasons[people[2].pk][1] and "miễn" in reasons[people[2].pk][0]
