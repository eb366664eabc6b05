"""The member's party life: every status change is planned by `plan_event` (MEM-02).

One lifecycle, three parts:
- `plan_event(state, change, today=...)`: pure (no database). From the member's state
  (status, organization, dates, memberships, last event) and one dated change it returns an
  `EventPlan`: the `MemberEvent` row, the member's new state (status, `exempted`,
  `organization`, `admitted_on`, `full_member_on`) and the memberships after the change
  (admission and transfer-in open a home membership, leaving and transfer-out close it, the
  last day being the event's date; a temporary transfer-in opens a temporary one and its
  return closes it; an annulled expulsion reopens the membership the expulsion closed),
  with `party_age_from` as AGE-01 counts it. A refused change raises `ValidationError`
  with the user's message.
- `record_event(member, kind, on, by=...)`: the one writer of one change, in one
  transaction, with the audit trail (django-simple-history) for each row written.
- `write_plans(lives, ...)`: the bulk writer of many planned changes (core.bulk raw
  inserts with their history rows): the file import (members.imports) and the demo
  generator (demo.lives_write) write their members' lives with it.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
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

# The member's fields a change of party life sets (MEM-02), with `party_age_from` (AGE-01).
STATE_FIELDS = (
    "status",
    "organization_id",
    "admitted_on",
    "full_member_on",
    "exempted",
    "party_age_from",
)


@dataclass(frozen=True)
class MembershipRow:
    """A membership as the planner sees it; `id` is None for one not written yet."""

    organization_id: int
    kind: str
    starts_on: date
    ends_on: date | None = None
    id: int | None = None


@dataclass(frozen=True)
class EventRow:
    """The `MemberEvent` a change writes (without member, user and time)."""

    kind: str
    on: date
    organization_id: int | None
    counterpart: str = ""
    document: str = ""
    reason: str = ""


@dataclass(frozen=True)
class MemberState:
    """What the planner needs to know of a member before a change.

    `memberships`: every membership, in the order they were opened; `last_event`: the
    latest event (by date, then as recorded) as (kind, day); `status_before_expulsion`:
    the status the member had before the expulsion (the single writer reads it from the
    audit trail, a chain of plans carries it); `absences`: the recorded periods out of
    contact (members.models.NonParticipation) that AGE-01 deducts.
    """

    status: str = ""
    organization_id: int | None = None
    admitted_on: date | None = None
    full_member_on: date | None = None
    exempted: bool = False
    date_of_birth: date | None = None
    memberships: tuple[MembershipRow, ...] = ()
    last_event: tuple[str, date] | None = None
    status_before_expulsion: str | None = None
    absences: tuple[Period, ...] = ()

    def open_membership(self, kind: str) -> int | None:
        """The index in `memberships` of the open membership of this kind, if any."""
        for index, row in enumerate(self.memberships):
            if row.kind == kind and row.ends_on is None:
                return index
        return None

    def party_age_from(self, today: date) -> date | None:
        """AGE-01, as `refresh_party_age` computes it on `today`."""
        homes = [Period(m.starts_on, m.ends_on) for m in self.memberships if m.kind == HOME]
        return party_age_from(self.admitted_on, homes, self.absences, today)


@dataclass(frozen=True)
class Change:
    """One dated change of a member's party life, as `record_event` takes it.

    `organization_id`: the organization given (admission, transfer-in, the host of a
    temporary transfer-in; for a transfer-out, its destination inside the system), and
    `organization_label` its name (the counterpart of a transfer-out to it).
    `admitted_elsewhere`: an ADMITTED with no organization, by one outside the register
    (named in `counterpart`): no membership is opened; only the history writers (the
    demo's members admitted in the army or at university) record it.
    """

    kind: str
    on: date
    organization_id: int | None = None
    organization_label: str = ""
    counterpart: str = ""
    document: str = ""
    reason: str = ""
    admitted_elsewhere: bool = False


@dataclass(frozen=True)
class EventPlan:
    """What one change writes: its event and the member's state after it."""

    event: EventRow
    before: MemberState
    after: MemberState
    party_age_from: date | None = None


HOME = MembershipKind.HOME.value
TEMPORARY = MembershipKind.TEMPORARY.value


def _error(message: str, field_name: str = "on") -> ValidationError:
    return ValidationError({field_name: message})


def party_age_from(
    admitted_on: date | None,
    homes: Sequence[Period],
    absences: Iterable[Period],
    today: date,
) -> date | None:
    """AGE-01: the day party age counts from, on `today`.

    An open period out of contact is counted up to `today`. With no open home membership
    (left the Party, or in transit) party age stops at the last day of membership instead
    of drifting with every later refresh.
    """
    if admitted_on is None:
        return None
    on = today
    if homes and all(p.ends_on is not None for p in homes):
        on = max(p.ends_on for p in homes if p.ends_on is not None)
    return party_age_start(admitted_on, homes, on, absences)


def _check_date(state: MemberState, kind: str, on: date, today: date) -> None:
    if on > today:
        raise _error(_("Ngày của sự kiện không được ở tương lai."))
    if state.date_of_birth and on < state.date_of_birth:
        raise _error(_("Ngày của sự kiện trước ngày sinh của đảng viên."))
    last = state.last_event
    if last is not None and on < last[1] and kind not in {E.EXEMPTION_ENDED}:
        raise _error(
            _("Ngày của sự kiện trước sự kiện gần nhất (%(kind)s %(on)s).")
            % {"kind": EventKind(last[0]).label, "on": last[1].strftime("%d/%m/%Y")}
        )


def _closed(rows: list[MembershipRow], index: int | None, on: date) -> None:
    if index is None:
        return
    if on < rows[index].starts_on:
        raise _error(_("Ngày kết thúc sinh hoạt trước ngày bắt đầu sinh hoạt tại tổ chức đó."))
    rows[index] = replace(rows[index], ends_on=on)


def plan_event(state: MemberState, change: Change, *, today: date) -> EventPlan:
    """The rows one change of party life writes (MEM-02), or its refusal.

    Raises ValidationError (on `on`, `kind` or `organization`) when the change cannot be
    made: a date in the future, before birth or before the last event; an admission of an
    active member or without an organization; a full membership of a member who is not
    probationary; a change for a member no longer in the Party; a transfer-in without an
    organization or while still at home elsewhere; a restoration not after an expulsion.
    """
    kind, on, organization = change.kind, change.on, change.organization_id
    _check_date(state, kind, on, today)
    counterpart = change.counterpart
    # Where the event happened: for a departure, the organization left (the destination,
    # if any, is the counterpart); otherwise the organization given, or the member's own.
    if kind in {E.TRANSFER_OUT, E.TEMPORARY_OUT}:
        event_organization = state.organization_id
        if organization is not None and not counterpart:
            counterpart = change.organization_label
    else:
        event_organization = organization or state.organization_id
    active = state.status in ACTIVE_STATUSES
    rows = list(state.memberships)
    status = state.status
    member_organization = state.organization_id
    admitted_on, full_member_on = state.admitted_on, state.full_member_on
    exempted = state.exempted
    before_expulsion = state.status_before_expulsion

    if kind in {E.ADMITTED, E.READMITTED}:
        if active:
            raise _error(_("Đảng viên đang sinh hoạt, không thể kết nạp."), "kind")
        if organization is None and not (change.admitted_elsewhere and kind == E.ADMITTED):
            raise _error(_("Cần chọn tổ chức kết nạp."), "organization")
        if organization is not None:
            rows.append(MembershipRow(organization, HOME, on))
            member_organization = organization
        if admitted_on is None or kind == E.ADMITTED:
            admitted_on = admitted_on or on
        full_member_on = None if kind == E.READMITTED else full_member_on
    elif kind == E.EXPULSION_ANNULLED:
        last = state.last_event
        if status != MemberStatus.EXPELLED or last is None or last[0] != E.EXPELLED:
            raise _error(_("Chỉ khôi phục khi sự kiện gần nhất là khai trừ."), "kind")
        closed = [
            i for i, m in enumerate(rows) if m.kind == HOME and m.ends_on == last[1]
        ]  # the latest start first, as the single writer always read it
        if not closed:
            raise _error(_("Không tìm thấy quá trình sinh hoạt bị chấm dứt khi khai trừ."), "kind")
        index = max(closed, key=lambda i: rows[i].starts_on)
        rows[index] = replace(rows[index], ends_on=None)
        member_organization = rows[index].organization_id
        # The status the member had before the expulsion.
        if before_expulsion in ACTIVE_STATUSES:
            status = before_expulsion
        else:
            status = MemberStatus.FULL if full_member_on else MemberStatus.PROBATIONARY
    elif kind == E.FULL_MEMBERSHIP:
        if status != MemberStatus.PROBATIONARY:
            raise _error(_("Chỉ đảng viên dự bị mới được công nhận chính thức."), "kind")
        full_member_on = on
    elif not active and kind != E.TRANSFER_IN:
        raise _error(_("Đảng viên không còn sinh hoạt đảng."), "kind")
    elif kind in LEAVING_EVENTS:
        _closed(rows, state.open_membership(TEMPORARY), on)
        _closed(rows, state.open_membership(HOME), on)
        exempted = False
        if kind == E.EXPELLED:
            before_expulsion = status
    elif kind == E.TRANSFER_OUT:
        _closed(rows, state.open_membership(TEMPORARY), on)
        _closed(rows, state.open_membership(HOME), on)
        if organization is None:  # to an organization outside the system
            status = MemberStatus.TRANSFERRED_OUT
    elif kind == E.TRANSFER_IN:
        if organization is None:
            raise _error(_("Cần chọn tổ chức tiếp nhận."), "organization")
        if state.open_membership(HOME) is not None:
            raise _error(_("Đảng viên chưa được chuyển đi khỏi tổ chức cũ."), "kind")
        if status not in ACTIVE_STATUSES | {MemberStatus.TRANSFERRED_OUT}:
            raise _error(_("Đảng viên không còn sinh hoạt đảng."), "kind")
        rows.append(MembershipRow(organization, HOME, on))
        member_organization = organization
        if status == MemberStatus.TRANSFERRED_OUT:
            status = MemberStatus.FULL if full_member_on else MemberStatus.PROBATIONARY
    elif kind == E.TEMPORARY_IN:
        if organization is None:
            raise _error(_("Cần chọn tổ chức nơi sinh hoạt tạm thời."), "organization")
        rows.append(MembershipRow(organization, TEMPORARY, on))
    elif kind == E.TEMPORARY_RETURNED:
        _closed(rows, state.open_membership(TEMPORARY), on)
    elif kind == E.EXEMPTION_STARTED:
        exempted = True
    elif kind == E.EXEMPTION_ENDED:
        exempted = False
    # TEMPORARY_OUT changes nothing at home: the member stays counted there (TRF-01).

    status = STATUS_AFTER_EVENT.get(kind, status)
    last_event = state.last_event
    if last_event is None or on >= last_event[1]:
        last_event = (kind, on)
    after = replace(
        state,
        status=status,
        organization_id=member_organization,
        admitted_on=admitted_on,
        full_member_on=full_member_on,
        exempted=exempted,
        memberships=tuple(rows),
        last_event=last_event,
        status_before_expulsion=before_expulsion,
    )
    event = EventRow(kind, on, event_organization, counterpart, change.document, change.reason)
    return EventPlan(event, state, after, after.party_age_from(today))


def plan_events(state: MemberState, changes: Iterable[Change], *, today: date) -> list[EventPlan]:
    """`plan_event` for each change in turn, each from the state the one before leaves."""
    plans = []
    for change in changes:
        plan = plan_event(state, change, today=today)
        plans.append(plan)
        state = plan.after
    return plans


# --- the single writer -------------------------------------------------------------------


def state_of(member: Member, memberships: Sequence[Membership], kind: str = "") -> MemberState:
    """The planner's view of a registered member (reads its last event, and for `kind`
    EXPULSION_ANNULLED the status before the expulsion from the audit trail)."""
    last = member.events.order_by("-on", "-id").values_list("kind", "on").first()
    before_expulsion = None
    if kind == E.EXPULSION_ANNULLED:
        before = (
            member.history.exclude(status=MemberStatus.EXPELLED)
            .order_by("-history_date", "-history_id")
            .first()
        )
        before_expulsion = before.status if before is not None else None
    absences = tuple(
        Period(p.starts_on, p.ends_on)
        for p in member.non_participations.filter(kind__in=PARTY_AGE_DEDUCTED)
    )
    return MemberState(
        status=member.status,
        organization_id=member.organization_id,
        admitted_on=member.admitted_on,
        full_member_on=member.full_member_on,
        exempted=member.exempted,
        date_of_birth=member.date_of_birth,
        memberships=tuple(
            MembershipRow(m.organization_id, m.kind, m.starts_on, m.ends_on, m.pk)
            for m in memberships
        ),
        last_event=last,
        status_before_expulsion=before_expulsion,
        absences=absences,
    )


def apply_state(member: Member, state: MemberState, today: date) -> None:
    """Set the member's lifecycle fields (`STATE_FIELDS`) from a planned state."""
    member.status = state.status
    member.organization_id = state.organization_id  # type: ignore[assignment]  # set by every plan that opens a home
    member.admitted_on = state.admitted_on
    member.full_member_on = state.full_member_on
    member.exempted = state.exempted
    member.party_age_from = state.party_age_from(today)


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
    user = by if getattr(by, "is_authenticated", False) else None  # the history's user
    stored = list(member.memberships.order_by("starts_on", "id"))
    change = Change(
        kind,
        on,
        organization_id=organization.pk if organization is not None else None,
        organization_label=str(organization) if organization is not None else "",
        counterpart=counterpart,
        document=document,
        reason=reason,
    )
    today = timezone.localdate()
    plan = plan_event(state_of(member, stored, kind), change, today=today)
    for index, row in enumerate(plan.after.memberships):
        if index < len(stored):
            if stored[index].ends_on != row.ends_on:
                stored[index].ends_on = row.ends_on
                stamp(stored[index], user)
                stored[index].save(update_fields=["ends_on"])
        else:
            membership = Membership(
                member=member,
                organization_id=row.organization_id,
                kind=row.kind,
                starts_on=row.starts_on,
            )
            stamp(membership, user)
            membership.save()
    apply_state(member, plan.after, today)
    stamp(member, user)
    member.save()
    e = plan.event
    event = MemberEvent(
        member=member,
        kind=e.kind,
        on=e.on,
        organization_id=e.organization_id,
        counterpart=e.counterpart,
        document=e.document,
        reason=e.reason,
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
    management command); the member page computes it exactly to the day. Given `on`, the
    days since the last membership ended count too.
    """
    if member.admitted_on is None:
        member.party_age_from = None
        return
    homes = [
        Period(m.starts_on, m.ends_on) for m in member.memberships.filter(kind=MembershipKind.HOME)
    ]
    absences = [
        Period(p.starts_on, p.ends_on)
        for p in member.non_participations.filter(kind__in=PARTY_AGE_DEDUCTED)
    ]
    if on is not None:
        member.party_age_from = party_age_start(member.admitted_on, homes, on, absences)
    else:
        member.party_age_from = party_age_from(
            member.admitted_on, homes, absences, timezone.localdate()
        )
