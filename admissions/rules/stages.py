"""ADM-05: which stages a case goes through, decided by the kind of its cell alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from organizations.enums import OrgKind

from ..enums import FULL_STAGE_ORDER, STAGE_ORDER, FullStage, Stage

if TYPE_CHECKING:
    from organizations.models import Organization

    from ..models import AdmissionCase, FullMembershipCase


def has_committee_stage(cell: Organization) -> bool:
    """ADM-05: a cell inside a đảng bộ cơ sở needs the grassroots committee's resolution
    (8-KNĐ); a chi bộ cơ sở goes straight to its superior's decision."""
    return cell.kind != OrgKind.GRASSROOTS_CELL


def stages_for(case: AdmissionCase) -> list[str]:
    """The stages of an admission case (admissions.AdmissionCase), in order."""
    if has_committee_stage(case.cell):
        return list(STAGE_ORDER)
    return [s for s in STAGE_ORDER if s != Stage.COMMITTEE_RESOLUTION]


def full_stages_for(fcase: FullMembershipCase) -> list[str]:
    """The stages of a full-membership case (admissions.FullMembershipCase), in order."""
    if has_committee_stage(fcase.member.organization):
        return list(FULL_STAGE_ORDER)
    return [s for s in FULL_STAGE_ORDER if s != FullStage.COMMITTEE_RESOLUTION]
