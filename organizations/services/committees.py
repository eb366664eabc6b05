"""Terms, committees and committee seats."""

from datetime import date

from django.core.exceptions import ValidationError
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
    _add,
    _audit,
    _fmt,
    _raise_if,
    _require,
    may_edit_committees,
)


def term_errors(*, organization: Organization, starts_on: date, ends_on: date | None) -> Errors:
    errors: Errors = {}
    if ends_on and ends_on < starts_on:
        _add(errors, "ends_on", _("Ngày kết thúc phải sau ngày bắt đầu."))
    if organization.dissolved_on and starts_on > organization.dissolved_on:
        _add(errors, "starts_on", _("Tổ chức đã giải thể trước ngày này."))
    return errors


@transaction.atomic
def add_term(
    *, organization: Organization, name: str, starts_on: date, ends_on: date | None = None, by
) -> Term:
    _require(may_edit_committees(by, organization))
    _raise_if(term_errors(organization=organization, starts_on=starts_on, ends_on=ends_on))
    term = Term(organization=organization, name=name, starts_on=starts_on, ends_on=ends_on)
    _audit(term, by)
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
        _add(errors, "term", _("Nhiệm kỳ không thuộc tổ chức này."))
    if kind not in committee_kinds_for(organization):
        _add(
            errors,
            "kind",
            _("Loại cấp ủy này không dùng cho %(kind)s.")
            % {"kind": kind_label(organization.kind).lower()},
        )
    if Committee.objects.filter(term=term, kind=kind).exists():
        _add(errors, "kind", _("Nhiệm kỳ này đã có cấp ủy loại này."))
    return errors


@transaction.atomic
def add_committee(*, organization: Organization, term: Term, kind: str, by) -> Committee:
    _require(may_edit_committees(by, organization))
    _raise_if(committee_errors(organization=organization, term=term, kind=kind))
    committee = Committee(organization=organization, term=term, kind=kind)
    _audit(committee, by)
    committee.save()
    return committee


def seat_errors(
    *, committee: Committee, member, role: str, starts_on: date, ends_on: date | None
) -> Errors:
    errors: Errors = {}
    term = committee.term
    if ends_on and ends_on < starts_on:
        _add(errors, "ends_on", _("Ngày thôi giữ chức phải sau ngày bắt đầu."))
    if starts_on < term.starts_on or (term.ends_on and starts_on > term.ends_on):
        _add(
            errors,
            "starts_on",
            _("Ngày bắt đầu phải nằm trong nhiệm kỳ %(term)s.") % {"term": term.name},
        )
    if member is not None and not member.organization.path.startswith(committee.organization.path):
        _add(errors, "member", _("Đảng viên không sinh hoạt trong tổ chức này."))
    if role == "secretary":
        overlapping = committee.seats.filter(role="secretary").exclude(ends_on__lt=starts_on)
        if ends_on:
            overlapping = overlapping.filter(starts_on__lte=ends_on)
        if overlapping.exists():
            _add(errors, "role", _("Cấp ủy đã có bí thư trong thời gian này."))
    if member is not None:
        same = committee.seats.filter(member=member).exclude(ends_on__lt=starts_on)
        if ends_on:
            same = same.filter(starts_on__lte=ends_on)
        if same.exists():
            _add(errors, "member", _("Đảng viên này đang có ghế trong cấp ủy."))
    return errors


@transaction.atomic
def add_seat(
    *,
    committee: Committee,
    member,
    role: str,
    starts_on: date,
    ends_on: date | None = None,
    by,
):
    """A member takes a seat on a committee (member from the organization's subtree)."""
    _require(may_edit_committees(by, committee.organization))
    _raise_if(
        seat_errors(
            committee=committee, member=member, role=role, starts_on=starts_on, ends_on=ends_on
        )
    )
    seat = committee.seats.model(
        committee=committee, member=member, role=role, starts_on=starts_on, ends_on=ends_on
    )
    _audit(seat, by)
    seat.save()
    return seat


@transaction.atomic
def end_seat(seat, *, on: date, reason: str = "", by):
    """The member leaves the seat on `on` (the seat is kept, with its end date)."""
    _require(may_edit_committees(by, seat.committee.organization))
    if on < seat.starts_on:
        raise ValidationError(
            {
                "ends_on": [
                    _("Ngày thôi giữ chức phải sau ngày bắt đầu (%(day)s).")
                    % {"day": _fmt(seat.starts_on)}
                ]
            }
        )
    seat.ends_on = on
    _audit(seat, by, reason)
    seat.save()
    return seat


__all__ = [
    "add_committee",
    "add_seat",
    "add_term",
    "committee_errors",
    "committee_kinds_for",
    "end_seat",
    "seat_errors",
    "term_errors",
]
