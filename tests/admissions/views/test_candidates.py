"""admissions.views.candidates: the list of outstanding people, a person's page and its forms (add, state, monthly review, opening the case), scoped by persona."""

from datetime import date

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_candidate_page_scoped(login, candidate, officer, other_secretary, outsider):
    url = reverse("admissions:candidate", args=[candidate.pk])
    assert login(officer).get(url).status_code == 200
    assert login(other_secretary).get(url).status_code == 404
    assert login(outsider).get(url).status_code == 404


def test_lists_hide_other_cells(login, case, other_secretary, outsider):
    for user in (other_secretary, outsider):
        body = login(user).get(reverse("admissions:candidates")).content.decode()
        assert "Lường Thị Hoa" not in body


def test_add_candidate_through_the_form(login, secretary, cell):
    response = login(secretary).post(
        reverse("admissions:candidate_new"),
        {
            "cell": cell.pk,
            "full_name": "Hoàng Văn Bình",
            "sex": "male",
            "date_of_birth": "02/09/2001",
            "education": "upper_secondary",
            "source": "trade_union",
            "on": "01/10/2025",
        },
    )
    assert response.status_code == 302
    from admissions.models import Candidate

    assert Candidate.objects.get().events.count() == 1


def test_candidate_state_and_review_forms(login, candidate, officer, full_members):
    client = login(officer)
    response = client.post(
        reverse("admissions:candidate_state", args=[candidate.pk]),
        {"state": "sympathizer", "on": "10/02/2024", "helper": full_members[0].pk},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("admissions:candidate_review", args=[candidate.pk]),
        {"month": "15/03/2024", "note": "Tích cực tham gia phong trào"},
    )
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.state == "sympathizer"
    assert candidate.reviews.get().month == date(2024, 3, 1)
