"""admissions.views.due: the dashboard of what is due, its overdue marks, horizon filter and export."""

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from admissions.enums import CandidateSource, Stage
from admissions.services.candidates import add_candidate
from members.enums import Sex

from ..conftest import probationary

VN = ZoneInfo("Asia/Ho_Chi_Minh")

pytestmark = pytest.mark.django_db


def test_dashboard_shows_overdue_in_red_and_exports(login, case, walk, officer, outsider):
    walk(case, Stage.CELL_RESOLUTION)
    client = login(officer)
    body = client.get(reverse("admissions:dashboard")).content.decode()
    assert 'data-testid="overdue"' in body and "ADM-07" in body and "table-danger" in body
    response = client.get(reverse("admissions:dashboard") + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "Lường Thị Hoa" in values
    response = login(outsider).get(reverse("admissions:dashboard") + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert "Lường Thị Hoa" not in [c.value for row in sheet.iter_rows() for c in row]


def test_dashboard_horizon_filter(login, officer, cell):
    """Probation admitted on 02/05/2026 ends on 02/05/2027: on the dashboard of 01/06/2026
    it shows with no horizon, not within 30 days; the overdue step shows in both."""
    with time_machine.travel(datetime(2026, 6, 1, 9, 0, tzinfo=VN), tick=False):
        add_person(officer, cell, "Quá hạn")
        member = probationary(cell, admitted_on=date(2026, 5, 2))
        client = login(officer)
        url = reverse("admissions:dashboard")
        link = f'href="{member.get_absolute_url()}"'
        assert link in client.get(url).content.decode()
        body = client.get(url, {"horizon": "30"}).content.decode()
        assert link not in body and "Quá hạn" in body
        response = client.get(url, {"horizon": "abc"})  # not a choice: ignored, not a 500
        assert response.status_code == 200 and link in response.content.decode()


def add_person(officer, cell, name, on=date(2024, 1, 2)):
    return add_candidate(
        by=officer,
        cell=cell,
        on=on,
        full_name=name,
        sex=Sex.MALE,
        date_of_birth=date(1995, 1, 1),
        source=CandidateSource.RESIDENCE,
    )
