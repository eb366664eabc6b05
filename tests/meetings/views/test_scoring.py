"""meetings.views.scoring: MTG-05, the page of a province's weights of the 100-point score and the
system default, scoped by persona; the page says the split is a configurable default."""

import pytest
from django.urls import reverse

from accounts.enums import Role
from meetings.models import ScoringConfig
from meetings.queries.evaluations import weights_for
from meetings.rules.quality import Weights
from tests.factories import RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


VALID = {"preparation": 10, "attendance": 30, "conduct": 40, "closing": 20, "min_speakers": 4}


def _user(username, role, organization):
    user = UserFactory(username=username, full_name=username)
    RoleAssignmentFactory(user=user, role=role, organization=organization)
    return user


@pytest.fixture
def province_officer(tree):
    return _user("province_officer", Role.OFFICER, tree["province"])


@pytest.fixture
def province_inspector(tree):
    return _user("province_inspector", Role.INSPECTOR, tree["province"])


def edit_url(tree):
    return reverse("meetings:scoring", args=[tree["province"].pk])


def test_mtg05_page_says_configurable_default(tree, province_officer, client):
    client.force_login(province_officer)
    response = client.get(edit_url(tree))
    html = response.content.decode()
    assert response.status_code == 200
    assert "mặc định có thể điều chỉnh" in html and "15/20/45/20" in html
    assert "đang dùng thang điểm mặc định" in html
    assert 'value="45"' in html  # the form starts from the default


def test_mtg05_edit_through_the_page(tree, province_officer, client):
    client.force_login(province_officer)
    bad = client.post(edit_url(tree), {**VALID, "closing": 30})
    assert bad.status_code == 200 and "hiện là 110" in bad.content.decode()
    assert not ScoringConfig.objects.exists()
    response = client.post(edit_url(tree), {**VALID, "source": "Hướng dẫn của Tỉnh ủy"})
    assert response.status_code == 302
    config = ScoringConfig.objects.get(organization=tree["province"])
    assert (config.attendance, config.min_speakers, config.source) == (
        30,
        4,
        "Hướng dẫn của Tỉnh ủy",
    )
    response = client.post(edit_url(tree), {**VALID, "preparation": 20, "conduct": 30})
    assert response.status_code == 302
    assert ScoringConfig.objects.get().conduct == 30 and ScoringConfig.objects.count() == 1


def test_mtg05_system_default(tree, admin_user, client):
    client.force_login(admin_user)
    assert client.get(reverse("meetings:scoring_index")).status_code == 200
    response = client.post(reverse("meetings:scoring_default"), {**VALID, "min_speakers": 2})
    assert response.status_code == 302
    assert ScoringConfig.objects.get(organization__isnull=True).preparation == 10
    assert weights_for(tree["cell_a"]) == Weights(10, 30, 40, 20, 2)
    html = client.get(edit_url(tree)).content.decode()
    assert "thang điểm mặc định của hệ thống" in html
    assert client.get(reverse("meetings:scoring", args=[tree["commune"].pk])).status_code == 404


# (persona, province page, default page, index)
PERSONAS = [
    ("admin_user", 200, 200, 200),
    ("province_officer", 200, 404, 302),
    ("province_inspector", 403, 404, 404),
    ("officer", 404, 404, 404),
    ("secretary", 404, 404, 404),
    ("member_user", 404, 404, 404),
    ("outsider", 404, 404, 404),
]


@pytest.mark.parametrize("name, page, default, index", PERSONAS)
def test_mtg05_scoped_by_persona(name, page, default, index, tree, persona, client):
    client.force_login(persona(name))
    assert client.get(edit_url(tree)).status_code == page
    assert client.post(edit_url(tree), VALID).status_code == (302 if page == 200 else page)
    assert client.get(reverse("meetings:scoring_default")).status_code == default
    assert client.get(reverse("meetings:scoring_index")).status_code == index
    assert ScoringConfig.objects.filter(organization=tree["province"]).exists() == (page == 200)


def test_anonymous_goes_to_login(tree, client):
    for url in (edit_url(tree), reverse("meetings:scoring_default")):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]
