"""Discipline, inspection and supervision rules (DIS-01..05, INS-01, ORG-04), as pure functions.

A leaf module: it imports no models of this app. Each check returns `core.findings.Finding`s
whose rule ID the page shows and the tests assert.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

from core.findings import Finding, Severity
from members.rules import add_years
from organizations.enums import CELL_KINDS, OrgKind

from .enums import DecidingBody, DisciplineForm, SubjectKind

F = DisciplineForm

# --- DIS-01: forms allowed for the subject ----------------------------------------------

ORGANIZATION_FORMS = (F.REPRIMAND, F.WARNING, F.DISSOLUTION)
FULL_MEMBER_FORMS = (F.REPRIMAND, F.WARNING, F.DISMISSAL, F.EXPULSION)
PROBATIONARY_FORMS = (F.REPRIMAND, F.WARNING)


def allowed_forms(
    subject_kind: str, *, probationary: bool = False, holds_post: bool = False
) -> tuple[str, ...]:
    """DIS-01: the forms allowed for an organization, a full member (dismissal only for one
    who holds a post), a probationary member (reprimand and warning only)."""
    if subject_kind == SubjectKind.ORGANIZATION:
        return ORGANIZATION_FORMS
    if probationary:
        return PROBATIONARY_FORMS
    if holds_post:
        return FULL_MEMBER_FORMS
    return tuple(f for f in FULL_MEMBER_FORMS if f != F.DISMISSAL)


def form_findings(
    form: str, subject_kind: str, *, probationary: bool = False, holds_post: bool = False
) -> list[Finding]:
    """DIS-01: a form not allowed for the subject is refused with the reason."""
    if form in allowed_forms(subject_kind, probationary=probationary, holds_post=holds_post):
        return []
    label = F(form).label
    if subject_kind == SubjectKind.ORGANIZATION:
        message = _(
            "Tổ chức đảng chỉ bị kỷ luật khiển trách, cảnh cáo hoặc giải tán, không “%(f)s”."
        )
    elif form == F.DISSOLUTION:
        message = _("Hình thức “%(f)s” chỉ áp dụng cho tổ chức đảng.")
    elif probationary:
        message = _("Đảng viên dự bị chỉ bị kỷ luật khiển trách hoặc cảnh cáo, không “%(f)s”.")
    else:
        message = _(
            "Chỉ cách chức đảng viên đang giữ chức vụ (cấp ủy viên) vào ngày vi phạm hoặc ngày quyết định."
        )
    return [Finding("DIS-01", Severity.BLOCKING, message % {"f": label}, "form")]


# --- ORG-04: inspection commissions -----------------------------------------------------

# From grassroots party committee level up; cells, sub-committees and party groups have none.
COMMISSION_KINDS = frozenset(
    {
        OrgKind.PROVINCE,
        OrgKind.DISTRICT,
        OrgKind.BLOC,
        OrgKind.COMMUNE,
        OrgKind.WARD,
        OrgKind.SPECIAL_ZONE,
        OrgKind.GRASSROOTS_COMMITTEE,
    }
)


def has_commission_kind(kind: str) -> bool:
    """ORG-04: an inspection commission exists only from grassroots party committee level up."""
    return kind in COMMISSION_KINDS


# --- DIS-02: who may decide -------------------------------------------------------------


@dataclass(frozen=True)
class OrgRef:
    """What DIS-02 needs to know of an organization (no model import)."""

    pk: int
    kind: str
    path: str


def body_findings(
    body: str, deciding: OrgRef, form: str, subject_kind: str, subject_org: OrgRef
) -> list[Finding]:
    """DIS-02 [s]: the cell may reprimand or warn its own members; the cell committee has
    no disciplinary power; an organization is disciplined by its direct superior. Bodies
    above the cell decide on members of their own subtree (the finer division of powers
    between levels is not modelled: the deciding body is recorded as given)."""
    blocking = Severity.BLOCKING
    if body == DecidingBody.CELL_COMMITTEE:
        return [
            Finding(
                "DIS-02", blocking, _("Chi ủy không có quyền thi hành kỷ luật."), "deciding_body"
            )
        ]
    if body == DecidingBody.INSPECTION_COMMISSION and not has_commission_kind(deciding.kind):
        return [
            Finding(
                "ORG-04",
                blocking,
                _("Tổ chức này không có ủy ban kiểm tra (chỉ từ đảng bộ cơ sở trở lên)."),
                "deciding_body",
            )
        ]
    if body == DecidingBody.CELL:
        if deciding.kind not in CELL_KINDS:
            return [
                Finding(
                    "DIS-02",
                    blocking,
                    _("Chỉ chi bộ mới quyết định với tư cách chi bộ."),
                    "deciding_body",
                )
            ]
        if subject_kind != SubjectKind.MEMBER or subject_org.pk != deciding.pk:
            return [
                Finding(
                    "DIS-02",
                    blocking,
                    _("Chi bộ chỉ kỷ luật đảng viên của chi bộ mình."),
                    "deciding_body",
                )
            ]
        if form not in (F.REPRIMAND, F.WARNING):
            return [
                Finding(
                    "DIS-02",
                    blocking,
                    _(
                        "Chi bộ chỉ được quyết định khiển trách, cảnh cáo đảng viên; hình thức khác do cấp ủy cấp trên quyết định."
                    ),
                    "form",
                )
            ]
        return []
    if deciding.kind in CELL_KINDS:
        return [
            Finding(
                "DIS-02",
                blocking,
                _("Chi bộ quyết định với tư cách chi bộ (hội nghị chi bộ)."),
                "deciding_body",
            )
        ]
    if subject_kind == SubjectKind.ORGANIZATION:
        parent_path = subject_org.path[:-STEPLEN] if len(subject_org.path) > STEPLEN else ""
        if deciding.path != parent_path:
            return [
                Finding(
                    "DIS-02",
                    blocking,
                    _("Kỷ luật tổ chức đảng do cấp ủy cấp trên trực tiếp quyết định."),
                    "deciding_organization",
                )
            ]
        return []
    if not subject_org.path.startswith(deciding.path):
        return [
            Finding(
                "DIS-02",
                blocking,
                _("Tổ chức quyết định không phải cấp trên của nơi đảng viên sinh hoạt."),
                "deciding_organization",
            )
        ]
    return []


STEPLEN = 4  # treebeard's materialized path step (Organization.steplen)


# --- DIS-03: limitation ----------------------------------------------------------------

LIMITATION_YEARS: dict[str, int | None] = {
    F.REPRIMAND: 5,
    F.WARNING: 10,
    F.DISMISSAL: 10,
    F.EXPULSION: None,  # no limit for expulsion-level offences
    F.DISSOLUTION: None,
}


def limitation_last_day(
    form: str, offence_on: date, restarted_on: date | None = None
) -> date | None:
    """DIS-03: the last day a discipline of this level may be decided, or None (no limit).

    The period runs from the offence (restarting from a new offence) and, like a period
    in years under the Civil Code (arts. 147–148), ends on the corresponding day of the
    last year: an offence of 01/03/2020 at reprimand level may be disciplined up to and
    including 01/03/2025.
    """
    years = LIMITATION_YEARS[F(form)]
    if years is None:
        return None
    start = max(offence_on, restarted_on) if restarted_on else offence_on
    return add_years(start, years)


def date_findings(
    form: str, offence_on: date, decided_on: date | None, restarted_on: date | None = None
) -> list[Finding]:
    """A decision before the offence is refused; a decision after the limitation too (DIS-03)."""
    if decided_on is None:
        return []
    if decided_on < offence_on:
        return [
            Finding(
                "DIS-03",
                Severity.BLOCKING,
                _("Ngày quyết định kỷ luật trước ngày vi phạm."),
                "decided_on",
            )
        ]
    last = limitation_last_day(form, offence_on, restarted_on)
    if last is not None and decided_on > last:
        return [
            Finding(
                "DIS-03",
                Severity.BLOCKING,
                _("Đã hết thời hiệu xử lý kỷ luật (%(y)s năm, hết ngày %(d)s).")
                % {"y": LIMITATION_YEARS[F(form)], "d": last.strftime("%d/%m/%Y")},
                "decided_on",
            )
        ]
    return []


# --- DIS-04: appeal --------------------------------------------------------------------

APPEAL_DAYS = 30


def appeal_last_day(received_on: date) -> date:
    """DIS-04: an appeal within 30 days of receiving the decision (day 30 is the last)."""
    return received_on + timedelta(days=APPEAL_DAYS)


def appeal_findings(received_on: date | None, appealed_on: date) -> list[Finding]:
    if received_on is None:
        return [
            Finding(
                "DIS-04",
                Severity.BLOCKING,
                _("Cần ghi ngày nhận quyết định kỷ luật trước."),
                "received_on",
            )
        ]
    if appealed_on < received_on:
        return [
            Finding(
                "DIS-04",
                Severity.BLOCKING,
                _("Ngày khiếu nại trước ngày nhận quyết định."),
                "appealed_on",
            )
        ]
    if appealed_on > appeal_last_day(received_on):
        return [
            Finding(
                "DIS-04",
                Severity.BLOCKING,
                _("Quá thời hạn khiếu nại 30 ngày kể từ ngày nhận quyết định (hết ngày %(d)s).")
                % {"d": appeal_last_day(received_on).strftime("%d/%m/%Y")},
                "appealed_on",
            )
        ]
    return []
