"""DOC-01: document numbers, per document type across the committee's term.

    from core.documents import DocType
    from organizations.services.numbering import next_number

    number = next_number(cell, DocType.NGHI_QUYET, meeting.held_on, by=request.user,
                         title="Nghị quyết sinh hoạt chi bộ tháng 3", ref=f"meetings.Meeting:{meeting.pk}")
    number.number  # 1, 2, 3 … within the term in force on that date

The series is (organization, term in force on the issue date, document type); a new term
starts again at 1. An organization with no term recorded for that date numbers per
calendar year. The same `ref` and type always get the same number back (a document
regenerated after an edit keeps its number). Allocation is safe when two requests ask at
once: the organization row is locked (PostgreSQL; SQLite's IMMEDIATE transactions
serialize writers anyway), and a unique constraint plus a retry catch anything left.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _

from core.audit import stamp
from core.documents import DocType

from ..models import DocumentNumber, Organization, Term

if TYPE_CHECKING:
    from ..links import User

MAX_ATTEMPTS = 5


def term_in_force(organization: Organization, on: date) -> Term | None:
    """The organization's term with starts_on ≤ on ≤ ends_on (or no end).

    Both ends are inclusive: the last day of a term still belongs to it, the next day
    belongs to the next term. If recorded terms overlap, the latest-starting one wins.
    """
    return (
        Term.objects.filter(organization=organization, starts_on__lte=on)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .order_by("-starts_on", "-pk")
        .first()
    )


def _by_ref(organization: Organization, doc_type: str, ref: str) -> DocumentNumber | None:
    if not ref:
        return None
    return DocumentNumber.objects.filter(
        organization=organization, doc_type=doc_type, ref=ref
    ).first()


def next_number(
    organization: Organization,
    doc_type: str,
    on: date,
    *,
    by: User | None = None,
    title: str = "",
    ref: str = "",
) -> DocumentNumber:
    """Allocate (or, for a known `ref`, return) the document number for `on`.

    `doc_type` is a `core.documents.DocType` ("NQ", "BB", "TB", …); `ref` is a text key
    of the object the document is for, "app.Model:pk".
    """
    doc_type = str(doc_type)
    if doc_type not in DocType.values:
        raise ValueError(_("Loại văn bản không hợp lệ: %(type)s.") % {"type": doc_type})
    ref = (ref or "").strip()
    if existing := _by_ref(organization, doc_type, ref):
        return existing
    for attempt in range(MAX_ATTEMPTS):
        try:
            with transaction.atomic():
                # Serializes allocations for this organization until the outer commit.
                list(Organization.objects.select_for_update().filter(pk=organization.pk))
                if existing := _by_ref(organization, doc_type, ref):
                    return existing
                term = term_in_force(organization, on)
                series = DocumentNumber.objects.filter(organization=organization, doc_type=doc_type)
                if term is not None:
                    series = series.filter(term=term)
                else:
                    series = series.filter(term__isnull=True, year=on.year)
                last = series.aggregate(last=Max("number"))["last"] or 0
                entry = DocumentNumber(
                    organization=organization,
                    term=term,
                    year=on.year,
                    doc_type=doc_type,
                    number=last + 1,
                    issued_on=on,
                    title=title[:255],
                    ref=ref,
                    created_by=by,
                )
                if by is not None:
                    stamp(entry, by)
                entry.save()
                return entry
        except IntegrityError:
            if existing := _by_ref(organization, doc_type, ref):
                return existing
            if attempt == MAX_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")
