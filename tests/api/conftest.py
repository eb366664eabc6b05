"""API fixtures: members in the small tree, and a JSON getter for each persona."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.enums import EventKind, MembershipKind, MemberStatus
from members.models import MemberEvent, Membership
from tests.factories import MemberFactory

API = "/api/v1"


def add_member(organization, name, **fields):
    """A member with a home membership and an admission event in `organization`."""
    fields.setdefault("status", MemberStatus.FULL)
    fields.setdefault("admitted_on", date(2010, 3, 2))
    member = MemberFactory(full_name=name, organization=organization, **fields)
    Membership.objects.create(
        member=member,
        organization=organization,
        kind=MembershipKind.HOME,
        starts_on=date(2010, 3, 2),
    )
    MemberEvent.objects.create(
        member=member, kind=EventKind.ADMITTED, on=date(2010, 3, 2), organization=organization
    )
    return member


@pytest.fixture
def people(tree):
    """Two members in cell_a, one in cell_b, one in the other commune's cell."""
    return {
        "duc": add_member(tree["cell_a"], "Nguyễn Văn Đức", card_number="01234567"),
        "dung": add_member(tree["cell_a"], "Trần Văn Dũng", status=MemberStatus.PROBATIONARY),
        "binh": add_member(tree["cell_b"], "Trần Thị Bình"),
        "dung_other": add_member(tree["other_cell"], "Phạm Thị Dung"),
    }


@pytest.fixture
def get(client):
    """get(user, path, **params) -> the response (user None: anonymous)."""

    def _get(user, path, **params):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client.get(f"{API}{path}", params)

    return _get


def count_queries(call) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = call()
    assert response.status_code == 200, response.content
    return len(ctx.captured_queries)
