"""Consistency checks of generated members against the lifecycle rules (MEM-02, AGE-01,
ADM-01, PRB-01, BDG-01, EXM-01, TRF-01): used by the demo tests on the demo and on
`seed_demo --members N`.

`problems(members)` replays each member's events through the planner of
members.services.events.record_event (`plan_event`) and compares the result with the
stored rows. It returns a list of
messages (empty when everything holds), so a failure shows every broken member at once.
"""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.utils import timezone

from members.enums import (
    ACTIVE_STATUSES,
    TransferKind,
    TransferReason,
    TransferState,
)
from members.enums import EventKind as E
from members.enums import MembershipKind as MK
from members.models import Badge, Exemption, MemberEvent, Membership, Transfer
from members.rules import (
    Period,
    add_months,
    badge_due,
    exemption_findings,
    full_months,
    party_age_start,
    temporary_transfer_findings,
)
from members.services.events import Change, MemberState, plan_event
from members.validators import citizen_id_mismatch, validate_citizen_id
from organizations.models import Organization


def _by_member(model, ids, order):
    rows = defaultdict(list)
    for row in model.objects.filter(member_id__in=ids).order_by(*order):
        rows[row.member_id].append(row)
    return rows


def replay(events, date_of_birth=None, today=None):
    """What record_event leaves after these events, planned by the one lifecycle
    (members.services.events.plan_event): (state, memberships, errors).

    Each stored event is planned again from the state the ones before it left; the
    planned event must be the stored one (same organization, counterpart...). The first
    refused event ends the replay.
    """
    state = MemberState(date_of_birth=date_of_birth)
    errors = []
    for event in events:
        kind, on, org = event.kind, event.on, event.organization_id
        departure = kind in (E.TRANSFER_OUT, E.TEMPORARY_OUT)  # from the member's own
        change = Change(
            kind,
            on,
            None if departure else org,
            counterpart=event.counterpart,
            document=event.document,
            reason=event.reason,
            admitted_elsewhere=kind == E.ADMITTED and org is None,
        )
        try:
            plan = plan_event(state, change, today=today or timezone.localdate())
        except ValidationError as exc:
            errors.append(f"{kind} {on}: {'; '.join(exc.messages)}")
            break
        if plan.event.organization_id != org:
            errors.append(
                f"{kind} {on}: recorded in {org}, planned in {plan.event.organization_id}"
            )
        state = plan.after
    found = {
        "status": state.status or None,
        "organization": state.organization_id,
        "admitted_on": state.admitted_on,
        "full_member_on": state.full_member_on,
        "exempted": state.exempted,
    }
    memberships = [(m.organization_id, m.kind, m.starts_on, m.ends_on) for m in state.memberships]
    return found, memberships, errors


def problems(members, *, today=None) -> list[str]:
    """Every inconsistency of `members` (a queryset) with the lifecycle rules."""
    today = today or timezone.localdate()
    members = list(members.order_by("pk"))
    ids = [m.pk for m in members]
    events = _by_member(MemberEvent, ids, ["member_id", "on", "id"])
    homes = _by_member(Membership, ids, ["member_id", "starts_on", "id"])
    transfers = _by_member(Transfer, ids, ["member_id", "trigger_on", "id"])
    exemptions = _by_member(Exemption, ids, ["member_id", "starts_on"])
    badges = _by_member(Badge, ids, ["member_id", "years"])
    dissolved = dict(Organization.objects.values_list("pk", "dissolved_on"))
    found: list[str] = []
    for m in members:

        def bad(message, m=m):
            found.append(f"{m.pk} {m.full_name}: {message}")

        evs = events[m.pk]
        if not evs:
            bad("no events")
            continue
        state, replayed, errors = replay(evs, m.date_of_birth, today)
        for error in errors:
            bad(error)
        for field, value in state.items():
            if field == "status" and value is None:
                continue
            if getattr(m, f"{field}_id" if field == "organization" else field) != value:
                bad(f"{field} is {getattr(m, field)!r}, the events give {value!r}")
        stored = [(x.organization_id, x.kind, x.starts_on, x.ends_on) for x in homes[m.pk]]
        if sorted(stored, key=repr) != sorted(replayed, key=repr):
            bad(f"memberships {stored} != from events {replayed}")
        if any(e.on > today for e in evs):
            bad("an event in the future")
        open_homes = [x for x in homes[m.pk] if x.kind == MK.HOME and x.ends_on is None]
        if m.status in ACTIVE_STATUSES:
            if len(open_homes) != 1:
                bad(f"{len(open_homes)} open home memberships")
            elif dissolved[open_homes[0].organization_id] is not None:
                bad("open home membership in a dissolved organization")
            elif open_homes[0].organization_id != m.organization_id:
                bad("organization is not the open home membership's")
        elif open_homes or any(x.ends_on is None for x in homes[m.pk]):
            bad(f"status {m.status} with an open membership")
        # MEM-01: citizen ID
        try:
            validate_citizen_id(m.citizen_id)
        except Exception as exc:  # noqa: BLE001
            bad(f"citizen ID {m.citizen_id}: {exc}")
        if not m.citizen_id or citizen_id_mismatch(m.citizen_id, m.date_of_birth, m.sex):
            bad(f"citizen ID {m.citizen_id} does not match {m.date_of_birth} {m.sex}")
        # ADM-01 and PRB-01
        if full_months(m.date_of_birth, m.admitted_on) < 18 * 12:
            bad(f"admitted under 18 ({m.date_of_birth} → {m.admitted_on})")
        if m.full_member_on and m.full_member_on != add_months(m.admitted_on, 12):
            bad("full membership not 12 months after admission")
        if bool(m.card_number) != bool(m.full_member_on):
            bad("card number without full membership, or the other way round")
        # AGE-01
        periods = [Period(x.starts_on, x.ends_on) for x in homes[m.pk] if x.kind == MK.HOME]
        expected = party_age_start(m.admitted_on, periods, evs[-1].on)
        if m.party_age_from != expected:
            bad(f"party_age_from {m.party_age_from} != {expected}")
        # TRF-01: one Transfer row per transfer event pair, received (or returned)
        ins = [e for e in evs if e.kind == E.TRANSFER_IN]
        outs = [e for e in evs if e.kind == E.TRANSFER_OUT]
        temps = [e for e in evs if e.kind == E.TEMPORARY_IN]
        official = [t for t in transfers[m.pk] if t.kind == TransferKind.OFFICIAL]
        temporary = [t for t in transfers[m.pk] if t.kind == TransferKind.TEMPORARY]
        arrivals = sorted(
            (t.to_organization_id, t.received_on) for t in official if t.to_organization_id
        )
        departures = sorted(
            (t.from_organization_id, t.letter_on) for t in official if t.from_organization_id
        )
        if arrivals != sorted((e.organization_id, e.on) for e in ins):
            bad("official transfers in do not match the TRANSFER_IN events")
        if departures != sorted((e.organization_id, e.on) for e in outs):
            bad("official transfers out do not match the TRANSFER_OUT events")
        if len(temporary) != len(temps):
            bad("temporary transfers do not match the events")
        for t in official:
            if t.state != TransferState.RECEIVED or t.received_on is None:
                bad(f"transfer {t.pk} not received")
            if t.from_organization_id and t.to_organization_id:
                gap = (t.received_on - t.letter_on).days
                if not 1 <= gap <= 30:  # TRF-02
                    bad(f"transfer {t.pk}: {gap} days between the sides")
        for t in temporary:
            study = t.reason == TransferReason.STUDY
            if temporary_transfer_findings(t.letter_on, t.until, study=study):
                bad(f"temporary transfer {t.pk} breaks TRF-01")
            if (t.state == TransferState.RETURNED) != (t.returned_on is not None):
                bad(f"temporary transfer {t.pk}: state {t.state}, returned {t.returned_on}")
        # EXM-01
        for x in exemptions[m.pk]:
            findings = exemption_findings(
                ground=x.ground,
                past_working_age=x.past_working_age,
                poor_health=x.poor_health,
                own_request=x.own_request,
                starts_on=x.starts_on,
                ends_on=x.ends_on,
                cell_decided_on=x.cell_decided_on,
            )
            if findings:
                bad(f"exemption {x.pk}: {findings}")
        # BDG-01
        for b in badges[m.pk]:
            if not badge_due(b.years, m.party_age_from, b.presented_on, seriously_ill=b.early):
                bad(f"badge {b.years} presented {b.presented_on} before it was due")
            if b.early and not m.seriously_ill:
                bad(f"early badge {b.years} for a member not seriously ill")
            if b.presented_on > today:
                bad(f"badge {b.years} presented in the future")
    return found
