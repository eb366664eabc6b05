"""The ADM-11 results page: below plan it shows how far the plan was reached ("chưa đạt
(đạt 87,5%)"); the breakdown by direct subordinate organization (admitted against each
one's target) for a chosen year, scoped, with a constant number of queries."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from admissions.models import AdmissionTarget
from organizations.enums import OrgKind
from tests.factories import OrganizationFactory

from ..queries.test_targets import admit

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(tree):
    """2025: the commune's target 8, 7 admitted in cell_a → 87,5%, below plan; its
    grassroots đảng bộ (the only child) target 6 → 7/6 = 116,7%, 16,67% above plan."""
    for day in range(1, 8):
        admit(tree["cell_a"], date(2025, 3, day))
    AdmissionTarget.objects.create(organization=tree["commune"], year=2025, target=8)
    AdmissionTarget.objects.create(organization=tree["grassroots"], year=2025, target=6)


def url(tree, **extra):
    query = {"organization": tree["commune"].pk, "year_from": 2024, "year_to": 2025, **extra}
    return reverse("admissions:results") + "?" + "&".join(f"{k}={v}" for k, v in query.items())


def test_below_plan_shows_the_share_reached(login, officer, tree, data):
    body = login(officer).get(url(tree)).content.decode()
    assert "chưa đạt (đạt 87,5%)" in body


def test_breakdown_by_subordinate_organization(login, officer, tree, data):
    response = login(officer).get(url(tree))
    breakdown = response.context["breakdown"]
    assert breakdown.year == 2025  # the last year shown
    [row] = breakdown.rows
    assert (row.organization, row.target, row.admitted) == (tree["grassroots"], 6, 7)
    body = response.content.decode()
    section = body[body.index('id="by-organization"') :]
    assert "Đảng bộ Trường THPT Tân Lập" in section
    assert "116,7%" in section and "vượt 16,67%" in section
    assert "1/1 tổ chức được giao chỉ tiêu đã đạt" in section
    years = [(y, current) for y, _url, current in response.context["breakdown_years"]]
    assert years == [(2024, False), (2025, True)]


def test_breakdown_of_another_year(login, officer, tree, data):
    response = login(officer).get(url(tree, year=2024))
    breakdown = response.context["breakdown"]
    assert breakdown.year == 2024
    assert [(r.target, r.admitted) for r in breakdown.rows] == [(None, 0)]
    assert "Chưa giao chỉ tiêu cho tổ chức trực thuộc" in response.content.decode()
    assert login(officer).get(url(tree, year="x")).context["breakdown"].year == 2025


def test_outsider_sees_only_their_own_organizations(login, outsider, tree, data):
    response = login(outsider).get(url(tree))
    assert response.status_code == 200  # the filter ignores an unreachable organization
    assert response.context["breakdown"].organization == tree["other_commune"]
    body = response.content.decode()
    assert "Đảng bộ Trường THPT Tân Lập" not in body and "87,5%" not in body


def test_page_queries_do_not_grow_with_subordinate_organizations(login, officer, tree, data):
    client = login(officer)
    client.get(url(tree))

    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get(url(tree))
        return len(ctx)

    before = count()
    for i in range(5):
        o = OrganizationFactory(
            name=f"Đảng bộ cơ quan {i}", kind=OrgKind.GRASSROOTS_COMMITTEE, superior=tree["commune"]
        )
        AdmissionTarget.objects.create(organization=o, year=2025, target=2)
    assert count() == before
    assert len(client.get(url(tree)).context["breakdown"].rows) == 6


def test_export_has_the_breakdown_sheet(login, officer, tree, data):
    from io import BytesIO

    from openpyxl import load_workbook

    response = login(officer).get(url(tree, format="xlsx"))
    assert response.status_code == 200
    workbook = load_workbook(BytesIO(b"".join(response.streaming_content)))
    sheet = workbook["Theo tổ chức trực thuộc"]
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "Đảng bộ Trường THPT Tân Lập" in values and 6 in values and 7 in values
