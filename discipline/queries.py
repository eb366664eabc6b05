"""Scoped reads of inspections and disciplines, and the INS-02 statistics.

An inspection is visible to whoever reads the conducting organization or the subject's;
a discipline to whoever reads the subject's organization or the deciding one. Anything
else is a 404.
"""

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet, Sum
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django_stubs_ext import StrOrPromise

from accounts.scope import org_read_filter
from members.models import CommitteeSeat, Member
from organizations.models import Organization

from .enums import Activity, Area, InspectionKind, SubjectKind
from .models import Discipline, FollowAssignment, Inspection, InspectionProgramme, Recommendation

if TYPE_CHECKING:
    from accounts.scope import RequestUser


def organizations_for(user: "RequestUser") -> QuerySet[Organization]:
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(org_read_filter(user))


def get_organization_for(user: "RequestUser", pk: int) -> Organization:
    """An organization the user reads as an officer, inspector, secretary or admin (members: 404)."""
    return get_object_or_404(organizations_for(user), pk=pk)


def inspections_for(user: "RequestUser") -> QuerySet[Inspection]:
    if not user.is_authenticated:
        return Inspection.objects.none()
    return Inspection.objects.filter(
        org_read_filter(user, "organization__") | org_read_filter(user, "subject_organization__")
    )


def get_inspection_for(user: "RequestUser", pk: int) -> Inspection:
    return get_object_or_404(
        inspections_for(user).select_related(
            "organization", "subject_organization", "subject_member", "programme"
        ),
        pk=pk,
    )


def disciplines_for(user: "RequestUser") -> QuerySet[Discipline]:
    if not user.is_authenticated:
        return Discipline.objects.none()
    return Discipline.objects.filter(
        org_read_filter(user, "subject_organization__")
        | org_read_filter(user, "deciding_organization__")
    )


def get_discipline_for(user: "RequestUser", pk: int) -> Discipline:
    return get_object_or_404(
        disciplines_for(user).select_related(
            "subject_organization", "subject_member", "deciding_organization", "inspection"
        ),
        pk=pk,
    )


def restoration_tasks(member: Member) -> list[Discipline]:
    """DIS-05: the member's expulsions reduced or annulled on appeal while the register
    still shows the member expelled (one query). For the member page: include
    "discipline/_restore_tasks.html" with tasks=this list."""
    return [
        d
        for d in Discipline.objects.filter(
            subject_member=member, leaving_event__isnull=False
        ).select_related("subject_member", "subject_organization")
        if d.membership_to_restore
    ]


def programmes_for(user: "RequestUser") -> QuerySet[InspectionProgramme]:
    if not user.is_authenticated:
        return InspectionProgramme.objects.none()
    return InspectionProgramme.objects.filter(org_read_filter(user, "organization__"))


def get_recommendation_of(inspection: Inspection, pk: object) -> Recommendation:
    """A recommendation of the inspection (404 for any other)."""
    return get_object_or_404(Recommendation, pk=pk, inspection=inspection)


def disciplines_of(inspection: Inspection) -> QuerySet[Discipline]:
    """The disciplines that followed the inspection, with their subjects."""
    return inspection.disciplines.select_related("subject_member", "subject_organization")


def programmes_of(
    user: "RequestUser", organization: Organization, year: int
) -> QuerySet[InspectionProgramme]:
    """The organization's programmes of the year, when the user reads them."""
    return programmes_for(user).filter(organization=organization, year=year)


def subtree_inspections(
    user: "RequestUser", organization: Organization, *, year: int | None = None
) -> QuerySet[Inspection]:
    qs = inspections_for(user).filter(
        Q(organization__path__startswith=organization.path)
        | Q(subject_organization__path__startswith=organization.path)
    )
    if year:
        qs = qs.filter(starts_on__year=year)
    return qs.select_related("organization", "subject_organization", "subject_member").annotate(
        n_recommendations=Count("recommendations"),
        n_open=Count("recommendations", filter=Q(recommendations__completed_on__isnull=True)),
    )


def subtree_disciplines(
    user: "RequestUser", organization: Organization, *, year: int | None = None
) -> QuerySet[Discipline]:
    qs = disciplines_for(user).filter(
        Q(subject_organization__path__startswith=organization.path)
        | Q(deciding_organization__path__startswith=organization.path)
    )
    if year:
        qs = qs.filter(
            Q(decided_on__year=year) | Q(decided_on__isnull=True, offence_on__year__lte=year)
        )
    return qs.select_related("subject_organization", "subject_member", "deciding_organization")


def subtree_assignments(
    organization: Organization, *, year: int | None = None
) -> QuerySet[FollowAssignment]:
    qs = FollowAssignment.objects.filter(organization__path__startswith=organization.path)
    if year:
        qs = qs.filter(starts_on__lte=date(year, 12, 31)).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=date(year, 1, 1))
        )
    return qs.select_related("member", "followed", "organization")


def open_recommendations(inspection: Inspection) -> QuerySet[Recommendation]:
    return Recommendation.objects.filter(inspection=inspection).order_by("due_on", "id")


def holds_post(member: Member, *days: date | None) -> bool:
    """DIS-01: the member holds a post (a committee seat open) on any of the given days."""
    q = Q()
    for d in days:
        if d is None:
            continue
        q |= Q(starts_on__lte=d) & (Q(ends_on__isnull=True) | Q(ends_on__gte=d))
    if not q:
        return False
    return CommitteeSeat.objects.filter(member=member).filter(q).exists()


# --- INS-02 statistics -----------------------------------------------------------------


@dataclass
class InspectionStats:
    organization: Organization
    date_from: date
    date_to: date
    orgs_on_signs: int
    members_on_signs: int
    finance_inspections: int
    finance_orgs: int
    inspections: int
    supervisions: int
    supervised_orgs: int
    supervised_members: int
    assigned_members: int
    followed_orgs: int
    disciplined_orgs: int
    disciplined_members: int

    def rows(self) -> list[tuple[StrOrPromise, int]]:
        """(label, value) in the order a report prints them."""
        return [
            (_("Tổ chức đảng được kiểm tra khi có dấu hiệu vi phạm"), self.orgs_on_signs),
            (_("Đảng viên được kiểm tra khi có dấu hiệu vi phạm"), self.members_on_signs),
            (_("Cuộc kiểm tra tài chính đảng"), self.finance_inspections),
            (_("Tổ chức đảng cấp dưới được kiểm tra tài chính"), self.finance_orgs),
            (_("Tổng số cuộc kiểm tra"), self.inspections),
            (_("Số cuộc giám sát"), self.supervisions),
            (_("Tổ chức đảng được giám sát"), self.supervised_orgs),
            (_("Đảng viên được giám sát"), self.supervised_members),
            (_("Cấp ủy viên được phân công theo dõi địa bàn, lĩnh vực"), self.assigned_members),
            (_("Tổ chức đảng có cấp ủy viên theo dõi"), self.followed_orgs),
            (_("Tổ chức đảng bị kỷ luật"), self.disciplined_orgs),
            (_("Đảng viên bị kỷ luật"), self.disciplined_members),
        ]


def inspection_stats(organization: Organization, date_from: date, date_to: date) -> InspectionStats:
    """INS-02 for the subtree of `organization`, cases started in [date_from, date_to]:
    three aggregate queries whatever the number of cases.

    "Finance inspections of subordinate organizations" are inspections with the party
    finances area of an organization below the conducting one.
    """
    cases = Inspection.objects.filter(
        organization__path__startswith=organization.path,
        starts_on__gte=date_from,
        starts_on__lte=date_to,
    )
    insp = Q(activity=Activity.INSPECTION)
    signs = insp & Q(kind=InspectionKind.SIGNS_OF_VIOLATION)
    on_org = Q(subject_kind=SubjectKind.ORGANIZATION)
    on_member = Q(subject_kind=SubjectKind.MEMBER)
    sup = Q(activity=Activity.SUPERVISION)
    agg = cases.aggregate(
        orgs_on_signs=Count("subject_organization", filter=signs & on_org, distinct=True),
        members_on_signs=Count("subject_member", filter=signs & on_member, distinct=True),
        inspections=Count("pk", filter=insp),
        supervisions=Count("pk", filter=sup),
        supervised_orgs=Count("subject_organization", filter=sup & on_org, distinct=True),
        supervised_single=Count("subject_member", filter=sup & on_member, distinct=True),
        supervised_covered=Sum("members_covered", filter=sup, default=0),
    )
    # The quoted value inside the JSON list's text: the same on SQLite and PostgreSQL.
    finance_cases = cases.filter(insp & on_org, areas__icontains=f'"{Area.FINANCES.value}"')
    fin = finance_cases.exclude(subject_organization=organization).aggregate(
        n=Count("pk"), orgs=Count("subject_organization", distinct=True)
    )
    follow = FollowAssignment.objects.filter(
        organization__path__startswith=organization.path, starts_on__lte=date_to
    ).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=date_from))
    follow_agg = follow.aggregate(
        members=Count("member", distinct=True), orgs=Count("followed", distinct=True)
    )
    disc = Discipline.objects.filter(
        subject_organization__path__startswith=organization.path,
        decided_on__gte=date_from,
        decided_on__lte=date_to,
    ).aggregate(
        orgs=Count(
            "subject_organization", filter=Q(subject_kind=SubjectKind.ORGANIZATION), distinct=True
        ),
        members=Count("subject_member", filter=Q(subject_kind=SubjectKind.MEMBER), distinct=True),
    )
    return InspectionStats(
        organization=organization,
        date_from=date_from,
        date_to=date_to,
        orgs_on_signs=agg["orgs_on_signs"],
        members_on_signs=agg["members_on_signs"],
        finance_inspections=fin["n"],
        finance_orgs=fin["orgs"],
        inspections=agg["inspections"],
        supervisions=agg["supervisions"],
        supervised_orgs=agg["supervised_orgs"],
        supervised_members=agg["supervised_single"] + (agg["supervised_covered"] or 0),
        assigned_members=follow_agg["members"],
        followed_orgs=follow_agg["orgs"],
        disciplined_orgs=disc["orgs"],
        disciplined_members=disc["members"],
    )
