"""Pages of the periods of non-participation (AGE-01, MTG-07): record and end one from the
member page, for every persona; errors beside the fields, nothing half-saved."""

from datetime import date as D

import pytest
from django.urls import reverse

from members.enums import NonParticipationKind as K
from members.models import NonParticipation
from members.services import participation as svc
from tests.members.services.test_participation import admit
from tests.members.views_support import count_queries

pytestmark = pytest.mark.django_db

FORM = {
    "kind": K.SUSPENDED,
    "starts_on": "01/03/2026",
    "ends_on": "31/05/2026",
    "document": "12-QĐ/ĐU",
    "note": "",
}


@pytest.fixture
def member(tree, secretary):
    return admit(tree, secretary)


def _create(member):
    return reverse("members:non_participation_create", args=[member.pk])


def _end(period):
    return reverse("members:non_participation_end", args=[period.pk])


def detail_url(member):
    return reverse("members:detail", args=[member.pk])


def _period(member, by, **extra):
    values = {"kind": K.OUT_OF_CONTACT, "starts_on": D(2026, 1, 5)}
    values.update(extra)
    return svc.record_non_participation(member=member, **values, by=by)


def test_anonymous_is_sent_to_login(client, member, secretary):
    period = _period(member, secretary)
    for target in (_create(member), _end(period)):
        response = client.get(target)
        assert response.status_code == 302 and "login" in response.url


@pytest.mark.parametrize(
    "name, status",
    [
        ("admin_user", 200),
        ("officer", 200),
        ("secretary", 200),
        ("inspector", 403),
        ("other_secretary", 404),
        ("outsider", 404),
        ("member_user", 404),
    ],
)
def test_pages_by_persona(name, status, persona, login, member, secretary):
    period = _period(member, secretary)
    client = login(persona(name))
    assert client.get(_create(member)).status_code == status
    assert client.get(_end(period)).status_code == status
    written = 302 if status == 200 else status  # a writer is sent back to the member page
    assert client.post(_create(member), FORM).status_code == written
    assert client.post(_end(period), {"ends_on": "31/01/2026"}).status_code == written
    if status != 200:
        period.refresh_from_db()
        assert NonParticipation.objects.count() == 1 and period.ends_on is None


def test_record_through_the_page(secretary, login, member):
    client = login(secretary)
    response = client.post(_create(member), FORM)
    assert response.status_code == 302 and response.url == detail_url(member)
    period = NonParticipation.objects.get()
    assert (period.kind, period.starts_on, period.ends_on, period.document) == (
        K.SUSPENDED,
        D(2026, 3, 1),
        D(2026, 5, 31),
        "12-QĐ/ĐU",
    )
    html = client.get(detail_url(member)).content.decode()
    assert "Đình chỉ sinh hoạt đảng" in html and "12-QĐ/ĐU" in html


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"ends_on": "28/02/2026"}, "ends_on", "Ngày kết thúc trước ngày bắt đầu."),
        ({"starts_on": "01/01/1990"}, "starts_on", "Ngày bắt đầu trước ngày vào Đảng"),
        ({"starts_on": "32/01/2026"}, "starts_on", None),
        ({"kind": ""}, "kind", None),
    ],
)
def test_bad_input_is_shown_beside_the_field(secretary, login, member, changes, field, message):
    response = login(secretary).post(_create(member), {**FORM, **changes})
    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    if message:
        assert message in errors[0]
    assert not NonParticipation.objects.exists()


def test_an_overlap_is_shown_beside_the_start(secretary, login, member):
    _period(member, secretary, kind=K.SUSPENDED, starts_on=D(2026, 2, 1), ends_on=D(2026, 3, 1))
    response = login(secretary).post(_create(member), FORM)
    assert response.status_code == 200
    assert "01/02/2026" in response.context["form"].errors["starts_on"][0]
    assert NonParticipation.objects.count() == 1


def test_end_through_the_page(secretary, login, member):
    period = _period(member, secretary)
    client = login(secretary)
    response = client.post(_end(period), {"ends_on": "04/01/2026"})
    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"]
    response = client.post(_end(period), {"ends_on": "31/01/2026"})
    assert response.status_code == 302
    period.refresh_from_db()
    assert period.ends_on == D(2026, 1, 31)


def test_member_page_links_for_writers_only(client, login, secretary, inspector, member):
    period = _period(member, secretary)
    html = login(secretary).get(detail_url(member)).content.decode()
    assert _create(member) in html and _end(period) in html
    html = login(inspector).get(detail_url(member)).content.decode()
    assert 'data-testid="non-participations"' in html
    assert _create(member) not in html and _end(period) not in html


def test_member_page_queries_do_not_grow_with_periods(client, login, secretary, member):
    login(secretary)
    _period(member, secretary, starts_on=D(2000, 1, 1), ends_on=D(2000, 1, 31))
    one = count_queries(client, detail_url(member))
    for year in range(2001, 2011):
        _period(member, secretary, starts_on=D(year, 1, 1), ends_on=D(year, 1, 31))
        _period(member, secretary, kind=K.DETAINED, starts_on=D(year, 3, 1), ends_on=D(year, 3, 9))
    assert count_queries(client, detail_url(member)) == one
