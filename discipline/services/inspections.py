"""ORG-04 inspection commissions and INS-01 programmes, inspections, conclusions and recommendations."""

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.findings import Finding, Severity
from members.models import Member
from organizations.models import Organization

from .. import rules
from ..enums import (
    Activity,
    DecidingBody,
    SubjectKind,
)
from ..models import (
    FollowAssignment,
    Inspection,
    InspectionCommission,
    InspectionProgramme,
    Recommendation,
)
from .common import check_areas

if TYPE_CHECKING:
    from accounts.models import User

# --- ORG-04 ----------------------------------------------------------------------------


@transaction.atomic
def create_commission(
    *, organization: Organization, established_on: date | None = None, by: "User"
) -> InspectionCommission:
    """ORG-04: refused for a cell, a sub-committee or a party group."""
    if not rules.has_commission_kind(organization.kind):
        raise ValidationError(
            {
                "organization": str(
                    Finding(
                        "ORG-04",
                        Severity.BLOCKING,
                        _("Chỉ từ đảng bộ cơ sở trở lên mới có ủy ban kiểm tra; chi bộ không có."),
                    )
                )
            }
        )
    commission, _created = InspectionCommission.objects.get_or_create(
        organization=organization, defaults={"established_on": established_on}
    )
    return commission


# --- INS-01 ----------------------------------------------------------------------------


@transaction.atomic
def create_programme(
    *, organization: Organization, year: int, title: str, note: str = "", by: "User"
) -> InspectionProgramme:
    if InspectionProgramme.objects.filter(
        organization=organization, year=year, title=title
    ).exists():
        raise ValidationError({"title": _("Chương trình này đã có trong năm.")})
    return InspectionProgramme.objects.create(
        organization=organization, year=year, title=title, note=note, created_by=by
    )


@transaction.atomic
def create_inspection(
    *,
    organization: Organization,
    activity: str,
    kind: str,
    starts_on: date,
    subject_organization: "Organization | None" = None,
    subject_member: "Member | None" = None,
    by: "User",
    **fields: Any,
) -> Inspection:
    """INS-01: a case on an organization or a member of the conducting organization's
    subtree. Conducted by an inspection commission only where one may exist (ORG-04)."""
    if (subject_organization is None) == (subject_member is None):
        raise ValidationError({"__all__": _("Chọn một đối tượng: tổ chức đảng hoặc đảng viên.")})
    if subject_member is not None:
        subject_organization = subject_member.organization
        subject_kind = SubjectKind.MEMBER
    else:
        subject_kind = SubjectKind.ORGANIZATION
    assert subject_organization is not None  # one subject, checked above
    if not subject_organization.path.startswith(organization.path):
        raise ValidationError(
            {"__all__": _("Đối tượng không thuộc phạm vi của tổ chức tiến hành.")}
        )
    if fields.get(
        "conducted_by"
    ) == DecidingBody.INSPECTION_COMMISSION and not rules.has_commission_kind(organization.kind):
        raise ValidationError(
            {
                "conducted_by": str(
                    Finding(
                        "ORG-04",
                        Severity.BLOCKING,
                        _("Tổ chức này không có ủy ban kiểm tra (chỉ từ đảng bộ cơ sở trở lên)."),
                    )
                )
            }
        )
    if (
        fields.get("conducted_by") in (DecidingBody.CELL_COMMITTEE,)
        and activity == Activity.INSPECTION
    ):
        pass  # a cell committee may inspect and supervise its members (no restriction recorded)
    ends_on = fields.get("ends_on")
    if ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": _("Ngày kết thúc trước ngày bắt đầu.")})
    fields["areas"] = check_areas(fields.get("areas"))
    return Inspection.objects.create(
        organization=organization,
        activity=activity,
        kind=kind,
        starts_on=starts_on,
        subject_kind=subject_kind,
        subject_organization=subject_organization,
        subject_member=subject_member,
        created_by=by,
        **fields,
    )


@transaction.atomic
def conclude_inspection(
    inspection: Inspection,
    *,
    findings: str,
    conclusion: str,
    concluded_on: date,
    violation_found: bool = False,
    ends_on: date | None = None,
    by: "User",
) -> Inspection:
    if concluded_on < inspection.starts_on:
        raise ValidationError({"concluded_on": _("Ngày kết luận trước ngày bắt đầu.")})
    inspection.findings = findings
    inspection.conclusion = conclusion
    inspection.concluded_on = concluded_on
    inspection.violation_found = violation_found
    inspection.ends_on = ends_on or inspection.ends_on or concluded_on
    if inspection.ends_on < inspection.starts_on:
        raise ValidationError({"ends_on": _("Ngày kết thúc trước ngày bắt đầu.")})
    inspection.save()
    return inspection


@transaction.atomic
def add_recommendation(
    inspection: Inspection, *, text: str, due_on: date | None = None, by: "User"
) -> Recommendation:
    if due_on and due_on < inspection.starts_on:
        raise ValidationError({"due_on": _("Hạn thực hiện trước ngày bắt đầu kiểm tra.")})
    return Recommendation.objects.create(inspection=inspection, text=text, due_on=due_on)


@transaction.atomic
def complete_recommendation(
    recommendation: Recommendation, *, completed_on: date, note: str = "", by: "User"
) -> Recommendation:
    if completed_on < recommendation.inspection.starts_on:
        raise ValidationError({"completed_on": _("Ngày hoàn thành trước ngày kiểm tra.")})
    recommendation.completed_on = completed_on
    recommendation.completion_note = note
    recommendation.save()
    return recommendation


@transaction.atomic
def assign_follow(
    *,
    organization: Organization,
    member: Member,
    followed: Organization,
    starts_on: date,
    areas: Iterable[str] = (),
    ends_on: date | None = None,
    by: "User",
) -> FollowAssignment:
    """A committee member of `organization` assigned to follow `followed` (INS-02)."""
    if not followed.path.startswith(organization.path):
        raise ValidationError({"followed": _("Tổ chức được theo dõi không thuộc phạm vi cấp ủy.")})
    if ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": _("Ngày kết thúc trước ngày bắt đầu.")})
    if not member.seats.filter(committee__organization=organization).exists():
        raise ValidationError({"member": _("Đảng viên không phải cấp ủy viên của tổ chức này.")})
    return FollowAssignment.objects.create(
        organization=organization,
        member=member,
        followed=followed,
        areas=check_areas(areas),
        starts_on=starts_on,
        ends_on=ends_on,
    )
