"""Scoped reads of the annual review, the round page with the checks of every listed review
and the missing reviews, and the checks of one review page. The results in the shape the
articles print (REV-06) are in reviews.queries.results."""

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from accounts.scope import org_read_filter
from core.findings import Finding, Severity
from members.enums import ACTIVE_STATUSES
from members.models import Exemption, Member
from members.queries.register import members_for, membership_on
from organizations.enums import OrgKind
from organizations.models import Organization

from .. import rules
from ..enums import Subject
from ..models import MemberReview, OrganizationReview, ReviewRound
from .checks import cap_counts, cap_findings_for, member_facts, organization_facts

if TYPE_CHECKING:
    from accounts.scope import RequestUser

# Kinds reviewed as organizations by their superior (party groups are not).
REVIEWED_KINDS = frozenset(OrgKind.values) - {OrgKind.PARTY_GROUP, OrgKind.PROVINCE}
# Kinds below grassroots level: their members are decided by the grassroots committee.
BELOW_GRASSROOTS = frozenset({OrgKind.CELL, OrgKind.PARTY_GROUP, OrgKind.SUB_COMMITTEE})


# --- scope ----------------------------------------------------------------------------


def covering_round(path: str, year: int) -> ReviewRound | None:
    """The nearest round opened at `path` or above it for the year."""
    step = Organization.steplen
    prefixes = [path[:i] for i in range(step, len(path) + 1, step)]
    return (
        ReviewRound.objects.filter(year=year, organization__path__in=prefixes)
        .select_related("organization")
        .order_by("-organization__depth")
        .first()
    )


def organizations_for(user: "RequestUser") -> QuerySet[Organization]:
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(org_read_filter(user))


def get_organization_for(user: "RequestUser", pk: int) -> Organization:
    return get_object_or_404(organizations_for(user), pk=pk)


def get_member_for(user: "RequestUser", pk: int) -> Member:
    """Members read their own review; others read the members in their part of the tree."""
    return get_object_or_404(members_for(user).select_related("organization", "user"), pk=pk)


def competent_body(organization: Organization) -> Organization:
    """REV-05: who decides a member's rating: the grassroots organization (or the cell
    itself when it is a chi bộ cơ sở); a chi bộ trực thuộc proposes only."""
    if organization.kind not in BELOW_GRASSROOTS:
        return organization
    for ancestor in reversed(Organization.objects.get_ancestors(organization)):
        if ancestor.kind not in BELOW_GRASSROOTS:
            return ancestor
    return organization


# --- the round page ---------------------------------------------------------------------


@dataclass
class Missing:
    subject: object
    reason: str
    configurable: bool = False


@dataclass
class RoundPage:
    organization: Organization
    year: int
    rule_set: rules.RuleSet
    round: ReviewRound | None
    org_reviews: list[OrganizationReview]
    member_reviews: list[MemberReview]
    missing_orgs: list[Missing]
    missing_members: list[Missing]
    findings: list[Finding] = field(default_factory=list)
    member_total: int = 0
    missing_orgs_total: int = 0
    missing_members_total: int = 0


def _year_end(year: int) -> date:
    return date(year, 12, 31)


def round_page(
    organization: Organization,
    year: int,
    *,
    member_page: int = 1,
    missing_page: int = 1,
    per_page: int = 50,
) -> RoundPage:
    """Everything the round page shows for the subtree of `organization`, with the checks
    of every listed review (REV-02..04) and the missing reviews, in a fixed number of queries."""
    round_ = covering_round(organization.path, year)
    rule_set = round_.rules if round_ else rules.rule_set_for(year)
    sub = Q(organization__path__startswith=organization.path)
    org_reviews = list(
        OrganizationReview.objects.filter(sub, year=year)
        .exclude(organization=organization)
        .select_related("organization", "self_by", "proposal_by", "decision_by")
        .order_by("organization__path")
    )
    member_qs = MemberReview.objects.filter(sub, year=year)
    member_total = member_qs.count()
    start = (member_page - 1) * per_page
    member_reviews = list(
        member_qs.select_related(
            "member", "organization", "self_by", "proposal_by", "decision_by"
        ).order_by("organization__path", "member__sort_key", "id")[start : start + per_page]
    )
    findings: list[Finding] = []
    # Discipline checks (REV-02..04) on the decided levels.
    facts = member_facts([r.member_id for r in member_reviews], year)
    for r in member_reviews:
        r.findings = []
        level = r.decision_level or r.proposal_level or r.self_level
        if level:
            r.findings = rules.member_discipline_findings(
                r.rules, level, facts.get(r.member_id, [])
            )
            r.findings += (
                rules.score_findings(r.rules, level, r.decision_score if r.decision_level else None)
                if r.decision_level
                else []
            )
        findings += [Finding(f.rule_id, f.severity, f"{r.member}: {f.message}") for f in r.findings]
    org_facts = organization_facts([r.organization for r in org_reviews], year)
    for o in org_reviews:
        o.findings = []
        level = o.decision_level or o.proposal_level or o.self_level
        if level:
            lead, subs = org_facts.get(o.organization_id, ([], []))
            o.findings = rules.organization_discipline_findings(o.rules, level, lead, subs)
        findings += [
            Finding(f.rule_id, f.severity, f"{o.organization}: {f.message}") for f in o.findings
        ]
    if round_ is not None:
        counts = cap_counts(year, under=organization)
        parents = {o.path: o for o in Organization.objects.filter(path__in=[p for p, _g in counts])}
        findings += cap_findings_for(round_, counts, parents)
    missing = missing_reviews(organization, year, round_, page=missing_page, per_page=per_page)
    return RoundPage(
        organization=organization,
        year=year,
        rule_set=rule_set,
        round=round_,
        org_reviews=org_reviews,
        member_reviews=member_reviews,
        missing_orgs=missing.orgs,
        missing_members=missing.members,
        findings=findings,
        member_total=member_total,
        missing_orgs_total=missing.orgs_total,
        missing_members_total=missing.members_total,
    )


@dataclass
class MissingPage:
    """One page of the missing reviews: organizations and members share the page number
    (each list `per_page` long), with the totals for the page links."""

    orgs: list[Missing]
    members: list[Missing]
    orgs_total: int
    members_total: int


def missing_reviews(
    organization: Organization,
    year: int,
    round_: ReviewRound | None,
    *,
    page: int = 1,
    per_page: int = 50,
) -> MissingPage:
    """Organizations and members of the subtree not yet reviewed for the year, with the
    reason; the reasons that depend on the round's [u] settings say so. Paginated: four
    queries (a count and a page of each) whatever the size of the subtree."""
    end = _year_end(year)
    start = (max(page, 1) - 1) * per_page
    orgs = (
        Organization.objects.filter(path__startswith=organization.path, kind__in=REVIEWED_KINDS)
        .exclude(pk=organization.pk)
        .filter(Q(established_on__isnull=True) | Q(established_on__lte=end))
        .filter(Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=end))
        .exclude(Exists(OrganizationReview.objects.filter(organization=OuterRef("pk"), year=year)))
    )
    orgs_total = orgs.count()
    missing_orgs = [
        Missing(o, _("Chưa đánh giá")) for o in orgs.order_by("path")[start : start + per_page]
    ]
    in_force = membership_on(end).filter(organization__path__startswith=organization.path)
    members = Member.objects.filter(
        pk__in=in_force.values("member_id"), status__in=ACTIVE_STATUSES
    ).exclude(Exists(MemberReview.objects.filter(member=OuterRef("pk"), year=year)))
    members_total = members.count()
    rows = (
        members.annotate(
            exempt_at_end=Exists(
                Exemption.objects.filter(member=OuterRef("pk"), starts_on__lte=end).filter(
                    Q(ends_on__isnull=True) | Q(ends_on__gte=end)
                )
            )
        )
        .select_related("organization")
        .order_by("organization__path", "sort_key", "pk")[start : start + per_page]
    )
    missing_members = []
    for m in rows:
        if round_ and round_.cutoff_on and m.admitted_on and m.admitted_on > round_.cutoff_on:
            missing_members.append(
                Missing(
                    m,
                    _("Kết nạp sau ngày chốt danh sách %(d)s")
                    % {"d": round_.cutoff_on.strftime("%d/%m/%Y")},
                    True,
                )
            )
        elif m.exempt_at_end and not (round_ and round_.review_exempted):
            missing_members.append(Missing(m, _("Được miễn công tác, sinh hoạt đảng"), True))
        else:
            missing_members.append(Missing(m, _("Chưa đánh giá")))
    return MissingPage(missing_orgs, missing_members, orgs_total, members_total)


def own_reviews(member: Member) -> QuerySet[MemberReview]:
    return MemberReview.objects.filter(member=member).order_by("-year")


def review_findings(review: MemberReview | OrganizationReview, subject: str) -> list[Finding]:
    """The checks of one review page (its highest step so far)."""
    level = review.decision_level or review.proposal_level or review.self_level
    if not level:
        return []
    findings: list[Finding] = []
    if subject == Subject.MEMBER:
        assert isinstance(review, MemberReview)  # the page of a member's review
        facts = member_facts([review.member_id], review.year).get(review.member_id, [])
        findings += rules.member_discipline_findings(
            review.rules, level, facts, severity=Severity.WARNING
        )
    else:
        assert isinstance(review, OrganizationReview)  # the page of an organization's review
        lead, subs = organization_facts([review.organization], review.year).get(
            review.organization_id, ([], [])
        )
        findings += rules.organization_discipline_findings(
            review.rules, level, lead, subs, severity=Severity.WARNING
        )
    return findings
