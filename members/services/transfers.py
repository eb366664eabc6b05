"""Writes of transfers (chuyển sinh hoạt đảng, TRF-01..02).

The flow, each step one function and one transaction:

1. `create_transfer` (sending side): the member, official or temporary, the reason, the
   trigger date (job move, retirement, change of residence) and the destination, an
   organization in the system or a free-text name outside it. State `pending`.
2. `send_transfer` (sending side): the introduction letter (number, date). State `sent`;
   TRANSFER_OUT or TEMPORARY_OUT recorded on the letter date. An official transfer to
   outside the system closes the home membership and the member becomes
   `transferred_out`; within the system the member is in transit until received.
3. `receive_transfer` (receiving side, a user who can write the destination): the date
   the member reported. State `received`; TRANSFER_IN (a new home membership) or
   TEMPORARY_IN (a temporary membership, not counted in the host: TRF-01).
4. `return_transfer` (either side, temporary only): TEMPORARY_RETURNED, state `returned`.
5. `receive_from_outside` (receiving side): a member who left to outside the system
   (status `transferred_out`) comes back with a letter from elsewhere: the transfer is
   created already sent and received at once.

`cancel_transfer` drops a transfer that has no letter yet. Every status change goes
through members.services.events.record_event; a refused step leaves nothing half-saved.
"""

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import stamp
from core.findings import Finding, blocking

from ..enums import (
    ACTIVE_STATUSES,
    EventKind,
    MemberStatus,
    TransferKind,
    TransferReason,
    TransferState,
)
from ..models import Member, Transfer
from ..queries.transfers import OPEN
from ..rules import temporary_transfer_findings
from .events import record_event
from .exemptions import findings_error, remap

if TYPE_CHECKING:
    from accounts.models import User
    from organizations.models import Organization


def _save(transfer: Transfer, *, by: "User", reason: str = "") -> None:
    stamp(transfer, by, reason)
    transfer.full_clean()
    transfer.save()


def _lock(transfer: Transfer) -> Transfer:
    return (
        Transfer.objects.select_for_update(of=("self",))
        .select_related("member", "from_organization", "to_organization")
        .get(pk=transfer.pk)
    )


def temporary_findings(start: date, until: date | None, reason: str) -> list[Finding]:
    """TRF-01: the planned length of a temporary transfer (study: up to 2 years)."""
    return blocking(temporary_transfer_findings(start, until, study=reason == TransferReason.STUDY))


@transaction.atomic
def create_transfer(
    *,
    member: Member,
    kind: str,
    reason: str,
    trigger_on: date,
    to_organization: "Organization | None" = None,
    to_outside: str = "",
    until: date | None = None,
    note: str = "",
    by: "User",
) -> Transfer:
    """The sending side opens a transfer of `member` out of their organization (TRF-01)."""
    member = Member.objects.select_for_update().select_related("organization").get(pk=member.pk)
    if not by.has_perm("members.change_member", member):
        raise PermissionDenied(_("Bạn không có quyền sửa hồ sơ của đảng viên này."))
    to_outside = (to_outside or "").strip()
    errors: dict[str, list[str]] = {}
    if member.status not in ACTIVE_STATUSES:
        errors.setdefault("__all__", []).append(_("Đảng viên không còn sinh hoạt đảng."))
    if member.transfers.filter(OPEN).exists():
        errors.setdefault("__all__", []).append(
            _("Đảng viên đang có một việc chuyển sinh hoạt chưa hoàn tất.")
        )
    if (to_organization is None) == (not to_outside):
        errors.setdefault("to_organization", []).append(
            _("Chọn tổ chức nơi đến trong hệ thống, hoặc ghi tên nơi đến ngoài hệ thống (chỉ một).")
        )
    elif to_organization is not None and to_organization.pk == member.organization_id:
        errors.setdefault("to_organization", []).append(
            _("Nơi đến trùng với nơi đảng viên đang sinh hoạt.")
        )
    elif to_organization is not None and to_organization.is_dissolved:
        errors.setdefault("to_organization", []).append(_("Tổ chức nơi đến đã giải thể."))
    if kind == TransferKind.TEMPORARY:
        for finding in temporary_findings(trigger_on, until, reason):
            errors.setdefault(finding.field or "until", []).append(str(finding))
    elif until is not None:
        errors.setdefault("until", []).append(_("Chỉ chuyển sinh hoạt tạm thời mới có thời hạn."))
    if errors:
        raise ValidationError(errors)
    transfer = Transfer(
        member=member,
        kind=kind,
        reason=reason,
        state=TransferState.PENDING,
        from_organization=member.organization,
        to_organization=to_organization,
        to_outside="" if to_organization is not None else to_outside,
        trigger_on=trigger_on,
        until=until,
        note=note,
    )
    _save(transfer, by=by)
    return transfer


@transaction.atomic
def send_transfer(
    transfer: Transfer, *, letter_number: str, letter_on: date, by: "User"
) -> Transfer:
    """The sending side issues the introduction letter (TRF-01; TRF-02 runs from its date).

    Side effects: state `sent`; TRANSFER_OUT (official) or TEMPORARY_OUT (temporary)
    recorded on `letter_on`. Official to outside: the member becomes `transferred_out`.
    """
    transfer = _lock(transfer)
    if not by.has_perm("members.send_transfer", transfer):
        raise PermissionDenied(_("Chỉ nơi đi cấp giấy giới thiệu chuyển sinh hoạt."))
    if transfer.state != TransferState.PENDING:
        raise ValidationError(_("Giấy giới thiệu đã được cấp, hoặc việc chuyển đã bị hủy."))
    letter_number = (letter_number or "").strip()
    if not letter_number:
        raise ValidationError({"letter_number": _("Cần ghi số giấy giới thiệu.")})
    if transfer.kind == TransferKind.TEMPORARY:
        # TRF-01: the temporary stay runs from the letter to the planned end.
        findings = temporary_findings(letter_on, transfer.until, transfer.reason)
        if findings:
            raise findings_error(findings, "letter_on")
    transfer.letter_number = letter_number
    transfer.letter_on = letter_on
    transfer.state = TransferState.SENT
    _save(transfer, by=by, reason=_("Cấp giấy giới thiệu"))
    official = transfer.kind == TransferKind.OFFICIAL
    try:
        record_event(
            transfer.member,
            EventKind.TRANSFER_OUT if official else EventKind.TEMPORARY_OUT,
            letter_on,
            by=by,
            # Within the system the member stays active (in transit); to outside they
            # become transferred_out (record_event with no organization).
            organization=transfer.to_organization if official else None,
            counterpart=transfer.to_label,
            document=letter_number,
            reason=str(transfer.get_reason_display()),
        )
    except ValidationError as error:
        raise remap(error, {"on": "letter_on", "kind": "__all__"}) from error
    return transfer


@transaction.atomic
def receive_transfer(transfer: Transfer, *, received_on: date, by: "User") -> Transfer:
    """The receiving side confirms the member reported on `received_on` (TRF-02).

    Side effects: state `received`; TRANSFER_IN (a new home membership, the member's
    organization changes) or TEMPORARY_IN (a temporary membership in the host, not
    counted there: TRF-01). Reporting late is allowed; the page shows the TRF-02 finding.
    """
    transfer = _lock(transfer)
    if not by.has_perm("members.receive_transfer", transfer):
        raise PermissionDenied(_("Chỉ nơi đến xác nhận tiếp nhận đảng viên."))
    if transfer.state != TransferState.SENT:
        raise ValidationError(_("Việc chuyển này không chờ nơi đến tiếp nhận."))
    assert transfer.letter_on is not None  # a sent transfer has its letter's date
    if received_on < transfer.letter_on:
        raise ValidationError(
            {"received_on": _("Ngày tiếp nhận trước ngày giấy giới thiệu (TRF-02).")}
        )
    transfer.received_on = received_on
    transfer.state = TransferState.RECEIVED
    _save(transfer, by=by, reason=_("Nơi đến tiếp nhận"))
    official = transfer.kind == TransferKind.OFFICIAL
    try:
        record_event(
            transfer.member,
            EventKind.TRANSFER_IN if official else EventKind.TEMPORARY_IN,
            received_on,
            by=by,
            organization=transfer.to_organization,
            counterpart=transfer.from_label,
            document=transfer.letter_number,
            reason=str(transfer.get_reason_display()),
        )
    except ValidationError as error:
        raise remap(error, {"on": "received_on", "kind": "__all__"}) from error
    return transfer


@transaction.atomic
def return_transfer(transfer: Transfer, *, returned_on: date, by: "User") -> Transfer:
    """A temporarily transferred member is back home (TEMPORARY_RETURNED on `returned_on`).

    Either side may record it: the home organization or the host.
    """
    transfer = _lock(transfer)
    if not by.has_perm("members.return_transfer", transfer):
        raise PermissionDenied(_("Chỉ nơi đi hoặc nơi đến ghi đảng viên trở về."))
    if transfer.kind != TransferKind.TEMPORARY or transfer.state not in (
        TransferState.SENT,
        TransferState.RECEIVED,
    ):
        raise ValidationError(_("Chỉ ghi trở về cho đảng viên đang sinh hoạt tạm thời."))
    start = transfer.received_on or transfer.letter_on
    assert start is not None  # a sent transfer has its letter's date
    if returned_on < start:
        raise ValidationError(
            {"returned_on": _("Ngày trở về trước ngày bắt đầu sinh hoạt tạm thời.")}
        )
    transfer.returned_on = returned_on
    transfer.state = TransferState.RETURNED
    _save(transfer, by=by, reason=_("Trở về sau sinh hoạt tạm thời"))
    try:
        record_event(
            transfer.member,
            EventKind.TEMPORARY_RETURNED,
            returned_on,
            by=by,
            counterpart=transfer.to_label,
            document=transfer.letter_number,
        )
    except ValidationError as error:
        raise remap(error, {"on": "returned_on", "kind": "__all__"}) from error
    return transfer


@transaction.atomic
def cancel_transfer(transfer: Transfer, *, by: "User", reason: str = "") -> Transfer:
    """The sending side drops a transfer before the letter is issued (no status change)."""
    transfer = _lock(transfer)
    if not by.has_perm("members.cancel_transfer", transfer):
        raise PermissionDenied(_("Chỉ nơi đi hủy được việc chuyển sinh hoạt."))
    if transfer.state != TransferState.PENDING:
        raise ValidationError(_("Chỉ hủy được việc chuyển chưa cấp giấy giới thiệu."))
    transfer.state = TransferState.CANCELLED
    _save(transfer, by=by, reason=reason or _("Hủy chuyển sinh hoạt"))
    return transfer


@transaction.atomic
def receive_from_outside(
    *,
    member: Member,
    to_organization: "Organization",
    from_outside: str,
    reason: str,
    letter_number: str,
    letter_on: date,
    received_on: date,
    trigger_on: date | None = None,
    note: str = "",
    by: "User",
) -> Transfer:
    """A member arriving with a letter from outside the system (official transfer in).

    The member's record exists with status `transferred_out` (they left to outside
    earlier); a new member is added by the register instead. Side effects: a transfer
    created sent and received; TRANSFER_IN on `received_on` (home membership, status back
    to probationary or full).
    """
    member = Member.objects.select_for_update().get(pk=member.pk)
    if not by.has_perm("members.add_member", to_organization):
        raise PermissionDenied(_("Bạn không có quyền tiếp nhận đảng viên vào chi bộ này."))
    errors: dict[str, list[str]] = {}
    if member.status != MemberStatus.TRANSFERRED_OUT:
        errors.setdefault("__all__", []).append(
            _("Chỉ tiếp nhận từ ngoài hệ thống đảng viên có trạng thái “Đã chuyển đi”.")
        )
    from_outside = (from_outside or "").strip()
    if not from_outside:
        errors.setdefault("from_outside", []).append(_("Cần ghi nơi đi."))
    if not (letter_number or "").strip():
        errors.setdefault("letter_number", []).append(_("Cần ghi số giấy giới thiệu."))
    if received_on < letter_on:
        errors.setdefault("received_on", []).append(
            _("Ngày tiếp nhận trước ngày giấy giới thiệu (TRF-02).")
        )
    if errors:
        raise ValidationError(errors)
    transfer = Transfer(
        member=member,
        kind=TransferKind.OFFICIAL,
        reason=reason,
        state=TransferState.RECEIVED,
        from_outside=from_outside,
        to_organization=to_organization,
        trigger_on=trigger_on or letter_on,
        letter_number=letter_number.strip(),
        letter_on=letter_on,
        received_on=received_on,
        note=note,
    )
    _save(transfer, by=by, reason=_("Tiếp nhận từ ngoài hệ thống"))
    try:
        record_event(
            member,
            EventKind.TRANSFER_IN,
            received_on,
            by=by,
            organization=to_organization,
            counterpart=from_outside,
            document=transfer.letter_number,
            reason=str(transfer.get_reason_display()),
        )
    except ValidationError as error:
        raise remap(error, {"on": "received_on", "kind": "__all__"}) from error
    return transfer
