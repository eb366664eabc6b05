"""ADM-03 sponsors and ADM-06 / PRB-02 votes (at least 2/3)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from core.findings import Finding
from members.rules import full_months

from ..enums import SponsorKind
from .versions import B, dmy, no_version, version_on

# --- ADM-03: sponsors -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SponsorFacts:
    """One sponsor as the rule sees it, on the day the cell considers the case."""

    kind: str
    name: str
    since: date | None
    full_member: bool = False  # full (not probationary) on that day
    same_grassroots: bool = False  # a member of the applicant's grassroots organization


def sponsor_findings(
    sponsors: Sequence[SponsorFacts], on: date, *, youth_union_member: bool = False
) -> list[Finding]:
    """ADM-03: two full members with ≥ 12 months with the applicant in the same grassroots
    organization; a Youth Union member: the grassroots Youth Union committee + one member."""
    version = version_on("ADM-03", on)
    if version is None:
        return [no_version("ADM-03", on)]
    months = version.params["months"]
    findings = []
    members = [s for s in sponsors if s.kind == SponsorKind.MEMBER]
    unions = [s for s in sponsors if s.kind == SponsorKind.YOUTH_UNION]
    if unions and not youth_union_member:
        findings.append(
            Finding(
                "ADM-03",
                B,
                _("Chỉ người là đoàn viên mới được Ban Chấp hành Đoàn cơ sở giới thiệu."),
                "sponsors",
            )
        )
    needed_members = 1 if unions else 2
    if len(unions) > 1 or len(members) + len(unions) != 2 or len(members) != needed_members:
        findings.append(
            Finding(
                "ADM-03",
                B,
                _(
                    "Cần đúng hai người giới thiệu: hai đảng viên chính thức, hoặc Ban Chấp hành "
                    "Đoàn cơ sở và một đảng viên chính thức."
                ),
                "sponsors",
            )
        )
    findings += sponsor_status_findings(members, on)
    for s in members + unions:
        if s.since is None or full_months(s.since, on) < months:
            findings.append(
                Finding(
                    "ADM-03",
                    B,
                    _(
                        "Người giới thiệu %(name)s chưa cùng công tác, học tập, sinh sống với "
                        "người vào Đảng đủ %(months)d tháng."
                    )
                    % {"name": s.name, "months": months},
                    "sponsors",
                )
            )
    return findings


def sponsor_status_findings(sponsors: Sequence[SponsorFacts], on: date) -> list[Finding]:
    """ADM-03, each member sponsor on its own: a full member (not probationary) of the
    applicant's grassroots organization on `on`."""
    findings = []
    members = [s for s in sponsors if s.kind == SponsorKind.MEMBER]
    for s in members:
        if not s.full_member:
            findings.append(
                Finding(
                    "ADM-03",
                    B,
                    _("Người giới thiệu %(name)s không phải đảng viên chính thức ngày %(on)s.")
                    % {"name": s.name, "on": dmy(on)},
                    "sponsors",
                )
            )
        if not s.same_grassroots:
            findings.append(
                Finding(
                    "ADM-03",
                    B,
                    _("Người giới thiệu %(name)s không cùng đảng bộ, chi bộ cơ sở.")
                    % {"name": s.name},
                    "sponsors",
                )
            )
    return findings


# --- ADM-06 / PRB-02: votes ---------------------------------------------------------------------


def two_thirds(base: int) -> int:
    """The smallest number of votes that is at least 2/3 of `base` (8 → 6, 9 → 6, 10 → 7)."""
    return -(-2 * base // 3)


def vote_findings(
    rule_id: str,
    votes_for: int | None,
    votes_against: int | None,
    base: int,
    who: str,
    *,
    need_two_thirds: bool = True,
) -> list[Finding]:
    """ADM-06, PRB-02: at least 2/3 of `base` in favour; no more votes than the base."""
    if votes_for is None:
        return [Finding(rule_id, B, _("Chưa nhập số phiếu tán thành."), "votes_for")]
    votes_against = votes_against or 0
    if votes_for < 0 or votes_against < 0:
        return [Finding(rule_id, B, _("Số phiếu không được âm."), "votes_for")]
    if base <= 0:
        return [Finding(rule_id, B, _("%(who)s không có thành viên để biểu quyết.") % {"who": who})]
    if votes_for + votes_against > base:
        return [
            Finding(
                rule_id,
                B,
                _("Tổng số phiếu (%(n)d) nhiều hơn số thành viên có quyền biểu quyết (%(base)d).")
                % {"n": votes_for + votes_against, "base": base},
                "votes_for",
            )
        ]
    need = two_thirds(base)
    if need_two_thirds and votes_for < need:
        return [
            Finding(
                rule_id,
                B,
                _("%(who)s: %(for)d/%(base)d tán thành, chưa đạt 2/3 (cần ít nhất %(need)d).")
                % {"who": who, "for": votes_for, "base": base, "need": need},
                "votes_for",
            )
        ]
    return []
