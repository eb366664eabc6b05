"""Inspection and discipline pages for every persona; bad input; query counts."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from discipline.enums import Activity, DecidingBody, InspectionKind
from discipline.enums import DisciplineForm as F
from discipline.models import Discipline
from discipline.services import disciplines, inspections
from tests.discipline.conftest import add_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(tree, officer, person):
    i = inspections.create_inspection(
        organization=tree["commune"],
        activity=Activity.INSPECTION,
        kind=InspectionKind.SIGNS_OF_VIOLATION,
        starts_on=date(2024, 3, 1),
        subject_member=person,
        by=officer,
    )
    d = disciplines.record_discipline(
        subject_member=person,
        form="warning",
        deciding_organization=tree["grassroots"],
        deciding_body=DecidingBody.STANDING_COMMITTEE,
        offence="Vi phạm",
        offence_on=date(2024, 3, 1),
        decided_on=date(2024, 4, 1),
        by=officer,
    )
    return {"inspection": i, "discipline": d}


def read_urls(tree, scene):
    c = tree["commune"]
    return [
        reverse("discipline:overview", args=[c.pk, 2024]),
        reverse("discipline:inspection", args=[scene["inspection"].pk]),
        reverse("discipline:detail", args=[scene["discipline"].pk]),
        reverse("discipline:stats", args=[c.pk]) + "?date_from=01/01/2024&date_to=31/12/2024",
        reverse("discipline:stats_xlsx", args=[c.pk]),
    ]


def test_anonymous_goes_to_login(client, tree, scene):
    for url in read_urls(tree, scene):
        assert client.get(url).status_code == 302


@pytest.mark.parametrize("persona", ["officer", "inspector", "admin_user"])
def test_readers(request, login, tree, scene, persona):
    client = login(request.getfixturevalue(persona))
    for url in read_urls(tree, scene):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", ["outsider", "other_secretary", "member_user"])
def test_outside_is_404(request, login, tree, scene, persona):
    client = login(request.getfixturevalue(persona))
    for url in read_urls(tree, scene):
        assert client.get(url).status_code == 404, url


def test_inspector_reads_but_cannot_decide_discipline(login, inspector, tree, scene):
    client = login(inspector)
    assert (
        client.get(
            reverse("discipline:discipline_create", args=[tree["grassroots"].pk])
        ).status_code
        == 403
    )
    assert (
        client.get(reverse("discipline:inspection_create", args=[tree["commune"].pk])).status_code
        == 403
    )
    url = reverse("discipline:detail", args=[scene["discipline"].pk])
    assert (
        client.post(url, {"action": "receipt", "receipt-received_on": "05/04/2024"}).status_code
        == 403
    )


def test_secretary_records_cell_warning_but_not_expulsion(login, secretary, tree, person):
    client = login(secretary)
    url = reverse("discipline:discipline_create", args=[tree["cell_a"].pk])
    data = {
        "subject_member": person.pk,
        "deciding_body": "cell",
        "form": "expulsion",
        "offence": "x",
        "offence_on": "01/03/2024",
        "decided_on": "01/04/2024",
    }
    bad = client.post(url, data)
    assert bad.status_code == 400 and "DIS-0" in bad.content.decode()
    assert client.post(url, {**data, "form": "warning"}).status_code == 302


def test_bad_input_decision_before_offence(login, officer, tree, person):
    url = reverse("discipline:discipline_create", args=[tree["grassroots"].pk])
    response = login(officer).post(
        url,
        {
            "subject_member": person.pk,
            "deciding_body": "standing_committee",
            "form": "reprimand",
            "offence": "x",
            "offence_on": "01/03/2024",
            "decided_on": "28/02/2024",
        },
    )
    assert response.status_code == 400 and "trước ngày vi phạm" in response.content.decode()


def test_limitation_shown(login, officer, scene):
    page = (
        login(officer)
        .get(reverse("discipline:detail", args=[scene["discipline"].pk]))
        .content.decode()
    )
    assert "01/03/2034" in page


def test_overview_constant_queries(login, officer, tree, person):
    client = login(officer)
    url = reverse("discipline:overview", args=[tree["commune"].pk, 2024])
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for i in range(15):
        m = add_member(tree["cell_b"], f"Đảng viên {i}")
        inspections.create_inspection(
            organization=tree["commune"],
            activity=Activity.SUPERVISION,
            kind=InspectionKind.THEMATIC,
            starts_on=date(2024, 5, 1),
            subject_member=m,
            by=officer,
        )
    with CaptureQueriesContext(connection) as big:
        client.get(url)
    assert len(big.captured_queries) == len(small.captured_queries)


def test_programme_page_adds_a_programme_and_goes_to_its_year(login, officer, tree):
    client = login(officer)
    url = reverse("discipline:programme_create", args=[tree["commune"].pk])
    # 00:30 on 1 January in Viet Nam is still 31 December in UTC: the default is the
    # Vietnamese year.
    with time_machine.travel(datetime(2027, 1, 1, 0, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))):
        page = login(officer).get(url)
    assert page.status_code == 200 and page.context["form"].initial["year"] == 2027
    bad = client.post(url, {"year": "2024", "title": ""})
    assert bad.status_code == 400 and bad.context["form"].errors["title"]
    response = client.post(url, {"year": "2024", "title": "Chương trình 2024"}, follow=True)
    overview = reverse("discipline:overview", args=[tree["commune"].pk, 2024])
    assert response.redirect_chain == [(overview, 302)]
    assert "Đã thêm chương trình kiểm tra, giám sát." in response.content.decode()
    assert "Chương trình 2024" in response.content.decode()


def test_inspector_cannot_add_a_programme_or_an_assignment(login, inspector, tree):
    client = login(inspector)
    for name in ("programme_create", "assignment_create"):
        url = reverse(f"discipline:{name}", args=[tree["commune"].pk])
        assert client.get(url).status_code == 403
        assert client.post(url, {"year": "2024", "title": "x"}).status_code == 403


def test_dis05_refusal_shown_beside_the_decision_date_on_the_form(login, tree, officer):
    url = reverse("discipline:discipline_create", args=[tree["commune"].pk])
    response = login(officer).post(
        url,
        {
            "subject_organization": tree["grassroots"].pk,
            "deciding_body": DecidingBody.STANDING_COMMITTEE,
            "form": F.DISSOLUTION,
            "offence": "Vi phạm",
            "offence_on": "01/03/2024",
            "decided_on": "01/06/2024",
        },
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert any("DIS-05" in e for e in form.errors["decided_on"])
    assert not Discipline.objects.exists()
