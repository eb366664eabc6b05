"""members.queries.exemptions: EXM-02, who is exempted on a date (the dated query meetings
use), for members or for a cell and its subtree in one query."""

from datetime import date as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.enums import ExemptionGround
from members.queries.exemptions import exempted_member_ids, exempted_on
from members.services import exemptions as svc
from tests.members.services.test_transfers import make_member

pytestmark = pytest.mark.django_db


def make_old(org, name):
    """A member past working age (EXM-01): a man born in 1950."""
    return make_member(org, name=name, date_of_birth=D(1950, 1, 1))


@pytest.fixture
def old(tree):
    return make_old(tree["cell_a"], name="Hoàng Văn Lộc")


def age_exemption(member, by, **extra):
    values = {
        "ground": ExemptionGround.AGE,
        "starts_on": D(2026, 3, 1),
        "poor_health": True,
        "own_request": True,
        "cell_decided_on": D(2026, 2, 25),
        "document": "05-QĐ/CB",
    }
    values.update(extra)
    return svc.start_exemption(member=member, **values, by=by)


def test_exm_02_exempted_on_follows_the_dates(old, tree, secretary):
    other = make_old(tree["cell_a"], name="Lý Thị Sen")
    exemption = age_exemption(old, secretary)
    svc.end_exemption(exemption, ends_on=D(2026, 6, 30), by=secretary)
    ids = [old.pk, other.pk]
    assert exempted_on(ids, D(2026, 2, 28)) == set()
    assert exempted_on(ids, D(2026, 3, 1)) == {old.pk}
    assert exempted_on(ids, D(2026, 6, 30)) == {old.pk}
    assert exempted_on(ids, D(2026, 7, 1)) == set()
    assert exempted_on([], D(2026, 3, 1)) == set()


def test_exm_02_exempted_member_ids_of_a_cell_in_one_query(old, tree, secretary, other_secretary):
    age_exemption(old, secretary)
    in_b = make_old(tree["cell_b"], name="Đinh Văn Bảy")
    age_exemption(in_b, other_secretary)
    with CaptureQueriesContext(connection) as ctx:
        assert exempted_member_ids(tree["cell_a"], D(2026, 3, 2)) == {old.pk}
    assert len(ctx.captured_queries) == 1
    assert exempted_member_ids(tree["grassroots"], D(2026, 3, 2), subtree=True) == {old.pk, in_b.pk}
    assert exempted_member_ids(tree["cell_a"], D(2026, 2, 1)) == set()
