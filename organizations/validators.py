"""Field validators of the party tree."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# ORG-05: M1.M2.M3.M4.M5 = 2,3,3,3,3 digits, e.g. 38.168.053.000.001
ORG_CODE_RE = re.compile(r"^\d{2}\.\d{3}\.\d{3}\.\d{3}\.\d{3}$")


def validate_org_code(value: str) -> None:
    """ORG-05: the national organization code."""
    if value and not ORG_CODE_RE.match(value):
        raise ValidationError(
            _(
                "Mã tổ chức phải có dạng M1.M2.M3.M4.M5 gồm 2, 3, 3, 3, 3 chữ số "
                "(ví dụ 38.168.053.000.001) (ORG-05)."
            ),
            code="org_code",
        )
