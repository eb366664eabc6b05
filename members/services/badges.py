"""Writes of party badges (BDG-01): one member, or everyone checked on a due list.

Side effects of `record_badge` / `record_badges`, in one transaction: one `Badge` row per
member (its history row names `by`). Nothing else changes. Refused, with a Vietnamese
message and nothing written:
- `by` may not write the member's organization (PermissionDenied);
- a level that is not a badge (30, 40, 45 … 90 years);
- a member who is not an active (probationary or full) member;
- a duplicate: the member already has that badge;
- a date that is not a presentation day (3/2, 19/5, 2/9, 7/11) unless marked early;
- a badge not yet due on that date (party age computed exactly from the home
  memberships, AGE-01); marked early, only for a seriously ill member within 12 months
  (30–65 years) or 24 months (70–90 years) of reaching it.
The handing back of a badge on expulsion (DIS-05) belongs to the discipline workflow.
"""

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from core.audit import stamp

from ..enums import ACTIVE_STATUSES
from ..models import Badge, Member, Membership
from ..queries.badges import is_presentation_date
from ..queries.party_age import party_age_start_on
from ..rules import BADGE_YEARS, add_years, badge_due

if TYPE_CHECKING:
    from accounts.models import User


def badge_problem(member: Member, *, years: int, presented_on: date, early: bool) -> str | None:
    """Why `member` may not receive the `years` badge on `presented_on` (None: they may).

    Reads `member.memberships` and `member.badges` (prefetched by record_badges)."""
    if years not in BADGE_YEARS:
        return _("Không có huy hiệu %(years)s năm tuổi Đảng.") % {"years": years}
    if member.status not in ACTIVE_STATUSES:
        return _("%(name)s không còn sinh hoạt đảng.") % {"name": member}
    if any(b.years == years for b in member.badges.all()):
        return _("%(name)s đã được trao huy hiệu %(years)s năm tuổi Đảng.") % {
            "name": member,
            "years": years,
        }
    if not early and not is_presentation_date(presented_on):
        return _(
            "Ngày %(day)s không phải ngày trao huy hiệu (03/02, 19/05, 02/09, 07/11); "
            "chỉ trao vào ngày khác khi trao sớm cho đảng viên ốm nặng."
        ) % {"day": presented_on.strftime("%d/%m/%Y")}
    if early and not member.seriously_ill:
        return _("%(name)s không thuộc diện ốm nặng nên không được trao sớm.") % {"name": member}
    start = party_age_start_on(member, presented_on)
    if start is None or not badge_due(years, start, presented_on, seriously_ill=early):
        reached = add_years(start, years).strftime("%d/%m/%Y") if start else "—"
        return _(
            "%(name)s chưa đến hạn huy hiệu %(years)s năm tuổi Đảng vào ngày %(day)s "
            "(đủ tuổi Đảng ngày %(reached)s)."
        ) % {
            "name": member,
            "years": years,
            "day": presented_on.strftime("%d/%m/%Y"),
            "reached": reached,
        }
    return None


def _load(member_ids: Iterable[int]) -> list[Member]:
    return list(
        Member.objects.select_for_update(of=("self",))
        .filter(pk__in=list(member_ids))
        .select_related("organization")
        .prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.order_by("starts_on", "id")),
            "badges",
        )
        .order_by("sort_key", "id")
    )


@transaction.atomic
def record_badges(
    members: Iterable[Member],
    *,
    years: int,
    presented_on: date,
    decision: str = "",
    early: bool = False,
    by: "User",
) -> list[Badge]:
    """BDG-01: record the `years` badge as presented on `presented_on` to every member given.

    All or nothing: one refused member refuses the whole list (the message names each)."""
    ids = {m.pk for m in members}
    if not ids:
        raise ValidationError({"members": _("Chưa chọn đảng viên nào.")})
    loaded = _load(ids)
    if len(loaded) != len(ids):
        raise ValidationError({"members": _("Không tìm thấy đảng viên.")})
    for member in loaded:
        if not by.has_perm("members.record_badge", member):
            raise PermissionDenied(
                _("Bạn không có quyền ghi nhận huy hiệu cho %(name)s.") % {"name": member}
            )
    problems = [
        problem
        for member in loaded
        if (problem := badge_problem(member, years=years, presented_on=presented_on, early=early))
    ]
    if problems:
        raise ValidationError(problems)
    badges = []
    for member in loaded:
        badge = Badge(
            member=member,
            years=years,
            presented_on=presented_on,
            decision=decision.strip(),
            early=early,
        )
        stamp(badge, by)
        badge.save()
        badges.append(badge)
    return badges


def record_badge(
    member: Member,
    *,
    years: int,
    presented_on: date,
    decision: str = "",
    early: bool = False,
    by: "User",
) -> Badge:
    """BDG-01: record one badge presented to one member (same checks as record_badges)."""
    return record_badges(
        [member], years=years, presented_on=presented_on, decision=decision, early=early, by=by
    )[0]
