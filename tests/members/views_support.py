"""Shared helpers of the member page tests (URLs, a member admitted through the register)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.enums import EventKind, Sex
from members.services.events import record_event
from tests.factories import MemberFactory

LIST = reverse("members:list")
CREATE = reverse("members:create")


def detail_url(member):
    return reverse("members:detail", args=[member.pk])


def edit_url(member):
    return reverse("members:edit", args=[member.pk])


def event_url(member):
    return reverse("members:record_event", args=[member.pk])


def listed_names(response):
    return [m.full_name for m in response.context["page"]]


def admitted_member(name, org, on, *, full_on=None, by=None, **fields):
    """A member admitted on `on` (and full on `full_on`) through record_event (MEM-02)."""
    member = MemberFactory(full_name=name, organization=org, status="", **fields)
    record_event(member, EventKind.ADMITTED, on, by=by, organization=org)
    if full_on:
        record_event(member, EventKind.FULL_MEMBERSHIP, full_on, by=by)
    member.refresh_from_db()
    return member


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def profile_data(member, **overrides):
    data = {
        "full_name": member.full_name,
        "sex": member.sex,
        "date_of_birth": member.date_of_birth.strftime("%d/%m/%Y"),
    }
    data.update(overrides)
    return data


def create_data(organization, **overrides):
    data = {
        "full_name": "Nông Thị Lan",
        "date_of_birth": "05/03/1990",
        "sex": Sex.FEMALE,
        "entry": "admission",
        "organization": organization.pk,
        "admitted_on": "10/04/2020",
        "document": "15-QĐ/ĐU",
    }
    data.update(overrides)
    return data
