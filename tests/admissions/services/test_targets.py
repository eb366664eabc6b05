"""admissions.services.targets: ADM-11, an organization's admissions target for a year or a
term, set by whoever may write the organization; typing it again replaces it."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from admissions.models import AdmissionTarget
from admissions.services.targets import set_target
from organizations.models import Term

pytestmark = pytest.mark.django_db


def test_a_yearly_target_is_replaced_not_duplicated(officer, tree):
    first = set_target(by=officer, organization=tree["grassroots"], year=2025, target=3)
    again = set_target(by=officer, organization=tree["grassroots"], year=2025, target="5")
    assert again.pk == first.pk
    assert AdmissionTarget.objects.get(organization=tree["grassroots"], year=2025).target == 5
    other_year = set_target(by=officer, organization=tree["grassroots"], year=2026, target=0)
    assert other_year.pk != first.pk and other_year.target == 0


def test_a_term_target(officer, tree):
    term = Term.objects.create(
        organization=tree["grassroots"], name="2025–2030", starts_on=date(2025, 9, 1)
    )
    target = set_target(by=officer, organization=tree["grassroots"], term=term, target=12)
    assert (target.term, target.year, target.target) == (term, None, 12)
    other = Term.objects.create(
        organization=tree["cell_a"], name="2025–2030", starts_on=date(2025, 9, 1)
    )
    with pytest.raises(ValidationError, match="Nhiệm kỳ của tổ chức khác"):
        set_target(by=officer, organization=tree["grassroots"], term=other, target=1)


def test_a_year_or_a_term_not_both_nor_neither(officer, tree):
    term = Term.objects.create(
        organization=tree["grassroots"], name="2025–2030", starts_on=date(2025, 9, 1)
    )
    for kwargs in ({}, {"year": 2025, "term": term}):
        with pytest.raises(ValidationError, match="Chọn năm hoặc nhiệm kỳ"):
            set_target(by=officer, organization=tree["grassroots"], target=1, **kwargs)


def test_a_negative_target_is_refused(officer, tree):
    with pytest.raises(ValidationError) as error:
        set_target(by=officer, organization=tree["grassroots"], year=2025, target=-1)
    assert "target" in error.value.message_dict
    assert not AdmissionTarget.objects.exists()


def test_only_writers_of_the_organization_set_its_target(tree, inspector, outsider, secretary):
    for user in (inspector, outsider, secretary):
        with pytest.raises(PermissionDenied, match="Bạn không có quyền đặt chỉ tiêu"):
            set_target(by=user, organization=tree["grassroots"], year=2025, target=2)
    assert not AdmissionTarget.objects.exists()
