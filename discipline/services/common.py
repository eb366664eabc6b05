"""Shared pieces of the discipline writes: the refusal, references, the areas check."""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.findings import Finding, blocking

from .. import rules
from ..enums import (
    Area,
)

if TYPE_CHECKING:
    from organizations.models import Organization


def refuse(findings: list[Finding]) -> None:
    found = blocking(findings)
    if found:
        errors: dict[str, list[str]] = {}
        for f in found:
            errors.setdefault(f.field or "__all__", []).append(str(f))
        raise ValidationError(errors)


def org_ref(org: "Organization") -> rules.OrgRef:
    return rules.OrgRef(org.pk, org.kind, org.path)


def check_areas(areas: Iterable[str] | None) -> list[str]:
    checked = list(areas or [])
    bad = [a for a in checked if a not in Area.values]
    if bad:
        raise ValidationError({"areas": _("Nội dung không hợp lệ: %(a)s") % {"a": ", ".join(bad)}})
    return checked
