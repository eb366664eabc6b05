"""admissions.views.stages: the step forms of a case (advance), refusals shown with their rule IDs, and who may post."""

from datetime import date

import pytest
from django.urls import reverse

from admissions.enums import FullStage, Proposal, Stage
from admissions.models import AdmissionCase
from admissions.services.full_membership import open_full_case
from admissions.services.stages import advance

from ..conftest import ON

pytestmark = pytest.mark.django_db


def test_inspector_reads_but_cannot_advance(login, case, inspector):
    response = login(inspector).post(
        reverse("admissions:case_advance", args=[case.pk]),
        {"stage": Stage.SYMPATHIZER, "on": "15/01/2024"},
    )
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.stage == Stage.SOURCE


def test_outsider_cannot_post(login, case, outsider):
    response = login(outsider).post(
        reverse("admissions:case_advance", args=[case.pk]),
        {"stage": Stage.SYMPATHIZER, "on": "15/01/2024"},
    )
    assert response.status_code == 404


def test_skipped_stage_refused_with_rule_id(login, case, officer):
    response = login(officer).post(
        reverse("admissions:case_advance", args=[case.pk]),
        {"stage": Stage.COURSE, "on": "01/03/2024", "certificate_on": "28/02/2024"},
    )
    assert response.status_code == 200
    assert "ADM-05" in response.content.decode()
    case.refresh_from_db()
    assert case.stage == Stage.SOURCE


def test_vote_over_base_refused_on_the_page(login, case, walk, officer):
    walk(case, Stage.SPONSORS)
    response = login(officer).post(
        reverse("admissions:case_advance", args=[case.pk]),
        {"stage": Stage.CELL_RESOLUTION, "on": "14/02/2025", "votes_for": 10, "votes_against": 0},
    )
    body = response.content.decode()
    assert 'data-testid="step-refused"' in body and "ADM-06" in body
    case.refresh_from_db()
    assert case.stage == Stage.SPONSORS


@pytest.fixture
def fcase_at_cell(case, walk, officer):
    walk(case, Stage.MEMBER_FILE)
    member = AdmissionCase.objects.get(pk=case.pk).member
    fcase = open_full_case(member, by=officer)
    advance(
        fcase,
        FullStage.CELL_RESOLUTION,
        by=officer,
        on=date(2026, 3, 20),
        proposal=Proposal.FULL,
        votes_for=9,
    )
    fcase.refresh_from_db()
    return fcase


def test_form_error_beside_the_field_and_nothing_saved(login, officer, at_cell, boundary_seats):
    url = reverse("admissions:case_advance", args=[at_cell.pk])
    data = {"stage": Stage.COMMITTEE_RESOLUTION, "on": "20/02/2025"}
    response = login(officer).post(url, {**data, "committee_for": "7", "committee_against": "4"})
    assert response.status_code == 200
    form = response.context["advance_form"]
    assert "ADM-06" in " ".join(form.errors["committee_for"])
    assert "7/11" in " ".join(form.errors["committee_for"])
    # The panel follows the typed date: 11 seated on 20/02/2025, with who counts.
    base = response.context["committee_base"]
    assert base["on"] == ON and base["size"] == 11
    body = response.content.decode()
    assert "Thôi đúng ngày" in body and "Thôi hôm trước" not in body
    at_cell.refresh_from_db()
    assert at_cell.stage == Stage.CELL_RESOLUTION
    response = login(officer).post(url, {**data, "committee_for": "8", "committee_against": "3"})
    assert response.status_code == 302
    at_cell.refresh_from_db()
    assert (at_cell.stage, at_cell.committee_size) == (Stage.COMMITTEE_RESOLUTION, 11)
    body = login(officer).get(reverse("admissions:case", args=[at_cell.pk])).content.decode()
    assert 'data-testid="committee-vote"' in body and "8/11" in body


def test_full_page_committee_form_and_outsiders(
    login, officer, fcase_at_cell, other_secretary, outsider
):
    page = reverse("admissions:full_case", args=[fcase_at_cell.pk])
    body = login(officer).get(page).content.decode()
    assert 'name="committee_size"' not in body and 'data-testid="committee-base"' in body
    url = reverse("admissions:full_advance", args=[fcase_at_cell.pk])
    data = {"stage": FullStage.COMMITTEE_RESOLUTION, "on": "25/03/2026"}
    response = login(officer).post(url, {**data, "committee_for": "10"})
    assert response.status_code == 200
    assert "(9)" in " ".join(response.context["advance_form"].errors["committee_for"])
    for user in (other_secretary, outsider):
        assert login(user).get(page).status_code == 404
        assert login(user).post(url, {**data, "committee_for": "6"}).status_code == 404
    fcase_at_cell.refresh_from_db()
    assert fcase_at_cell.stage == FullStage.CELL_RESOLUTION


def test_panel_follows_the_typed_date_and_is_scoped(
    login, officer, at_cell, boundary_seats, other_secretary, outsider
):
    url = reverse("admissions:case_committee_base", args=[at_cell.pk])
    body = login(officer).get(url, {"on": "19/02/2025"}).content.decode()
    assert 'id="committee-base"' in body and "19/02/2025" in body
    assert "Thôi hôm trước" in body and "Bắt đầu đúng ngày" not in body
    body = login(officer).get(url, {"on": "21/02/2025"}).content.decode()
    assert "Bắt đầu hôm sau" in body and "Thôi đúng ngày" not in body
    assert login(officer).get(url, {"on": "31/02/2025"}).status_code == 200  # today instead
    page = login(officer).get(reverse("admissions:case", args=[at_cell.pk])).content.decode()
    assert f'hx-get="{url}"' in page
    for user in (other_secretary, outsider):
        assert login(user).get(url, {"on": "20/02/2025"}).status_code == 404


def test_full_panel_scoped(login, officer, fcase_at_cell, other_secretary, outsider):
    url = reverse("admissions:full_committee_base", args=[fcase_at_cell.pk])
    body = login(officer).get(url, {"on": "25/03/2026"}).content.decode()
    assert "có 9 ủy viên" in body and "cần ít nhất 6" in body
    for user in (other_secretary, outsider):
        assert login(user).get(url).status_code == 404
