"""ADM-11: yearly or per-term admission targets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import stamp

from ..models import AdmissionTarget

if TYPE_CHECKING:
    from accounts.models import User
    from organizations.models import Organization, Term

# --- ADM-11: targets ---------------------------------------------------------------------------


@transaction.atomic
def set_target(
    *,
    by: User,
    organization: Organization,
    target: int,
    year: int | None = None,
    term: Term | None = None,
) -> AdmissionTarget:
    """A yearly (or term) admissions target of an organization (ADM-11); replaces the old one."""
    if not by.has_perm("admissions.manage_targets", organization):
        raise PermissionDenied(_("Bạn không có quyền đặt chỉ tiêu cho tổ chức này."))
    if (year is None) == (term is None):
        raise ValidationError(_("Chọn năm hoặc nhiệm kỳ."))
    if target is None or int(target) < 0:
        raise ValidationError({"target": _("Chỉ tiêu không hợp lệ.")})
    if term is not None and term.organization_id != organization.pk:
        raise ValidationError({"term": _("Nhiệm kỳ của tổ chức khác.")})
    lookup = {"organization": organization, "year": year, "term": term}
    obj = AdmissionTarget.objects.filter(**lookup).first() or AdmissionTarget(**lookup)
    obj.target = int(target)
    stamp(obj, by)
    obj.save()
    return obj
