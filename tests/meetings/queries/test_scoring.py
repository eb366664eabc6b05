"""meetings.queries.scoring: MTG-05, the provinces a user reaches and their rows of weights
(the province's own, or the system-wide default)."""

import pytest
from django.http import Http404

from accounts.enums import Role
from meetings.models import ScoringConfig
from meetings.queries.scoring import (
    get_province_for,
    provinces_for,
    scoring_config_of,
    scoring_configs,
)
from tests.factories import OrganizationFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db

WEIGHTS = {"preparation": 10, "attendance": 30, "conduct": 40, "closing": 20, "min_speakers": 4}


@pytest.fixture
def province_officer(tree):
    user = UserFactory(username="province_officer")
    RoleAssignmentFactory(user=user, role=Role.OFFICER, organization=tree["province"])
    return user


def test_an_administrator_reaches_every_province(tree, admin_user):
    other = OrganizationFactory(name="Đảng bộ tỉnh Cao Bằng", kind="province")
    assert set(provinces_for(admin_user)) == {tree["province"], other}
    assert get_province_for(admin_user, other.pk) == other


def test_a_user_reaches_the_province_they_read(tree, province_officer, officer):
    assert provinces_for(province_officer) == [tree["province"]]
    assert get_province_for(province_officer, tree["province"].pk) == tree["province"]
    assert provinces_for(officer) == []  # a commune officer reads no province
    with pytest.raises(Http404):
        get_province_for(officer, tree["province"].pk)


def test_only_a_province_is_found(tree, province_officer):
    with pytest.raises(Http404):
        get_province_for(province_officer, tree["commune"].pk)


def test_rows_of_weights_by_province_and_the_default(tree):
    assert scoring_configs() == {}
    assert scoring_config_of(tree["province"]) is None
    own = ScoringConfig.objects.create(organization=tree["province"], **WEIGHTS)
    default = ScoringConfig.objects.create(organization=None, **WEIGHTS)
    assert scoring_configs() == {tree["province"].pk: own, None: default}
    assert scoring_config_of(tree["province"]) == own
    assert scoring_config_of(None) == default
