"""Terms and committees (their seats are members': members.services.seats)."""

from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from ..enums import CELL_KINDS, CommitteeKind
from ..models import (
    Committee,
    Organization,
    Term,
)
from ..rules import (
    kind_label,
)
from .base import (
    Errors,
    add_error,
    audit,
    raise_if,
    require,
)

if TYPE_CHECKING:
    from ..links import User


def term_errors(*, organization: Organization, starts_on: date, ends_on: date | None) -> Errors:
    errors: Errors = {}
    if ends_on and ends_on < starts_on:
        add_error(errors, "ends_on", _("Ngày kết thúc phải sau ngày bắt đầu."))
    if organization.dissolved_on and starts_on > organization.dissolved_on:
        add_error(errors, "starts_on", _("Tổ chức đã giải thể trước ngày này."))
    return errors


@transaction.atomic
def add_term(
    *,
    organization: Organization,
    name: str,
    starts_on: date,
    ends_on: date | None = None,
    by: "User",
) -> Term:
    require(by, "organizations.change_committees", organization)
    raise_if(term_errors(organization=organization, starts_on=starts_on, ends_on=ends_on))
    term = Term(organization=organization, name=name, starts_on=starts_on, ends_on=ends_on)
    audit(term, by)
    term.save()
    return term


def committee_kinds_for(org: Organization) -> list[str]:
    """ORG-01: a cell elects a chi ủy; a đảng bộ an executive and a standing committee."""
    if org.kind in CELL_KINDS:
        return [CommitteeKind.CELL_COMMITTEE]
    return [CommitteeKind.EXECUTIVE, CommitteeKind.STANDING]


def committee_errors(*, organization: Organization, term: Term, kind: str) -> Errors:
    errors: Errors = {}
    if term.organization_id != organization.pk:
        add_error(errors, "term", _("Nhiệm kỳ không thuộc tổ chức này."))
    if kind not in committee_kinds_for(organization):
        add_error(
            errors,
            "kind",
            _("Loại cấp ủy này không dùng cho %(kind)s.")
            % {"kind": kind_label(organization.kind).lower()},
        )
    if Committee.objects.filter(term=term, kind=kind).exists():
        add_error(errors, "kind", _("Nhiệm kỳ này đã có cấp ủy loại này."))
    return errors


@transaction.atomic
def add_committee(*, organization: Organization, term: Term, kind: str, by: "User") -> Committee:
    require(by, "organizations.change_committees", organization)
    raise_if(committee_errors(organization=organization, term=term, kind=kind))
    committee = Committee(organization=organization, term=term, kind=kind)
    audit(committee, by)
    committee.save()
    return committee
