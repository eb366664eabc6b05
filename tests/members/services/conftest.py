"""Fixtures of the members services' tests."""

from datetime import date as D

import pytest

from members.enums import MemberStatus
from members.models import Member


@pytest.fixture
def recruit(tree):
    """A person not yet in the Party, about to be admitted in cell_a."""
    return Member.objects.create(
        full_name="Lường Văn Khánh",
        date_of_birth=D(1995, 4, 2),
        sex="male",
        status=MemberStatus.STRUCK_OFF,  # no active status before admission
        organization=tree["cell_a"],
    )
