"""Transfer deadlines, due and overdue (TRF-01..02), counted with core.calendar.

- TRF-01: an official transfer's introduction letter is issued within 60 working days
  of the trigger (job move, retirement, change of residence): the last day on time is
  `add_working_days(trigger_on, 60)` (the trigger day itself does not count).
- TRF-02: the member reports to the receiving organization within 30 days of the
  letter: the last day is `add_calendar_days(letter_on, 30)`, moved to the next working
  day when it falls on a day off (Bộ luật Dân sự 2015, Điều 148).
- TRF-01 (temporary): a temporary transfer past its planned end (`until`) without a
  return recorded.

`transfer_deadlines` reads the open transfers in one query and computes in memory (the
holiday table is read once per year and cached), so the page and the XLSX export issue
a constant number of queries whatever their length.
"""

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.calendar import add_calendar_days, add_working_days, working_days_between
from core.findings import Finding, Severity

from ..enums import TransferKind, TransferState
from ..models import Transfer
from ..rules import REPORT_DAYS, TRANSFER_WORKING_DAYS
from .transfers import filter_transfers, transfers_for

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from accounts.scope import RequestUser
    from organizations.models import Organization

LETTER = "letter"  # TRF-01: the letter is still to be issued
REPORT = "report"  # TRF-02: the member is still to report to the receiving organization
RETURN = "return"  # TRF-01: a temporary transfer past its end without a return

STEP_LABELS = {
    LETTER: _("Cấp giấy giới thiệu (60 ngày làm việc)"),
    REPORT: _("Đảng viên báo cáo nơi đến (30 ngày)"),
    RETURN: _("Hết hạn sinh hoạt tạm thời, chưa trở về"),
}
STEP_RULES = {LETTER: "TRF-01", REPORT: "TRF-02", RETURN: "TRF-01"}


def letter_due(trigger_on: date) -> date:
    """TRF-01: the last day to issue the letter of an official transfer."""
    return add_working_days(trigger_on, TRANSFER_WORKING_DAYS)


def report_due(letter_on: date) -> date:
    """TRF-02: the last day for the member to report to the receiving organization."""
    return add_calendar_days(letter_on, REPORT_DAYS)


@dataclass
class DeadlineRow:
    transfer: Transfer
    step: str
    due: date
    today: date

    @property
    def rule_id(self) -> str:
        return STEP_RULES[self.step]

    @property
    def label(self) -> "StrOrPromise":
        return STEP_LABELS[self.step]

    @property
    def overdue(self) -> bool:
        return self.today > self.due

    @property
    def days_left(self) -> int:
        """Working days after today up to the due date; negative once overdue."""
        return working_days_between(self.today, self.due)

    @property
    def days_late(self) -> int:
        return -self.days_left if self.overdue else 0


# Transfers with a deadline still running or missed.
WAITING = (
    Q(kind=TransferKind.OFFICIAL, state=TransferState.PENDING)
    | Q(state=TransferState.SENT, to_organization__isnull=False)
    | Q(kind=TransferKind.TEMPORARY, state__in=[TransferState.SENT, TransferState.RECEIVED])
)


def deadline_of(transfer: Transfer, today: date) -> DeadlineRow | None:
    """The deadline a transfer is waiting on today, if any."""
    if transfer.state == TransferState.PENDING and transfer.kind == TransferKind.OFFICIAL:
        return DeadlineRow(transfer, LETTER, letter_due(transfer.trigger_on), today)
    if transfer.state == TransferState.SENT and transfer.to_organization_id is not None:
        assert transfer.letter_on is not None  # a sent transfer has its letter's date
        return DeadlineRow(transfer, REPORT, report_due(transfer.letter_on), today)
    if (
        transfer.kind == TransferKind.TEMPORARY
        and transfer.state in (TransferState.SENT, TransferState.RECEIVED)
        and transfer.until is not None
        and transfer.until < today
    ):
        return DeadlineRow(transfer, RETURN, transfer.until, today)
    return None


def transfer_deadlines(
    transfers: QuerySet[Transfer], *, today: date | None = None, overdue_only: bool = False
) -> list[DeadlineRow]:
    """Deadlines of `transfers` (already scoped), the most urgent first. One query."""
    today = today or timezone.localdate()
    qs = transfers.filter(WAITING).select_related("member", "from_organization", "to_organization")
    rows = [row for t in qs if (row := deadline_of(t, today)) is not None]
    if overdue_only:
        rows = [row for row in rows if row.overdue]
    rows.sort(key=lambda row: (row.due, row.transfer.pk))
    return rows


def deadlines_for(
    user: "RequestUser",
    *,
    organization: "Organization | None" = None,
    today: date | None = None,
    overdue_only: bool = False,
) -> list[DeadlineRow]:
    """Due and overdue transfers in the user's reach (either side), optionally one subtree."""
    qs = filter_transfers(transfers_for(user), organization=organization)
    return transfer_deadlines(qs, today=today, overdue_only=overdue_only)


def transfer_findings(transfer: Transfer, today: date | None = None) -> list[Finding]:
    """Warnings for the transfer page: a late letter (TRF-01), a late report (TRF-02), a
    temporary stay past its end (TRF-01). Late steps are recorded, never refused."""
    today = today or timezone.localdate()
    findings = []
    if transfer.kind == TransferKind.OFFICIAL and transfer.from_organization_id:
        due = letter_due(transfer.trigger_on)
        issued = transfer.letter_on
        if (issued or today) > due and transfer.state != TransferState.CANCELLED:
            findings.append(
                Finding(
                    "TRF-01",
                    Severity.WARNING,
                    _("Giấy giới thiệu quá hạn 60 ngày làm việc (hạn cuối %(day)s).")
                    % {"day": due.strftime("%d/%m/%Y")},
                    "letter_on",
                )
            )
    if transfer.letter_on and transfer.to_organization_id:
        due = report_due(transfer.letter_on)
        reported = transfer.received_on
        if (reported or today) > due and transfer.state != TransferState.CANCELLED:
            findings.append(
                Finding(
                    "TRF-02",
                    Severity.WARNING,
                    _(
                        "Đảng viên báo cáo nơi đến quá 30 ngày kể từ ngày giấy giới thiệu "
                        "(hạn cuối %(day)s)."
                    )
                    % {"day": due.strftime("%d/%m/%Y")},
                    "received_on",
                )
            )
    row = deadline_of(transfer, today)
    if row is not None and row.step == RETURN:
        assert transfer.until is not None  # RETURN: the planned end has passed
        findings.append(
            Finding(
                "TRF-01",
                Severity.WARNING,
                _("Đã hết hạn sinh hoạt tạm thời (%(day)s) mà chưa ghi trở về.")
                % {"day": transfer.until.strftime("%d/%m/%Y")},
                "returned_on",
            )
        )
    return findings
