"""Review results in the shape the articles print (REV-06): counts and shares per level
for organizations and members, by category, legacy labels for old years, trends and
drill-down. SQL aggregates, a fixed number of queries whatever the subtree's size."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Substr
from django.utils.translation import gettext as _

from core.documents import percent
from organizations.enums import CELL_KINDS, GRASSROOTS_KINDS, CellCategory
from organizations.models import Organization

from .. import rules
from ..enums import Level, Subject
from ..models import MemberReview, OrganizationReview

# --- results (REV-06) ----------------------------------------------------------------------


@dataclass
class LevelCount:
    level: str
    label: str
    abbreviation: str
    count: int
    share: str  # "8,5%", as the articles print it
    fraction: Decimal | None  # the same share as a number: 0.085 (None: nothing decided)


@dataclass
class ResultTable:
    title: str
    total: int
    levels: list[LevelCount]
    sentence: str
    legacy_lines: list[str] = field(default_factory=list)


def fraction(n: int, total: int) -> Decimal | None:
    """n of total as a fraction (5 of 59 → 0.0847…), the one figure behind the share the
    page, the report and the XLSX show; None when nothing was counted."""
    if not total:
        return None
    return Decimal(n) / Decimal(total)


def share(n: int, total: int) -> str:
    """One decimal, comma separator, as the articles print it: 5 of 59 → "8,5%"."""
    return percent(fraction(n, total), 1)


def _counts_kwargs(levels: Iterable[str]) -> dict[str, Count]:
    kwargs = {"total": Count("pk")}
    for level in levels:
        kwargs[f"n_{level}"] = Count("pk", filter=Q(decision_level=level))
    return kwargs


def _table(
    title: str, row: Mapping[str, Any], rule_set: rules.RuleSet, subject: str, subject_word: str
) -> ResultTable:
    levels = rule_set.levels(subject)
    total = row.get("total") or 0
    counts = [
        LevelCount(
            level=lv,
            label=rule_set.label(lv, subject),
            abbreviation=str(rules.ABBREVIATIONS[lv]),
            count=row.get(f"n_{lv}") or 0,
            share=share(row.get(f"n_{lv}") or 0, total),
            fraction=fraction(row.get(f"n_{lv}") or 0, total),
        )
        for lv in levels
    ]
    parts = [f"{c.count} {c.abbreviation} = {c.share}" for c in counts if c.count]
    if total:
        sentence = _("%(n)s %(what)s được đánh giá: %(parts)s") % {
            "n": total,
            "what": subject_word,
            "parts": ", ".join(parts),
        }
    else:
        # No decided review: no count and no share is printed (nothing to compute them from).
        sentence = _("Chưa có %(what)s nào được quyết định xếp loại.") % {"what": subject_word}
    table = ResultTable(title=title, total=total, levels=counts, sentence=sentence)
    if rule_set.legacy and subject == Subject.ORGANIZATION and total:
        tsvm = row.get(f"n_{Level.CLEAN_STRONG}") or 0
        weak = row.get(f"n_{Level.WEAK}") or 0
        table.legacy_lines = [
            _("%(s)s tổ chức cơ sở đảng đạt trong sạch, vững mạnh") % {"s": share(tsvm, total)},
            _("%(n)s tổ chức cơ sở đảng yếu kém") % {"n": weak}
            if weak
            else _("Không có tổ chức cơ sở đảng yếu kém"),
        ]
    return table


@dataclass
class Results:
    organization: Organization
    year: int
    rule_set: rules.RuleSet
    grassroots: ResultTable
    members: ResultTable
    org_by_category: list[ResultTable]
    member_by_category: list[ResultTable]
    drill: list[dict[str, Any]]
    trend: dict[str, Any]

    @property
    def empty(self) -> bool:
        """No decided review in the subtree for the year: the page says so, no numbers."""
        return not self.grassroots.total and not self.members.total


def decided_org_reviews(
    organization: Organization, year: int | None = None
) -> QuerySet[OrganizationReview]:
    qs = (
        OrganizationReview.objects.filter(organization__path__startswith=organization.path)
        .exclude(decision_level="")
        .exclude(organization=organization)
    )
    return qs.filter(year=year) if year else qs


def decided_member_reviews(
    organization: Organization, year: int | None = None
) -> QuerySet[MemberReview]:
    qs = MemberReview.objects.filter(organization__path__startswith=organization.path).exclude(
        decision_level=""
    )
    return qs.filter(year=year) if year else qs


def _category_label(key: str) -> str:
    return str(CellCategory(key).label) if key in CellCategory.values else _("Chưa phân loại")


def results(organization: Organization, year: int, *, trend_years: int = 10) -> Results:
    """REV-06 results of the subtree and year: grassroots organizations (TCCSĐ) and members
    by level, both by category, the drill-down into the children, the trend over the years.
    Eight aggregate queries whatever the size of the subtree."""
    rule_set = rules.rule_set_for(year)
    levels_org = rule_set.org_levels
    grassroots = decided_org_reviews(organization, year).filter(
        organization__kind__in=GRASSROOTS_KINDS
    )
    g_row = grassroots.aggregate(**_counts_kwargs(levels_org))
    members = decided_member_reviews(organization, year)
    m_row = members.aggregate(**_counts_kwargs(rule_set.member_levels))
    org_cat = (
        decided_org_reviews(organization, year)
        .filter(organization__kind__in=CELL_KINDS)
        .values("organization__category")
        .annotate(**_counts_kwargs(levels_org))
        .order_by("organization__category")
    )
    mem_cat = (
        members.values("organization__category")
        .annotate(**_counts_kwargs(rule_set.member_levels))
        .order_by("organization__category")
    )
    org_by_category = [
        _table(
            _category_label(r["organization__category"]),
            r,
            rule_set,
            Subject.ORGANIZATION,
            _("chi bộ"),
        )
        for r in org_cat
    ]
    member_by_category = [
        _table(
            _category_label(r["organization__category"]),
            r,
            rule_set,
            Subject.MEMBER,
            _("đảng viên"),
        )
        for r in mem_cat
    ]
    return Results(
        organization=organization,
        year=year,
        rule_set=rule_set,
        grassroots=_table(
            _("Tổ chức cơ sở đảng"), g_row, rule_set, Subject.ORGANIZATION, _("tổ chức cơ sở đảng")
        ),
        members=_table(_("Đảng viên"), m_row, rule_set, Subject.MEMBER, _("đảng viên")),
        org_by_category=org_by_category,
        member_by_category=member_by_category,
        drill=drill_down(organization, year, rule_set),
        trend=trend(organization, year, trend_years),
    )


def drill_down(
    organization: Organization, year: int, rule_set: rules.RuleSet
) -> list[dict[str, Any]]:
    """One row per child organization: its grassroots organizations and members by level
    (three queries: the children, then one aggregate each grouped by the child's path)."""
    children = list(Organization.objects.get_children(organization))
    if not children:
        return []
    width = (organization.depth + 1) * Organization.steplen
    child_path = Substr("organization__path", 1, width)
    org_rows = {
        r["child"]: r
        for r in decided_org_reviews(organization, year)
        .filter(organization__kind__in=GRASSROOTS_KINDS)
        .annotate(child=child_path)
        .values("child")
        .annotate(**_counts_kwargs(rule_set.org_levels))
    }
    mem_rows = {
        r["child"]: r
        for r in decided_member_reviews(organization, year)
        .annotate(child=child_path)
        .values("child")
        .annotate(**_counts_kwargs(rule_set.member_levels))
    }
    out = []
    for child in children:
        o: Mapping[str, Any] = org_rows.get(child.path, {})
        m: Mapping[str, Any] = mem_rows.get(child.path, {})
        out.append(
            {
                "organization": child,
                "orgs": _table(
                    child.name, o, rule_set, Subject.ORGANIZATION, _("tổ chức cơ sở đảng")
                ),
                "members": _table(child.name, m, rule_set, Subject.MEMBER, _("đảng viên")),
            }
        )
    return out


# The chart folds legacy levels into their modern counterparts (TSVM with HTXS, weak with KHT).
TREND_BUCKETS = (
    (Level.EXCELLENT, (Level.EXCELLENT, Level.CLEAN_STRONG)),
    (Level.GOOD, (Level.GOOD,)),
    (Level.COMPLETED, (Level.COMPLETED,)),
    (Level.FAILED, (Level.FAILED, Level.WEAK)),
)


def trend(organization: Organization, year: int, years: int = 10) -> dict[str, Any]:
    """Shares per level per year for the grassroots organizations of the subtree (one
    query), ready for Chart.js through json_script."""
    first = year - years + 1
    kwargs = {"total": Count("pk")}
    for bucket, levels in TREND_BUCKETS:
        kwargs[f"n_{bucket}"] = Count("pk", filter=Q(decision_level__in=levels))
    rows: list[Mapping[str, Any]] = list(
        decided_org_reviews(organization)
        .filter(year__gte=first, year__lte=year, organization__kind__in=GRASSROOTS_KINDS)
        .values("year")
        .annotate(**kwargs)
        .order_by("year")
    )
    labels = [str(r["year"]) for r in rows]
    datasets = []
    for bucket, _levels in TREND_BUCKETS:
        label = f"{rules.ABBREVIATIONS[bucket]}"
        if bucket == Level.EXCELLENT:
            label = _("HTXS (trước 2018: TSVM)")
        elif bucket == Level.FAILED:
            label = _("KHT (trước 2018: yếu kém)")
        datasets.append(
            {
                "key": str(bucket),
                "label": str(label),
                "data": [
                    round(100 * r[f"n_{bucket}"] / r["total"], 1) if r["total"] else 0 for r in rows
                ],
            }
        )
    return {"labels": labels, "datasets": datasets, "totals": [r["total"] for r in rows]}


def result_rows(tables: Iterable[ResultTable]) -> list[dict[str, Any]]:
    """The tables as rows (group, label, abbreviation, count, share, fraction, total): the
    XLSX sheets write the fraction, the DOCX report prints the share."""
    rows = []
    for table in tables:
        for c in table.levels:
            rows.append(
                {
                    "group": table.title,
                    "label": c.label,
                    "abbreviation": c.abbreviation,
                    "count": c.count,
                    "share": c.share,
                    "fraction": c.fraction,
                    "total": table.total,
                }
            )
    return rows
