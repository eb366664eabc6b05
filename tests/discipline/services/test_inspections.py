"""discipline.services.inspections: commissions and inspections only where ORG-04 allows
an inspection commission."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from discipline.enums import (
    Activity,
    DecidingBody,
    InspectionKind,
)
from discipline.services import inspections

pytestmark = pytest.mark.django_db


def test_org04_commission_refused_for_a_cell(tree, officer):
    with pytest.raises(ValidationError, match="ORG-04"):
        inspections.create_commission(organization=tree["cell_a"], by=officer)
    assert inspections.create_commission(organization=tree["grassroots"], by=officer).pk
    with pytest.raises(ValidationError, match="ORG-04"):
        inspections.create_inspection(
            organization=tree["cell_a"],
            activity=Activity.INSPECTION,
            kind=InspectionKind.REGULAR,
            starts_on=date(2024, 1, 1),
            subject_organization=tree["cell_a"],
            conducted_by=DecidingBody.INSPECTION_COMMISSION,
            by=officer,
        )
