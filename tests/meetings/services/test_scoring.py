"""MTG-05: the province's weights of the 100-point score, saved by system administrators or
officers of the province; the four parts add up to 100 (the page: views/test_scoring)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from accounts.enums import Role
from meetings.models import ScoringConfig
from meetings.queries.evaluations import evaluate, weights_for
from meetings.rules.quality import Weights
from meetings.services.scoring import save_scoring
from tests.factories import RoleAssignmentFactory, UserFactory
from tests.meetings.conftest import YEAR, held

pytestmark = pytest.mark.django_db

VALID = {"preparation": 10, "attendance": 30, "conduct": 40, "closing": 20, "min_speakers": 4}


def _user(username, role, organization):
    user = UserFactory(username=username, full_name=username)
    RoleAssignmentFactory(user=user, role=role, organization=organization)
    return user


@pytest.fixture
def province_officer(tree):
    return _user("province_officer", Role.OFFICER, tree["province"])


def test_mtg05_weights_must_add_up_to_100(tree, province_officer):
    with pytest.raises(ValidationError, match="đúng 100 điểm"):
        save_scoring(organization=tree["province"], by=province_officer, **{**VALID, "closing": 21})
    with pytest.raises(ValidationError, match=r"\{'conduct': \['Từ 0 đến 100 điểm\.'\]\}"):
        save_scoring(
            organization=tree["province"], by=province_officer, **{**VALID, "conduct": 101}
        )
    assert not ScoringConfig.objects.exists()
    config = save_scoring(
        organization=tree["province"], by=province_officer, source="HD 05-HD/TU", **VALID
    )
    assert (config.preparation, config.attendance, config.conduct, config.closing) == (
        10,
        30,
        40,
        20,
    )
    assert config.history.first().history_user == province_officer
    # The database refuses a row that does not add up, whatever writes it.
    with pytest.raises(IntegrityError), transaction.atomic():
        ScoringConfig.objects.filter(pk=config.pk).update(closing=25)


def test_mtg05_saved_weights_score_the_province_meetings(tree, province_officer, secretary):
    cell = tree["cell_a"]
    assert weights_for(cell) == Weights()
    save_scoring(organization=tree["province"], by=province_officer, **VALID)
    assert weights_for(cell) == Weights(10, 30, 40, 20, 4)
    assert weights_for(tree["other_cell"]) == Weights(10, 30, 40, 20, 4)  # same province
    meeting = held(cell, date(YEAR, 3, 5), by=secretary)
    assert evaluate(meeting).score.parts  # scored with the province's weights
    assert evaluate(meeting).weights.attendance == 30


def test_mtg05_only_for_a_province(tree, admin_user, officer):
    with pytest.raises(ValidationError, match="Thang điểm được đặt cho cấp tỉnh, thành phố"):
        save_scoring(organization=tree["commune"], by=admin_user, **VALID)
    # a commune officer does not set the province's
    with pytest.raises(PermissionDenied, match="không có quyền sửa thang điểm"):
        save_scoring(organization=tree["province"], by=officer, **VALID)
    # the system default is the administrators'
    with pytest.raises(PermissionDenied, match="không có quyền sửa thang điểm"):
        save_scoring(organization=None, by=officer, **VALID)
