"""Probation and full membership (PRB-01..05): opening the full-membership case; its steps
are taken by the one dispatcher (admissions.services.stages.advance)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from core.audit import stamp
from members.enums import MemberStatus
from members.models import Member

from ..enums import (
    FULL_DOSSIER,
)
from ..models import (
    AdmissionCase,
    CaseDocument,
    FullMembershipCase,
)
from ..rules.probation import probation_ends_on

if TYPE_CHECKING:
    from accounts.models import User

# --- probation and full membership (PRB-01..05) ---------------------------------------------


def probation_start(member: Member) -> date | None:
    """PRB-01: probation runs from the ceremony (the admission case's), else the decision."""
    try:
        case = member.admission_case
    except AdmissionCase.DoesNotExist:
        case = None
    if case is not None and case.ceremony_on:
        return case.ceremony_on
    return member.admitted_on


@transaction.atomic
def open_full_case(member: Member, *, by: User) -> FullMembershipCase:
    """The full-membership case of a probationary member, with its PRB-04 dossier."""
    if not by.has_perm("admissions.open_full_case", member):
        raise PermissionDenied(
            _("Bạn không có quyền lập hồ sơ chuyển chính thức cho đảng viên này.")
        )
    if member.status != MemberStatus.PROBATIONARY:
        raise ValidationError(_("Chỉ đảng viên dự bị mới xét chuyển chính thức."))
    if member.full_cases.filter(outcome="").exists():
        raise ValidationError(_("Đảng viên này đã có hồ sơ chuyển chính thức đang xét."))
    start = probation_start(member)
    if start is None:
        raise ValidationError(_("Chưa có ngày kết nạp."))
    try:
        admission = member.admission_case
    except AdmissionCase.DoesNotExist:
        admission = None
    fcase = FullMembershipCase(
        member=member,
        admission_case=admission,
        probation_from=start,
        probation_ends_on=probation_ends_on(start),
    )
    stamp(fcase, by)
    fcase.save()
    bulk_create_with_history(
        [CaseDocument(full_case=fcase, kind=k) for k in FULL_DOSSIER], CaseDocument, default_user=by
    )
    return fcase
