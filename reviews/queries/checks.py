"""The review checks with their rule IDs, fed by the discipline app (DIS-05 → REV-02..04).

`member_facts` / `organization_facts` read the disciplines in force in a year in a fixed
number of queries for a whole list of subjects; the pure judgements are in `rules`.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db.models import Count, F, Func, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Length, NullIf, Substr

from core.findings import Finding, Severity
from discipline.enums import SEVERITY, AppealOutcome, DisciplineForm, SubjectKind
from discipline.models import Discipline
from members.models import CommitteeSeat
from organizations.enums import CellCategory, OrgKind
from organizations.models import Organization

from .. import rules
from ..enums import Level
from ..models import OrganizationReview, ReviewRound


def disciplines_in_year(year: int) -> QuerySet[Discipline]:
    """Disciplines decided in the year and not annulled on appeal."""
    return (
        Discipline.objects.filter(decided_on__year=year)
        .exclude(appeal_outcome=AppealOutcome.ANNULLED)
        .select_related("subject_member", "subject_organization")
    )


def _fact(d: Discipline) -> rules.DisciplineFact:
    form = d.effective_form
    assert form is not None  # disciplines_in_year leaves out those annulled on appeal
    return rules.DisciplineFact(
        form=form,
        severity=SEVERITY[form],
        self_remedied=d.self_remedied,
        label=f"{d.subject_label}: {DisciplineForm(form).label} {d.decided_on:%d/%m/%Y}",
    )


def member_facts(member_ids: Iterable[int], year: int) -> dict[int, list[rules.DisciplineFact]]:
    """member id → the disciplines in force in the year (one query)."""
    out: dict[int, list[rules.DisciplineFact]] = defaultdict(list)
    for d in disciplines_in_year(year).filter(subject_member_id__in=list(member_ids)):
        if d.subject_member_id is not None:  # filtered on it
            out[d.subject_member_id].append(_fact(d))
    return out


def organization_facts(
    organizations: Iterable[Organization], year: int
) -> dict[int, tuple[list[rules.DisciplineFact], list[rules.DisciplineFact]]]:
    """organization id → (leadership facts, subordinate facts) for the year (three queries).

    Leadership: members holding a seat on a committee of the organization at some time in
    the year. Subordinates: organizations below it disciplined in the year.
    """
    orgs = list(organizations)
    if not orgs:
        return {}
    start, end = date(year, 1, 1), date(year, 12, 31)
    seats = CommitteeSeat.objects.filter(
        committee__organization__in=orgs, starts_on__lte=end
    ).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=start))
    leaders: dict[int, set[int]] = defaultdict(set)
    for org_id, member_id in seats.values_list("committee__organization_id", "member_id"):
        leaders[org_id].add(member_id)
    all_leaders: set[int] = set().union(*leaders.values()) if leaders else set()
    by_member = member_facts(all_leaders, year) if all_leaders else {}
    prefix = Q()
    for org in orgs:
        prefix |= Q(subject_organization__path__startswith=org.path)
    org_disc = list(
        disciplines_in_year(year).filter(subject_kind=SubjectKind.ORGANIZATION).filter(prefix)
    )
    out: dict[int, tuple[list[rules.DisciplineFact], list[rules.DisciplineFact]]] = {}
    for org in orgs:
        lead = [f for m in leaders.get(org.pk, ()) for f in by_member.get(m, [])]
        subs = [
            _fact(d)
            for d in org_disc
            if d.subject_organization.path.startswith(org.path)
            and d.subject_organization_id != org.pk
        ]
        out[org.pk] = (lead, subs)
    return out


def group_key_expr() -> Func:
    """The group of similar function (REV-03): the organization's category, else its kind."""
    return Coalesce(NullIf(F("organization__category"), Value("")), F("organization__kind"))


def parent_path_expr() -> Func:
    return Substr("organization__path", 1, Length("organization__path") - Organization.steplen)


def cap_counts(
    year: int, *, under: Organization | None = None, parent_path: str | None = None
) -> dict[tuple[str, str], list[int]]:
    """(parent path, group) → [n_excellent, n_good] over decided organization reviews:
    one aggregate query. The group is judged among organizations with the same direct
    superior (the deciding body, REV-05) and the same category or kind."""
    qs = OrganizationReview.objects.filter(year=year)
    if under is not None:
        qs = qs.filter(organization__path__startswith=under.path)
    if parent_path is not None:
        qs = qs.filter(
            organization__path__startswith=parent_path,
            organization__depth=len(parent_path) // Organization.steplen + 1,
        )
    rows = (
        qs.annotate(parent=parent_path_expr(), grp=group_key_expr())
        .values("parent", "grp")
        .annotate(
            n_excellent=Count("pk", filter=Q(decision_level=Level.EXCELLENT)),
            n_good=Count("pk", filter=Q(decision_level=Level.GOOD)),
        )
        .order_by("parent", "grp")
    )
    return {(r["parent"], r["grp"]): [r["n_excellent"], r["n_good"]] for r in rows}


def group_label(key: str) -> str:
    if key in CellCategory.values:
        return str(CellCategory(key).label)
    if key in OrgKind.values:
        return str(OrgKind(key).label)
    return key


def cap_findings_for(
    round_: ReviewRound,
    counts: dict[tuple[str, str], list[int]],
    parents: dict[str, Organization],
) -> list[Finding]:
    """REV-03 cap per group, numbers shown (blocking when the round applies the cap)."""
    rule_set = round_.rules
    if not rule_set.excellent_cap_percent:
        return []
    severity = Severity.BLOCKING if round_.apply_excellent_cap else Severity.INFO
    findings = []
    for (parent, grp), (n_exc, n_good) in counts.items():
        label = group_label(grp)
        if parent in parents:
            label = f"{label} — {parents[parent].name}"
        findings += rules.cap_findings(rule_set, label, n_exc, n_good, severity=severity)
    return findings
