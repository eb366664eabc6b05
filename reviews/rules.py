"""Rule sets of the annual review, chosen by the year under review (REV-01..04), and the
checks that judge a rating against them (REV-02..04, discipline from DIS-05).

Rule sets are data: each names its source document, the years it applies to and how
sure we are of it ([c] confirmed, [s] secondary, [u] unconfirmed — see RULES.md). A leaf
module: no models are imported; the checks take plain values and return
`core.findings.Finding`s.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from core.findings import Finding, Severity

from .enums import RANK, Level, Subject

L = Level


@dataclass(frozen=True)
class RuleSet:
    code: str
    document: StrOrPromise
    first_year: int | None
    last_year: int | None
    confidence: str
    org_levels: tuple[str, ...]  # best first
    member_levels: tuple[str, ...]
    scored: bool = False
    legacy: bool = False
    # REV-03: HTXS organizations at most this share of those rated HTT, per group.
    excellent_cap_percent: int | None = None
    # Whether the cap is applied by default (a [u] default an organization may change).
    cap_by_default: bool = False
    # (subject, level) → label where it differs from Level
    labels: dict[tuple[str, str], StrOrPromise] = field(default_factory=dict)

    def levels(self, subject: str) -> tuple[str, ...]:
        return self.org_levels if subject == Subject.ORGANIZATION else self.member_levels

    def label(self, level: str, subject: str = Subject.ORGANIZATION) -> str:
        custom = self.labels.get((subject, level))
        return str(custom if custom is not None else Level(level).label)

    def covers(self, year: int) -> bool:
        return (self.first_year is None or year >= self.first_year) and (
            self.last_year is None or year <= self.last_year
        )


FOUR = (L.EXCELLENT, L.GOOD, L.COMPLETED, L.FAILED)

REV_01 = RuleSet(
    code="REV-01",
    document=gettext_lazy(
        "Hướng dẫn đánh giá chất lượng tổ chức cơ sở đảng, đảng viên (trước 2018)"
    ),
    first_year=None,
    last_year=2017,
    confidence="u",
    org_levels=(L.CLEAN_STRONG, L.GOOD, L.COMPLETED, L.WEAK),
    member_levels=FOUR,
    legacy=True,
    labels={
        (Subject.MEMBER, L.EXCELLENT): gettext_lazy("Đủ tư cách, hoàn thành xuất sắc nhiệm vụ"),
        (Subject.MEMBER, L.GOOD): gettext_lazy("Đủ tư cách, hoàn thành tốt nhiệm vụ"),
        (Subject.MEMBER, L.COMPLETED): gettext_lazy("Đủ tư cách, hoàn thành nhiệm vụ"),
        (Subject.MEMBER, L.FAILED): gettext_lazy("Vi phạm tư cách hoặc không hoàn thành nhiệm vụ"),
    },
)
REV_02 = RuleSet(
    code="REV-02",
    document=gettext_lazy("Quy định 132-QĐ/TW (2018)"),
    first_year=2018,
    last_year=2022,
    confidence="c",
    org_levels=FOUR,
    member_levels=FOUR,
)
REV_03 = RuleSet(
    code="REV-03",
    document=gettext_lazy("Quy định 124-QĐ/TW (2023)"),
    first_year=2023,
    last_year=2024,
    confidence="c",
    org_levels=FOUR,
    member_levels=FOUR,
    excellent_cap_percent=20,
    cap_by_default=True,
)
REV_04 = RuleSet(
    code="REV-04",
    document=gettext_lazy("Quy định 366-QĐ/TW (30/8/2025), Hướng dẫn 43-HD/BTCTW"),
    first_year=2025,
    last_year=None,
    confidence="c",
    org_levels=FOUR,
    member_levels=FOUR,
    scored=True,
    # [u] whether the 20% cap continues under 366-QĐ/TW: off by default, configurable per round.
    excellent_cap_percent=20,
    cap_by_default=False,
)
RULE_SETS = (REV_01, REV_02, REV_03, REV_04)
BY_CODE = {r.code: r for r in RULE_SETS}

# Short labels the articles use.
ABBREVIATIONS: dict[str, StrOrPromise] = {
    L.EXCELLENT: "HTXS",
    L.GOOD: "HTT",
    L.COMPLETED: "HT",
    L.FAILED: "KHT",
    L.CLEAN_STRONG: "TSVM",
    L.WEAK: gettext_lazy("yếu kém"),
}


def rule_set_for(year: int) -> RuleSet:
    """The rule set in force for the year under review (REV-01..04)."""
    for rule_set in RULE_SETS:
        if rule_set.covers(year):
            return rule_set
    raise ValueError(year)


# --- REV-04: the 100-point score ---------------------------------------------------------

SCORE_MIN, SCORE_MAX = 0, 100
# (lowest score, level): HTXS ≥ 90, HTT 70–<90, HT 50–<70, KHT < 50.
SCORE_BANDS = ((90, L.EXCELLENT), (70, L.GOOD), (50, L.COMPLETED), (0, L.FAILED))


def band_level(score: int) -> str:
    for low, level in SCORE_BANDS:
        if score >= low:
            return level
    return L.FAILED


def level_findings(rule_set: RuleSet, subject: str, level: str) -> list[Finding]:
    """A level that does not exist in that year's rule set is refused."""
    if level in rule_set.levels(subject):
        return []
    return [
        Finding(
            rule_set.code,
            Severity.BLOCKING,
            _("Mức “%(level)s” không có trong quy định áp dụng cho năm này (%(doc)s).")
            % {
                "level": Level(level).label if level in Level.values else level,
                "doc": rule_set.document,
            },
            "level",
        )
    ]


def score_findings(rule_set: RuleSet, level: str, score: int | None) -> list[Finding]:
    """REV-04: the score is required, from 0 to 100, and must agree with the level: the
    level may not be above the score's band (HTXS needs ≥ 90, HTT ≥ 70, HT ≥ 50); a level
    below the band is allowed (the band's other conditions unmet) and noted."""
    findings: list[Finding] = []
    if score is not None and not (SCORE_MIN <= score <= SCORE_MAX):
        return [Finding("REV-04", Severity.BLOCKING, _("Điểm phải từ 0 đến 100."), "score")]
    if not rule_set.scored:
        return findings
    if score is None:
        return [
            Finding(
                "REV-04",
                Severity.BLOCKING,
                _("Từ năm 2025 phải chấm điểm (thang 100 điểm)."),
                "score",
            )
        ]
    band = band_level(score)
    if RANK[level] > RANK[band]:
        findings.append(
            Finding(
                "REV-04",
                Severity.BLOCKING,
                _(
                    "%(score)s điểm chỉ đạt mức “%(band)s”: không xếp “%(level)s” (HTXS từ 90, HTT từ 70, HT từ 50 điểm)."
                )
                % {"score": score, "band": Level(band).label, "level": Level(level).label},
                "level",
            )
        )
    elif RANK[level] < RANK[band]:
        findings.append(
            Finding(
                "REV-04",
                Severity.INFO,
                _(
                    "%(score)s điểm thuộc khung “%(band)s” nhưng xếp “%(level)s”: ghi rõ điều kiện chưa đạt."
                )
                % {"score": score, "band": Level(band).label, "level": Level(level).label},
                "level",
            )
        )
    return findings


# --- discipline and the rating (REV-02..04, DIS-05) ----------------------------------------


@dataclass(frozen=True)
class DisciplineFact:
    """A discipline in force in the year, as the review checks see it."""

    form: str
    severity: int  # 1 reprimand, 2 warning, 3 dismissal, 4 expulsion/dissolution
    self_remedied: bool
    label: str  # who and what, for the message


def member_discipline_findings(
    rule_set: RuleSet,
    level: str,
    facts: list[DisciplineFact],
    *,
    severity: Severity = Severity.BLOCKING,
) -> list[Finding]:
    """A member disciplined in the year: REV-02 KHT; REV-03 KHT unless the fault was
    self-detected and remedied; REV-01 and REV-04 [u]: shown, not enforced."""
    if not facts or RANK[level] <= RANK[L.FAILED]:
        return []
    names = "; ".join(f.label for f in facts)
    if rule_set.code == "REV-02":
        return [
            Finding(
                "REV-02",
                severity,
                _("Đảng viên bị kỷ luật trong năm (%(d)s): xếp loại không hoàn thành nhiệm vụ.")
                % {"d": names},
                "level",
            )
        ]
    if rule_set.code == "REV-03":
        unremedied = [f for f in facts if not f.self_remedied]
        if unremedied:
            return [
                Finding(
                    "REV-03",
                    severity,
                    _(
                        "Đảng viên bị kỷ luật trong năm (%(d)s), không phải tự phát hiện và khắc phục: xếp loại không hoàn thành nhiệm vụ."
                    )
                    % {"d": "; ".join(f.label for f in unremedied)},
                    "level",
                )
            ]
        return []
    return [
        Finding(
            rule_set.code,
            Severity.WARNING,
            _(
                "Đảng viên bị kỷ luật trong năm (%(d)s): xem xét khi xếp loại (quy định chưa xác nhận, không tự động áp dụng)."
            )
            % {"d": names},
            "level",
        )
    ]


def organization_discipline_findings(
    rule_set: RuleSet,
    level: str,
    leadership: list[DisciplineFact],
    subordinates: list[DisciplineFact],
    *,
    severity: Severity = Severity.BLOCKING,
) -> list[Finding]:
    """An organization with a disciplined leadership member or subordinate organization:
    REV-02: leadership member at warning or above → KHT;
    REV-03: leadership member or subordinate disciplined (not self-remedied) → KHT (not HTXS, HTT, HT);
    REV-04: not HTXS; REV-01 [u]: shown only."""
    code = rule_set.code
    if code == "REV-02":
        heavy = [f for f in leadership if f.severity >= 2]
        if heavy and RANK[level] > RANK[L.FAILED]:
            return [
                Finding(
                    "REV-02",
                    severity,
                    _(
                        "Cấp ủy viên bị kỷ luật từ cảnh cáo trở lên trong năm (%(d)s): tổ chức xếp loại không hoàn thành nhiệm vụ."
                    )
                    % {"d": "; ".join(f.label for f in heavy)},
                    "level",
                )
            ]
        return []
    facts = [f for f in leadership + subordinates if not f.self_remedied]
    if code == "REV-03":
        if facts and RANK[level] > RANK[L.FAILED]:
            return [
                Finding(
                    "REV-03",
                    severity,
                    _(
                        "Có tổ chức đảng trực thuộc hoặc cấp ủy viên bị kỷ luật trong năm (%(d)s): tổ chức không được xếp HTXS, HTT, HT."
                    )
                    % {"d": "; ".join(f.label for f in facts)},
                    "level",
                )
            ]
        return []
    all_facts = leadership + subordinates
    if code == "REV-04":
        if all_facts and level == L.EXCELLENT:
            return [
                Finding(
                    "REV-04",
                    severity,
                    _(
                        "Có đơn vị trực thuộc hoặc cấp ủy viên bị kỷ luật (%(d)s): tập thể không được xếp HTXS."
                    )
                    % {"d": "; ".join(f.label for f in all_facts)},
                    "level",
                )
            ]
        return []
    if all_facts:
        return [
            Finding(
                code,
                Severity.WARNING,
                _(
                    "Có cấp ủy viên hoặc tổ chức trực thuộc bị kỷ luật (%(d)s): xem xét khi xếp loại."
                )
                % {"d": "; ".join(f.label for f in all_facts)},
                "level",
            )
        ]
    return []


# --- REV-03: the cap on HTXS organizations --------------------------------------------------


def excellent_allowed(n_good: int, percent: int = 20) -> int:
    """REV-03: HTXS organizations no more than 20% of those rated HTT (rounded down):
    10 HTT → 2; 4 → 0; 5 → 1; 6 → 1."""
    return n_good * percent // 100


def cap_findings(
    rule_set: RuleSet,
    group: str,
    n_excellent: int,
    n_good: int,
    *,
    severity: Severity = Severity.BLOCKING,
) -> list[Finding]:
    """The cap within one group of similar function, with the numbers shown."""
    percent = rule_set.excellent_cap_percent or 20
    allowed = excellent_allowed(n_good, percent)
    if n_excellent <= allowed:
        return []
    return [
        Finding(
            rule_set.code if rule_set.code == "REV-03" else f"{rule_set.code}",
            severity,
            _(
                "Nhóm “%(g)s”: %(e)s tổ chức HTXS, vượt %(p)s%% của %(n)s tổ chức HTT (tối đa %(a)s)."
            )
            % {"g": group, "e": n_excellent, "p": percent, "n": n_good, "a": allowed},
            "level",
        )
    ]
