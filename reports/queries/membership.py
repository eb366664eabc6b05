"""STA-01: the basic statistics tables of members and organizations, for any subtree and
any date (HD 11-HD/BTCTW; the standard breakdowns of RULES.md STA-01).

Every table is a pure function `(organization, on) -> list[Row]`: no user, no request,
so the screens, the XLSX export and the annual report use the same numbers. The caller
checks that the organization is in the user's reach (a 404 otherwise).

Who is counted (members tables):
- members of `organization` and its whole subtree on `on`, from the dated home
  memberships (members.queries.members_of with subtree=True; a member on temporary
  transfer is counted at home, TRF-01);
- with an active status (probationary or full, MEM-02). A member who has since left
  (death, transfer out, striking off…) was active on any date their membership was
  still running, and the leaving event closed that membership: such a member is counted
  on the dates before they left. A leaving status with a membership still open is
  inconsistent data and is not counted.
- probationary or full on `on`: full when full membership took effect on or before
  `on` (or, for a record without that date, when the status is full).
- ages (age band) are full years on `on`; party age (party-age band, AGE-01) is read
  from `Member.party_age_from`, the admission date moved later by the gaps known today.

Organizations tables: the organizations below `organization` (not itself) established
on or before `on` and not dissolved by then; categories (ORG-03) are counted over cells
(chi bộ cơ sở and chi bộ trực thuộc).

Every table is one SQL aggregate query whatever the size of the subtree. Each row has
a count and a share of the table's total (a Decimal fraction; `share_text` prints it the
Vietnamese way with one decimal, "79,2%"). Rows are listed in a fixed order, with zeros,
so tables of two years line up; "Chưa cập nhật" counts members with the column empty.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from core.documents import percent
from members.enums import (
    ACTIVE_STATUSES,
    Education,
    MembershipKind,
    MemberStatus,
    Occupation,
    Qualification,
    Sex,
    TheoryLevel,
)
from members.models import Member, Membership
from members.queries.register import AGE_BANDS, PARTY_AGE_BANDS, age_band_q, party_age_band_q
from organizations.enums import CELL_KINDS, CellCategory, OrgKind
from organizations.models import Organization

NOT_RECORDED = _("Chưa cập nhật")
SHARE_DIGITS = 1


@dataclass(frozen=True)
class Row:
    key: str
    label: StrOrPromise
    count: int
    share: Decimal | None  # count / total of the table; None when the total is 0

    @property
    def share_text(self) -> str:
        return percent(self.share, SHARE_DIGITS) if self.share is not None else "—"


@dataclass
class Table:
    key: str
    title: str
    rows: list[Row] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(row.count for row in self.rows)


def _rows(pairs: Sequence[tuple[str, StrOrPromise, int]]) -> list[Row]:
    total = sum(count for _key, _label, count in pairs)
    return [
        Row(key, str(label), count, (Decimal(count) / Decimal(total)) if total else None)
        for key, label, count in pairs
    ]


# --- who is counted ----------------------------------------------------------------------


def members_counted(organization: Organization, on: date) -> QuerySet[Member]:
    """STA-01: the members of the subtree counted on `on` (see the module docstring).

    The dated form of members.queries.members_of(organization, on, subtree=True) with
    active statuses: a subquery, so every table stays one query."""
    memberships = (
        Membership.objects.filter(
            kind=MembershipKind.HOME,
            starts_on__lte=on,
            organization__path__startswith=organization.path,
        )
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .filter(Q(member__status__in=ACTIVE_STATUSES) | Q(ends_on__isnull=False))
        .filter(Q(member__admitted_on__isnull=True) | Q(member__admitted_on__lte=on))
    )
    return Member.objects.filter(pk__in=memberships.values("member_id"))


def full_on_q(on: date) -> Q:
    """Full (official) member on `on` (MEM-02, PRB-03)."""
    return Q(full_member_on__lte=on) | Q(full_member_on__isnull=True, status=MemberStatus.FULL)


def organizations_counted(organization: Organization, on: date) -> QuerySet[Organization]:
    """The organizations below `organization` active on `on`."""
    return (
        Organization.objects.filter(path__startswith=organization.path)
        .exclude(pk=organization.pk)
        .filter(Q(established_on__isnull=True) | Q(established_on__lte=on))
        .filter(Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=on))
    )


# --- members tables ----------------------------------------------------------------------


def _conditional(qs: QuerySet[Member], bands: Sequence[tuple[str, StrOrPromise, Q]]) -> list[Row]:
    """One query: a COUNT(*) FILTER (WHERE …) per band."""
    counts = qs.aggregate(**{f"b{i}": Count("pk", filter=q) for i, (_k, _l, q) in enumerate(bands)})
    return _rows([(key, label, counts[f"b{i}"]) for i, (key, label, _q) in enumerate(bands)])


def _by_choice(
    qs: QuerySet[Member], field_name: str, choices: Sequence[tuple[str, StrOrPromise]]
) -> list[Row]:
    """One query: GROUP BY a choice column; every choice listed, then "not recorded"."""
    found = dict(
        qs.values(field_name).annotate(n=Count("pk")).values_list(field_name, "n").order_by()
    )
    pairs = [(value, label, found.pop(value, 0)) for value, label in choices]
    missing = sum(found.values())  # "" or NULL (or a value no longer in the list)
    if missing:
        pairs.append(("", NOT_RECORDED, missing))
    return _rows(pairs)


def _by_reference(qs: QuerySet[Member], field_name: str) -> list[Row]:
    """One query: GROUP BY a reference list (ethnic groups, religions), joined for names;
    only the groups present, in the list's order, then "not recorded"."""
    rows = (
        qs.values(f"{field_name}_id", f"{field_name}__code", f"{field_name}__name")
        .annotate(n=Count("pk"))
        .order_by(f"{field_name}__code")
    )
    pairs, missing = [], 0
    for row in rows:
        if row[f"{field_name}_id"] is None:
            missing += row["n"]
        else:
            pairs.append((row[f"{field_name}__code"], row[f"{field_name}__name"], row["n"]))
    if missing:
        pairs.append(("", NOT_RECORDED, missing))
    return _rows(pairs)


def members_by_sex(organization: Organization, on: date) -> list[Row]:
    return _by_choice(members_counted(organization, on), "sex", Sex.choices)


def members_by_ethnicity(organization: Organization, on: date) -> list[Row]:
    return _by_reference(members_counted(organization, on), "ethnicity")


def members_by_religion(organization: Organization, on: date) -> list[Row]:
    return _by_reference(members_counted(organization, on), "religion")


def members_by_age(organization: Organization, on: date) -> list[Row]:
    """Age bands of the register (members.queries.AGE_BANDS), full years on `on`."""
    return _conditional(
        members_counted(organization, on),
        [(key, label, age_band_q(key, on)) for key, label, _low, _high in AGE_BANDS],
    )


def members_by_party_age(organization: Organization, on: date) -> list[Row]:
    """Party-age bands (AGE-01, members.queries.PARTY_AGE_BANDS) on `on`."""
    bands = [(key, label, party_age_band_q(key, on)) for key, label, _low, _high in PARTY_AGE_BANDS]
    bands.append(("", NOT_RECORDED, Q(party_age_from__isnull=True) | Q(party_age_from__gt=on)))
    rows = _conditional(members_counted(organization, on), bands)
    return rows if rows[-1].count else _rows([(r.key, r.label, r.count) for r in rows[:-1]])


def members_by_education(organization: Organization, on: date) -> list[Row]:
    return _by_choice(members_counted(organization, on), "education", Education.choices)


def members_by_qualification(organization: Organization, on: date) -> list[Row]:
    return _by_choice(members_counted(organization, on), "qualification", Qualification.choices)


def members_by_theory_level(organization: Organization, on: date) -> list[Row]:
    return _by_choice(members_counted(organization, on), "theory_level", TheoryLevel.choices)


def members_by_occupation(organization: Organization, on: date) -> list[Row]:
    return _by_choice(members_counted(organization, on), "occupation", Occupation.choices)


def members_by_status(organization: Organization, on: date) -> list[Row]:
    """Probationary (dự bị) and full (chính thức) members on `on`."""
    full = full_on_q(on)
    return _conditional(
        members_counted(organization, on),
        [
            (MemberStatus.PROBATIONARY.value, MemberStatus.PROBATIONARY.label, ~full),
            (MemberStatus.FULL.value, MemberStatus.FULL.label, full),
        ],
    )


# --- organizations tables ----------------------------------------------------------------


def organizations_by_kind(organization: Organization, on: date) -> list[Row]:
    """Organizations below `organization` on `on`, by kind (ORG-01); only the kinds found."""
    found = dict(
        organizations_counted(organization, on)
        .values("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
        .order_by()
    )
    return _rows([(kind, label, found[kind]) for kind, label in OrgKind.choices if kind in found])


def cells_by_category(organization: Organization, on: date) -> list[Row]:
    """Cells below `organization` on `on`, by category (ORG-03)."""
    qs = organizations_counted(organization, on).filter(kind__in=CELL_KINDS)
    found = dict(
        qs.values("category").annotate(n=Count("pk")).values_list("category", "n").order_by()
    )
    pairs = [(value, label, found.pop(value, 0)) for value, label in CellCategory.choices]
    missing = sum(found.values())
    if missing:
        pairs.append(("", _("Chưa phân loại"), missing))
    return _rows(pairs)


# --- all tables --------------------------------------------------------------------------

# (key, title, function): the order of the page, the XLSX sheets and the annual report.
TABLES: tuple[tuple[str, StrOrPromise, Callable[[Organization, date], list[Row]]], ...] = (
    ("status", _("Đảng viên chính thức, dự bị"), members_by_status),
    ("sex", _("Đảng viên theo giới tính"), members_by_sex),
    ("age", _("Đảng viên theo độ tuổi"), members_by_age),
    ("party_age", _("Đảng viên theo tuổi đảng"), members_by_party_age),
    ("ethnicity", _("Đảng viên theo dân tộc"), members_by_ethnicity),
    ("religion", _("Đảng viên theo tôn giáo"), members_by_religion),
    ("education", _("Đảng viên theo trình độ giáo dục phổ thông"), members_by_education),
    (
        "qualification",
        _("Đảng viên theo trình độ chuyên môn, nghiệp vụ"),
        members_by_qualification,
    ),
    ("theory_level", _("Đảng viên theo trình độ lý luận chính trị"), members_by_theory_level),
    ("occupation", _("Đảng viên theo nghề nghiệp"), members_by_occupation),
    ("org_kind", _("Tổ chức đảng trực thuộc theo loại"), organizations_by_kind),
    ("cell_category", _("Chi bộ theo loại hình"), cells_by_category),
)


def membership_tables(organization: Organization, on: date) -> list[Table]:
    """Every STA-01 table (one query each, twelve in all, whatever the size)."""
    return [Table(key, str(title), function(organization, on)) for key, title, function in TABLES]


# --- headline figures ("100% có trình độ THPT, trên 79% đại học") ----------------------------

UNIVERSITY_OR_HIGHER = (Qualification.UNIVERSITY, Qualification.MASTER, Qualification.DOCTOR)


@dataclass(frozen=True)
class Headline:
    members: int
    full: int
    probationary: int
    women: int
    upper_secondary: int
    university_or_higher: int

    def share(self, count: int) -> Decimal | None:
        return Decimal(count) / Decimal(self.members) if self.members else None


def headline(organization: Organization, on: date) -> Headline:
    """The figures a report quotes in its text, in one query."""
    full = full_on_q(on)
    row = members_counted(organization, on).aggregate(
        members=Count("pk"),
        full=Count("pk", filter=full),
        probationary=Count("pk", filter=~full),
        women=Count("pk", filter=Q(sex=Sex.FEMALE)),
        upper_secondary=Count("pk", filter=Q(education=Education.UPPER_SECONDARY)),
        university_or_higher=Count("pk", filter=Q(qualification__in=UNIVERSITY_OR_HIGHER)),
    )
    return Headline(**row)
