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
from discipline.models import Discipline, Inspection, InspectionProgramme, Recommendation
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


# --- INS-01: the inspector records the inspections and supervision of their scope ------

INSPECTION_DATA = {
    "activity": Activity.INSPECTION,
    "kind": InspectionKind.SIGNS_OF_VIOLATION,
    "conducted_by": DecidingBody.INSPECTION_COMMISSION,
    "starts_on": "01/03/2024",
}


def test_inspector_opens_an_inspection_of_a_cell_of_their_commune(login, inspector, tree):
    client = login(inspector)
    url = reverse("discipline:inspection_create", args=[tree["commune"].pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {**INSPECTION_DATA, "subject_organization": tree["cell_a"].pk})
    inspection = Inspection.objects.get()
    assert response.status_code == 302 and response.url == inspection.get_absolute_url()
    assert inspection.organization == tree["commune"]
    assert inspection.subject_organization == tree["cell_a"]
    assert inspection.created_by == inspector
    assert [(h.history_type, h.history_user) for h in inspection.history.all()] == [
        ("+", inspector)
    ]


def test_inspector_concludes_and_follows_up_an_inspection(login, inspector, scene):
    """The inspection page's forms: the conclusion, a recommendation, its completion."""
    client = login(inspector)
    inspection = scene["inspection"]
    url = reverse("discipline:inspection", args=[inspection.pk])
    assert client.get(url).context["can_manage"]
    concluded = client.post(
        url,
        {
            "action": "conclude",
            "c-findings": "Có vi phạm",
            "c-conclusion": "Đề nghị xử lý",
            "c-concluded_on": "01/04/2024",
            "c-violation_found": "on",
        },
    )
    assert concluded.status_code == 302
    client.post(url, {"action": "recommend", "r-text": "Khắc phục", "r-due_on": "01/06/2024"})
    recommendation = Recommendation.objects.get(inspection=inspection)
    completed = client.post(
        url,
        {
            "action": "complete",
            "recommendation": recommendation.pk,
            "d-completed_on": "15/05/2024",
        },
    )
    assert completed.status_code == 302
    inspection.refresh_from_db()
    recommendation.refresh_from_db()
    assert inspection.concluded_on == date(2024, 4, 1) and inspection.violation_found
    assert recommendation.completed_on == date(2024, 5, 15)
    assert inspection.history.first().history_user == inspector


def test_inspector_adds_a_programme_of_their_commune(login, inspector, tree):
    client = login(inspector)
    url = reverse("discipline:programme_create", args=[tree["commune"].pk])
    assert client.post(url, {"year": "2024", "title": "Chương trình 2024"}).status_code == 302
    assert InspectionProgramme.objects.get().created_by == inspector


def test_inspector_of_another_commune_gets_404(login, tree, scene):
    from accounts.enums import Role
    from tests.factories import RoleAssignmentFactory, UserFactory

    stranger = UserFactory(username="other_inspector")
    RoleAssignmentFactory(user=stranger, role=Role.INSPECTOR, organization=tree["other_commune"])
    client = login(stranger)
    for name in ("inspection_create", "programme_create", "assignment_create"):
        url = reverse(f"discipline:{name}", args=[tree["commune"].pk])
        assert client.get(url).status_code == 404
        assert client.post(url, INSPECTION_DATA).status_code == 404
    url = reverse("discipline:inspection", args=[scene["inspection"].pk])
    assert client.post(url, {"action": "recommend", "r-text": "x"}).status_code == 404
    assert Inspection.objects.count() == 1 and not Recommendation.objects.exists()


def test_inspector_still_may_not_decide_nor_write_meetings_or_members(
    login, inspector, tree, person
):
    client = login(inspector)
    url = reverse("discipline:discipline_create", args=[tree["cell_a"].pk])
    data = {
        "subject_member": person.pk,
        "deciding_body": "cell",
        "form": "warning",
        "offence": "x",
        "offence_on": "01/03/2024",
        "decided_on": "01/04/2024",
    }
    assert client.post(url, data).status_code == 403
    assert not Discipline.objects.exists()
    assert client.get(reverse("meetings:create", args=[tree["cell_a"].pk])).status_code == 403
    # Who follows which area is the committee's choice, not the inspection commission's.
    assign = reverse("discipline:assignment_create", args=[tree["commune"].pk])
    assert client.get(assign).status_code == 403
    overview = client.get(reverse("discipline:overview", args=[tree["commune"].pk, 2024]))
    assert assign not in overview.content.decode()
    assert client.get(reverse("members:edit", args=[person.pk])).status_code == 403
    assert client.post(reverse("members:edit", args=[person.pk]), {}).status_code == 403


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
