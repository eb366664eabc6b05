"""The list of outstanding people (ADM-05): add, edit, move on or off the list, monthly reviews."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import stamp
from members.models import Member
from organizations.enums import CELL_KINDS
from organizations.models import Organization

from ..enums import (
    CandidateState,
)
from ..models import (
    Candidate,
    CandidateEvent,
    CandidateReview,
)
from ..queries.stages import full_members_on

if TYPE_CHECKING:
    from accounts.models import User

# --- candidates ------------------------------------------------------------------------------

CANDIDATE_FIELDS = (
    "full_name",
    "sex",
    "date_of_birth",
    "education",
    "citizen_id",
    "home_town",
    "address",
    "occupation",
    "source",
    "youth_union_member",
    "notes",
)


@transaction.atomic
def add_candidate(*, by: User, cell: Organization, on: date, **fields: Any) -> Candidate:
    """A person put on the cell's list of outstanding people (ADM-05).

    Side effects: the Candidate row and its first CandidateEvent (outstanding, `on`)."""
    unknown = set(fields) - set(CANDIDATE_FIELDS)
    if unknown:
        raise TypeError(f"add_candidate() got unexpected fields: {sorted(unknown)}")
    if not by.has_perm("admissions.add_candidate", cell):
        raise PermissionDenied(_("Bạn không có quyền thêm quần chúng ưu tú vào chi bộ này."))
    if cell.kind not in CELL_KINDS:
        raise ValidationError({"cell": _("Quần chúng ưu tú thuộc danh sách của một chi bộ.")})
    if on > timezone.localdate():
        raise ValidationError({"on": _("Ngày không được ở tương lai.")})
    candidate = Candidate(cell=cell, state=CandidateState.OUTSTANDING, state_since=on, **fields)
    stamp(candidate, by)
    candidate.full_clean()
    candidate.save()
    CandidateEvent.objects.create(
        candidate=candidate, state=CandidateState.OUTSTANDING, on=on, recorded_by=by
    )
    return candidate


@transaction.atomic
def update_candidate(candidate: Candidate, *, by: User, **fields: Any) -> Candidate:
    unknown = set(fields) - set(CANDIDATE_FIELDS)
    if unknown:
        raise TypeError(f"update_candidate() got unexpected fields: {sorted(unknown)}")
    if not by.has_perm("admissions.change_candidate", candidate):
        raise PermissionDenied(_("Bạn không có quyền cập nhật người này."))
    for name, value in fields.items():
        setattr(candidate, name, value)
    stamp(candidate, by)
    candidate.full_clean()
    candidate.save()
    return candidate


def check_helper(candidate: Candidate, helper: Member | None, on: date) -> None:
    if helper is None:
        raise ValidationError({"helper": _("Cần phân công đảng viên chính thức giúp đỡ.")})
    if not full_members_on(candidate.cell, on).filter(pk=helper.pk).exists():
        raise ValidationError(
            {"helper": _("Đảng viên giúp đỡ phải là đảng viên chính thức của chi bộ.")}
        )


@transaction.atomic
def set_candidate_state(
    candidate: Candidate,
    state: str,
    *,
    by: User,
    on: date,
    reason: str = "",
    helper: Member | None = None,
) -> CandidateEvent:
    """Move a person on or off the list (ADM-05), dated and kept.

    Sympathizer needs a helper (a full member of the cell); removal needs a reason.
    Side effects: a CandidateEvent; Candidate.state, state_since, helper."""
    if not by.has_perm("admissions.change_candidate", candidate):
        raise PermissionDenied(_("Bạn không có quyền cập nhật người này."))
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if state not in CandidateState.values or state == CandidateState.ADMITTED:
        raise ValidationError({"state": _("Tình trạng không hợp lệ.")})
    if candidate.state in (CandidateState.ADMITTED,):
        raise ValidationError({"state": _("Người này đã được kết nạp.")})
    if state == candidate.state:
        raise ValidationError({"state": _("Tình trạng không thay đổi.")})
    if on > timezone.localdate():
        raise ValidationError({"on": _("Ngày không được ở tương lai.")})
    if on < candidate.state_since:
        raise ValidationError({"on": _("Ngày trước lần thay đổi gần nhất.")})
    if state == CandidateState.SYMPATHIZER:
        helper = helper or candidate.helper
        check_helper(candidate, helper, on)
        candidate.helper = helper
    if state == CandidateState.REMOVED and not reason.strip():
        raise ValidationError({"reason": _("Cần ghi lý do đưa ra khỏi danh sách.")})
    candidate.state, candidate.state_since = state, on
    stamp(candidate, by)
    candidate.save()
    return CandidateEvent.objects.create(
        candidate=candidate, state=state, on=on, reason=reason[:255], recorded_by=by
    )


@transaction.atomic
def add_review(candidate: Candidate, *, by: User, month: date, note: str) -> CandidateReview:
    """The monthly review of a sympathizer (ADM-05); one per month, replaced if typed again."""
    if not by.has_perm("admissions.change_candidate", candidate):
        raise PermissionDenied(_("Bạn không có quyền cập nhật người này."))
    month = month.replace(day=1)
    if month > timezone.localdate():
        raise ValidationError({"month": _("Tháng nhận xét không được ở tương lai.")})
    if not note.strip():
        raise ValidationError({"note": _("Cần ghi nội dung nhận xét.")})
    review, _created = CandidateReview.objects.update_or_create(
        candidate=candidate, month=month, defaults={"note": note, "recorded_by": by}
    )
    return review
