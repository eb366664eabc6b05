"""Writes of the member profile (MEM-01) and of the status changes typed on the member page.

Keyword-only options, one transaction each, `by` in the audit trail. The status is never
typed (MEM-02): a new member is either admitted (`ADMITTED`) or entered from the paper
register (`ADMITTED` then `FULL_MEMBERSHIP` at their dates), both through
members.services.events.record_event, so that the memberships and the timeline are right.
"""

from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import stamp
from organizations.enums import CELL_KINDS

from ..enums import ACTIVE_STATUSES, EventKind, MemberStatus
from ..models import Member, MemberEvent
from ..rules import full_months, full_years
from ..validators import citizen_id_mismatch
from .events import record_event

if TYPE_CHECKING:
    from accounts.models import User
    from organizations.models import Organization

# MEM-01: every column of the register a user types (status and dates come from events).
PROFILE_FIELDS = (
    "full_name",
    "birth_name",
    "sex",
    "date_of_birth",
    "ethnicity",
    "religion",
    "home_town",
    "citizen_id",
    "phone",
    "address",
    "photo",
    "education",
    "qualification",
    "theory_level",
    "foreign_language",
    "occupation",
    "armed_forces",
    "retired",
    "card_number",
    "file_number",
    "notes",
    "seriously_ill",
)
EDITABLE_FIELDS = PROFILE_FIELDS

# How a new member enters the register.
ENTRY_ADMISSION = "admission"  # recorded as the admission decision is made
ENTRY_EXISTING = "existing"  # copied from the paper register (Sổ 7-HSĐV)

MIN_ADMISSION_AGE = 18  # ADM-01: 18 full years, counted on the admission decision date
PROBATION_MONTHS = 12  # PRB-01: probation lasts 12 months

# Status changes typed on the member page (transfers and exemptions have their own pages).
PAGE_EVENTS = (
    EventKind.FULL_MEMBERSHIP,
    EventKind.STRUCK_OFF,
    EventKind.EXPELLED,
    EventKind.RESIGNED,
    EventKind.DECEASED,
)


def date_errors(
    *,
    date_of_birth: date | None,
    admitted_on: date | None,
    full_member_on: date | None = None,
    today: date | None = None,
) -> dict[str, str]:
    """Impossible dates of a member's party record, as {field: Vietnamese message}.

    - MEM-02: no date in the future;
    - ADM-01: admitted at 18 full years or older (age counted on the admission date);
    - PRB-01: full membership at least 12 full months after admission.
    The data quality page (members.queries.quality) finds the same cases in SQL.
    """
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    if date_of_birth and date_of_birth > today:
        errors["date_of_birth"] = _("Ngày sinh không được sau ngày hôm nay.")
    if admitted_on:
        if admitted_on > today:
            errors["admitted_on"] = _("Ngày vào Đảng không được sau ngày hôm nay.")
        elif date_of_birth and full_years(date_of_birth, admitted_on) < MIN_ADMISSION_AGE:
            errors["admitted_on"] = _("Ngày vào Đảng phải từ khi đủ %(age)d tuổi.") % {
                "age": MIN_ADMISSION_AGE
            }
    if full_member_on:
        if full_member_on > today:
            errors["full_member_on"] = _("Ngày chính thức không được sau ngày hôm nay.")
        elif admitted_on and full_member_on < admitted_on:
            errors["full_member_on"] = _("Ngày chính thức không được trước ngày vào Đảng.")
        elif admitted_on and full_months(admitted_on, full_member_on) < PROBATION_MONTHS:
            errors["full_member_on"] = _(
                "Ngày chính thức phải sau ngày vào Đảng đủ %(months)d tháng (thời gian dự bị)."
            ) % {"months": PROBATION_MONTHS}
    return errors


def _profile_errors(member: Member, *, dates_typed: bool) -> dict[str, str]:
    errors = date_errors(
        date_of_birth=member.date_of_birth,
        admitted_on=member.admitted_on,
        full_member_on=member.full_member_on,
    )
    # A change of birth date that makes the recorded admission impossible is refused on
    # the birth date (the admission date is not typed on the profile form).
    if not dates_typed and "admitted_on" in errors and "date_of_birth" not in errors:
        assert member.admitted_on is not None  # date_errors reports admitted_on only when set
        errors["date_of_birth"] = _(
            "Với ngày sinh này, đảng viên chưa đủ %(age)d tuổi vào ngày vào Đảng %(day)s."
        ) % {"age": MIN_ADMISSION_AGE, "day": member.admitted_on.strftime("%d/%m/%Y")}
        del errors["admitted_on"]
    mismatch = citizen_id_mismatch(member.citizen_id or "", member.date_of_birth, member.sex)
    if mismatch:
        errors["citizen_id"] = mismatch
    return errors


def _validate(member: Member, *, dates_typed: bool, extra: dict[str, str] | None = None) -> None:
    errors: dict[str, list[str]] = {}
    try:
        member.full_clean(exclude=["user", "status", "organization"])
    except ValidationError as error:
        errors.update(error.message_dict)
    for field, message in {
        **_profile_errors(member, dates_typed=dates_typed),
        **(extra or {}),
    }.items():
        errors.setdefault(field, []).append(message)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_member(
    *,
    by: "User",
    organization: "Organization",
    admitted_on: date,
    entry: str = ENTRY_ADMISSION,
    full_member_on: date | None = None,
    document: str = "",
    **profile: Any,
) -> Member:
    """A new member of the cell `organization`, with their dated party record (MEM-01, MEM-02).

    - `entry=ENTRY_ADMISSION`: the admission decision of `admitted_on` (a probationary member);
    - `entry=ENTRY_EXISTING`: a member copied from the paper register, admitted on
      `admitted_on` and, when `full_member_on` is given, full from that date.
    Side effects: the Member row, then record_event(ADMITTED) (a home membership in
    `organization` from `admitted_on`) and record_event(FULL_MEMBERSHIP) when full, each
    with its MemberEvent and audit rows. `by` must be allowed to write in `organization`.
    """
    unknown = set(profile) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"create_member() got unexpected fields: {sorted(unknown)}")
    if entry not in (ENTRY_ADMISSION, ENTRY_EXISTING):
        raise ValueError(entry)
    if not by.has_perm("members.add_member", organization):
        raise PermissionDenied(_("Bạn không có quyền thêm đảng viên vào chi bộ này."))
    extra: dict[str, str] = {}
    if organization.kind not in CELL_KINDS:
        extra["organization"] = _("Đảng viên sinh hoạt tại một chi bộ.")
    if entry == ENTRY_ADMISSION:
        full_member_on = None
    # Status is set by the events below; until then the member has none (MEM-02).
    member = Member(organization=organization, status="", **profile)
    member.admitted_on, member.full_member_on = admitted_on, full_member_on
    stamp(member, by)
    member.refresh_derived()
    _validate(member, dates_typed=True, extra=extra)
    member.admitted_on = member.full_member_on = None  # record_event sets them
    member.save()
    record_event(
        member,
        EventKind.ADMITTED,
        admitted_on,
        by=by,
        organization=organization,
        document=document,
        reason="" if entry == ENTRY_ADMISSION else _("Nhập từ sổ danh sách đảng viên"),
    )
    if full_member_on is not None:
        record_event(
            member,
            EventKind.FULL_MEMBERSHIP,
            full_member_on,
            by=by,
            reason=_("Nhập từ sổ danh sách đảng viên"),
        )
    member.refresh_from_db()
    return member


@transaction.atomic
def update_member(member: Member, *, by: "User", **changes: Any) -> Member:
    """Change profile fields (PROFILE_FIELDS); `by` must be allowed to write the member's cell.

    Status, organization and party dates are not edited here: they follow the events
    (record_status_event, transfers, exemptions).
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"update_member() got unexpected fields: {sorted(unknown)}")
    if not by.has_perm("members.change_member", member):
        raise PermissionDenied(_("Bạn không có quyền sửa hồ sơ của đảng viên này."))
    for name, value in changes.items():
        setattr(member, name, value)
    stamp(member, by)
    member.refresh_derived()
    _validate(member, dates_typed=False)
    member.save()
    return member


@transaction.atomic
def record_status_event(
    member: Member,
    *,
    kind: str,
    on: date,
    by: "User",
    document: str = "",
    reason: str = "",
) -> MemberEvent:
    """Full membership or leaving the Party, typed on the member page (MEM-02).

    Only the kinds of PAGE_EVENTS; officers and the cell's own secretary (write reach over
    the member's cell). Side effects: those of members.services.events.record_event.
    """
    if kind not in PAGE_EVENTS:
        raise ValidationError({"kind": _("Loại sự kiện này được ghi ở trang riêng.")})
    if not by.has_perm("members.change_member", member):
        raise PermissionDenied(_("Bạn không có quyền sửa hồ sơ của đảng viên này."))
    if member.status not in ACTIVE_STATUSES:
        raise ValidationError({"kind": _("Đảng viên không còn sinh hoạt đảng.")})
    if kind == EventKind.FULL_MEMBERSHIP:
        if member.status != MemberStatus.PROBATIONARY:
            raise ValidationError({"kind": _("Chỉ đảng viên dự bị mới được công nhận chính thức.")})
        errors = date_errors(date_of_birth=None, admitted_on=member.admitted_on, full_member_on=on)
        if "full_member_on" in errors:  # PRB-01
            raise ValidationError({"on": errors["full_member_on"]})
    if kind in {EventKind.STRUCK_OFF, EventKind.EXPELLED, EventKind.RESIGNED} and not (
        document or reason
    ):
        raise ValidationError({"document": _("Cần ghi số quyết định hoặc lý do.")})
    return record_event(member, kind, on, by=by, document=document, reason=reason)


@transaction.atomic
def link_account(member: Member, *, user: "User", by: "User") -> Member:
    """Make `user` the account of `member` (the member role sees only this record).

    Side effect: a record previously linked to `user` is unlinked first.
    """
    if member.user_id is not None and member.user_id != user.pk:
        raise ValidationError({"member": _("Hồ sơ đảng viên này đã gắn với tài khoản khác.")})
    if member.user_id == user.pk:
        return member
    for previous in Member.objects.select_for_update().filter(user=user).exclude(pk=member.pk):
        unlink_account(previous, by=by)
    member.user = user
    stamp(member, by, _("Gắn tài khoản"))
    member.save(update_fields=["user"])
    return member


@transaction.atomic
def unlink_account(member: Member, *, by: "User") -> Member:
    member.user = None
    stamp(member, by, _("Bỏ gắn tài khoản"))
    member.save(update_fields=["user"])
    return member
