"""The member's party life: every status change goes through `record_event` (MEM-02).

Side effects of `record_event(member, kind, on, by=...)`, in one transaction:
- a `MemberEvent` row (the timeline);
- memberships opened or closed: admission and transfer-in open a home membership,
  leaving and transfer-out close it (the last day is the event's date), a temporary
  transfer-in opens a temporary one and its return closes it;
- `Member.status`, `exempted`, `organization`, `admitted_on`, `full_member_on` updated;
- the audit trail (django-simple-history) for each row written.
"""

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import stamp

from ..enums import (
    ACTIVE_STATUSES,
    LEAVING_EVENTS,
    PARTY_AGE_DEDUCTED,
    STATUS_AFTER_EVENT,
    EventKind,
    MembershipKind,
    MemberStatus,
)
from ..models import Member, MemberEvent, Membership
from ..rules import Period, party_age_start

if TYPE_CHECKING:
    from accounts.models import User
    from organizations.models import Organization

E = EventKind


def _error(message: str, field: str = "on") -> ValidationError:
    return ValidationError({field: message})


def current_home(member: Member) -> Membership | None:
    return member.memberships.filter(kind=MembershipKind.HOME, ends_on__isnull=True).first()


def current_temporary(member: Member) -> Membership | None:
    return member.memberships.filter(kind=MembershipKind.TEMPORARY, ends_on__isnull=True).first()


def _open(by: "User | None", **fields: object) -> Membership:
    membership = Membership(**fields)
    stamp(membership, by)
    membership.save()
    return membership


def _close(membership: Membership | None, on: date, by: "User | None") -> None:
    if membership is None:
        return
    if on < membership.starts_on:
        raise _error(_("Ngày kết thúc sinh hoạt trước ngày bắt đầu sinh hoạt tại tổ chức đó."))
    membership.ends_on = on
    stamp(membership, by)
    membership.save(update_fields=["ends_on"])


def _check_date(member: Member, kind: str, on: date) -> None:
    if on > timezone.localdate():
        raise _error(_("Ngày của sự kiện không được ở tương lai."))
    if member.date_of_birth and on < member.date_of_birth:
        raise _error(_("Ngày của sự kiện trước ngày sinh của đảng viên."))
    last = member.events.order_by("-on", "-id").first()
    if last is not None and on < last.on and kind not in {E.EXEMPTION_ENDED}:
        raise _error(
            _("Ngày của sự kiện trước sự kiện gần nhất (%(kind)s %(on)s).")
            % {"kind": last.get_kind_display(), "on": last.on.strftime("%d/%m/%Y")}
        )


@transaction.atomic
def record_event(
    member: Member,
    kind: str,
    on: date,
    *,
    by: "User | None",
    organization: "Organization | None" = None,
    counterpart: str = "",
    document: str = "",
    reason: str = "",
) -> MemberEvent:
    """Record one dated change of a member's party life and apply its effects (MEM-02)."""
    member = Member.objects.select_for_update().get(pk=member.pk)
    _check_date(member, kind, on)
    user = by if getattr(by, "is_authenticated", False) else None  # the history's user
    # Where the event happened: for a departure, the organization left (the destination,
    # if any, is the counterpart); otherwise the organization given, or the member's own.
    if kind in {E.TRANSFER_OUT, E.TEMPORARY_OUT}:
        event_organization = member.organization
        if organization is not None and not counterpart:
            counterpart = str(organization)
    else:
        event_organization = organization or member.organization
    active = member.status in ACTIVE_STATUSES

    if kind in {E.ADMITTED, E.READMITTED}:
        if active:
            raise _error(_("Đảng viên đang sinh hoạt, không thể kết nạp."), "kind")
        if organization is None:
            raise _error(_("Cần chọn tổ chức kết nạp."), "organization")
        _open(
            user, member=member, organization=organization, kind=MembershipKind.HOME, starts_on=on
        )
        member.organization = organization
        if member.admitted_on is None or kind == E.ADMITTED:
            member.admitted_on = member.admitted_on or on
        member.full_member_on = None if kind == E.READMITTED else member.full_member_on
    elif kind == E.EXPULSION_ANNULLED:
        last = member.events.order_by("-on", "-id").first()
        if member.status != MemberStatus.EXPELLED or last is None or last.kind != E.EXPELLED:
            raise _error(_("Chỉ khôi phục khi sự kiện gần nhất là khai trừ."), "kind")
        closed = (
            member.memberships.filter(kind=MembershipKind.HOME, ends_on=last.on)
            .order_by("-starts_on")
            .first()
        )
        if closed is None:
            raise _error(_("Không tìm thấy quá trình sinh hoạt bị chấm dứt khi khai trừ."), "kind")
        closed.ends_on = None
        stamp(closed, user)
        closed.save(update_fields=["ends_on"])
        member.organization = closed.organization
        # The status the member had before the expulsion, from the audit trail.
        before = (
            member.history.exclude(status=MemberStatus.EXPELLED)
            .order_by("-history_date", "-history_id")
            .first()
        )
        if before is not None and before.status in ACTIVE_STATUSES:
            member.status = before.status
        else:
            member.status = (
                MemberStatus.FULL if member.full_member_on else MemberStatus.PROBATIONARY
            )
    elif kind == E.FULL_MEMBERSHIP:
        if member.status != MemberStatus.PROBATIONARY:
            raise _error(_("Chỉ đảng viên dự bị mới được công nhận chính thức."), "kind")
        member.full_member_on = on
    elif not active and kind != E.TRANSFER_IN:
        raise _error(_("Đảng viên không còn sinh hoạt đảng."), "kind")
    elif kind in LEAVING_EVENTS:
        _close(current_temporary(member), on, user)
        _close(current_home(member), on, user)
        member.exempted = False
    elif kind == E.TRANSFER_OUT:
        _close(current_temporary(member), on, user)
        _close(current_home(member), on, user)
        if organization is None:  # to an organization outside the system
            member.status = MemberStatus.TRANSFERRED_OUT
    elif kind == E.TRANSFER_IN:
        if organization is None:
            raise _error(_("Cần chọn tổ chức tiếp nhận."), "organization")
        if current_home(member) is not None:
            raise _error(_("Đảng viên chưa được chuyển đi khỏi tổ chức cũ."), "kind")
        if member.status not in ACTIVE_STATUSES | {MemberStatus.TRANSFERRED_OUT}:
            raise _error(_("Đảng viên không còn sinh hoạt đảng."), "kind")
        _open(
            user, member=member, organization=organization, kind=MembershipKind.HOME, starts_on=on
        )
        member.organization = organization
        if member.status == MemberStatus.TRANSFERRED_OUT:
            member.status = (
                MemberStatus.FULL if member.full_member_on else MemberStatus.PROBATIONARY
            )
    elif kind == E.TEMPORARY_IN:
        if organization is None:
            raise _error(_("Cần chọn tổ chức nơi sinh hoạt tạm thời."), "organization")
        _open(
            user,
            member=member,
            organization=organization,
            kind=MembershipKind.TEMPORARY,
            starts_on=on,
        )
    elif kind == E.TEMPORARY_RETURNED:
        _close(current_temporary(member), on, user)
    elif kind == E.EXEMPTION_STARTED:
        member.exempted = True
    elif kind == E.EXEMPTION_ENDED:
        member.exempted = False
    # TEMPORARY_OUT changes nothing at home: the member stays counted there (TRF-01).

    new_status = STATUS_AFTER_EVENT.get(kind)
    if new_status is not None:
        member.status = new_status
    refresh_party_age(member)
    stamp(member, user)
    member.save()
    event = MemberEvent(
        member=member,
        kind=kind,
        on=on,
        organization=event_organization,
        counterpart=counterpart,
        document=document,
        reason=reason,
        recorded_by=user,
    )
    stamp(event, user)
    event.save()
    return event


def refresh_party_age(member: Member, on: date | None = None) -> None:
    """AGE-01: recompute `party_age_from` from the admission date, the home memberships
    and the recorded periods out of contact (members.models.NonParticipation).

    An open period out of contact is counted up to `on` (today): `party_age_from` stays as
    of that day until the period is ended, or the next refresh (`refresh_party_age`
    management command); the member page computes it exactly to the day.
    """
    if member.admitted_on is None:
        member.party_age_from = None
        return
    periods = [
        Period(m.starts_on, m.ends_on) for m in member.memberships.filter(kind=MembershipKind.HOME)
    ]
    absences = [
        Period(p.starts_on, p.ends_on)
        for p in member.non_participations.filter(kind__in=PARTY_AGE_DEDUCTED)
    ]
    if on is None:
        on = timezone.localdate()
        if periods and all(p.ends_on is not None for p in periods):
            # No open membership (left the Party, or in transit): party age stops at the
            # last day of membership instead of drifting with every later refresh.
            on = max(p.ends_on for p in periods if p.ends_on is not None)
    member.party_age_from = party_age_start(member.admitted_on, periods, on, absences)
