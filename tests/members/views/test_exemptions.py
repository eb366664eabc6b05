"""members.views.exemptions: the exemption pages (list, start, end) for every persona, rule
errors beside their fields, the list of current and lapsed exemptions in constant queries."""

from datetime import date as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.enums import ExemptionGround
from members.models import Exemption
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


FORM = {
    "ground": ExemptionGround.AGE,
    "starts_on": "01/03/2026",
    "ends_on": "",
    "poor_health": "on",
    "own_request": "on",
    "cell_decided_on": "25/02/2026",
}


LIST = reverse("members:exemption_list")


def _create(member):
    return reverse("members:exemption_create", args=[member.pk])


def _end(exemption):
    return reverse("members:exemption_end", args=[exemption.pk])


def test_anonymous_is_sent_to_login(client, old, secretary):
    exemption = age_exemption(old, secretary)
    for target in (LIST, _create(old), _end(exemption)):
        response = client.get(target)
        assert response.status_code == 302 and "login" in response.url


# (persona, create/end status, sees the exemption in the list)
PAGES = [
    ("admin_user", 200, True),
    ("officer", 200, True),
    ("secretary", 200, True),
    ("inspector", 403, True),
    ("other_secretary", 404, False),
    ("outsider", 404, False),
    ("member_user", 404, None),
]


@pytest.mark.parametrize("name, status, listed", PAGES)
def test_pages_by_persona(name, status, listed, persona, login, old, secretary):
    exemption = age_exemption(old, secretary)
    client = login(persona(name))
    assert client.get(_create(old)).status_code == status
    assert client.get(_end(exemption)).status_code == status
    response = client.get(LIST)
    if listed is None:
        assert response.status_code == 404
    else:
        assert (exemption in response.context["exemptions"]) == listed


def test_create_through_the_page_shows_rule_errors_beside_fields(secretary, login, old):
    client = login(secretary)
    response = client.post(_create(old), {**FORM, "own_request": ""})
    assert response.status_code == 200
    assert "EXM-01" in response.content.decode()
    assert not Exemption.objects.exists()
    response = client.post(_create(old), FORM)
    assert response.status_code == 302
    assert Exemption.objects.get().member == old


def test_end_through_the_page(secretary, login, old):
    exemption = age_exemption(old, secretary)
    response = login(secretary).post(_end(exemption), {"ends_on": "30/06/2026"})
    assert response.status_code == 302
    exemption.refresh_from_db()
    assert exemption.ends_on == D(2026, 6, 30)


def test_list_shows_only_current_exemptions_of_the_subtree(officer, login, tree, old, secretary):
    current = age_exemption(old, secretary)
    ended = make_old(tree["cell_a"], name="Phan Văn Tám")
    svc.end_exemption(age_exemption(ended, secretary), ends_on=D(2026, 4, 1), by=secretary)
    client = login(officer)
    assert list(client.get(LIST).context["exemptions"]) == [current]
    response = client.get(LIST, {"organization": tree["cell_b"].pk})
    assert list(response.context["exemptions"]) == []


def test_list_has_a_constant_number_of_queries(officer, login, tree, secretary):
    client = login(officer)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(LIST)
        return len(ctx.captured_queries), len(response.context["exemptions"])

    age_exemption(make_old(tree["cell_a"], name="Đảng viên 0"), secretary)
    few, n = count()
    assert n == 1
    for i in range(1, 50):
        age_exemption(make_old(tree["cell_a"], name=f"Đảng viên {i}"), secretary)
    many, n = count()
    assert n == 50 and few == many


def test_a_lapsed_dated_exemption_is_listed_until_its_end_is_recorded(
    officer, login, old, secretary
):
    exemption = age_exemption(
        old,
        secretary,
        ground=ExemptionGround.MATERNITY,
        starts_on=D(2026, 3, 1),
        ends_on=D(2026, 8, 31),
    )
    client = login(officer)
    response = client.get(LIST)
    assert list(response.context["lapsed"]) == [exemption]
    assert list(response.context["exemptions"]) == []
    svc.end_exemption(exemption, ends_on=D(2026, 8, 31), by=secretary)
    assert list(client.get(LIST).context["lapsed"]) == []
    old.refresh_from_db()
    assert not old.exempted
