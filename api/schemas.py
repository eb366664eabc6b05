"""Response shapes of the API v1.

Schemas read attributes of the model instances and result objects the scoped queries
return; nothing here touches the database. `*_label` fields carry the Vietnamese (or
English, per the user's language) display text of a coded value.
"""

from datetime import date

from ninja import Schema

# --- Organizations ------------------------------------------------------------------


class OrganizationRef(Schema):
    id: int
    name: str


class OrganizationOut(Schema):
    id: int
    code: str | None
    name: str
    kind: str
    kind_label: str
    category: str
    category_label: str
    superior_id: int | None
    established_on: date | None
    dissolved_on: date | None

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_category_label(obj) -> str:
        return str(obj.get_category_display()) if obj.category else ""

    @staticmethod
    def resolve_superior_id(obj) -> int | None:
        # Annotated by api.organizations.with_superior (one subquery in the same SELECT).
        return getattr(obj, "superior_id", None)


class SubordinateOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    active_members: int

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())


class OrganizationDetailOut(OrganizationOut):
    address: str
    active_members: int
    subordinates: list[SubordinateOut]


# --- Members ------------------------------------------------------------------------


class MemberOut(Schema):
    id: int
    full_name: str
    sex: str
    sex_label: str
    date_of_birth: date
    status: str
    status_label: str
    organization: OrganizationRef
    admitted_on: date | None
    full_member_on: date | None
    card_number: str

    @staticmethod
    def resolve_sex_label(obj) -> str:
        return str(obj.get_sex_display())

    @staticmethod
    def resolve_status_label(obj) -> str:
        return str(obj.get_status_display())


class MembershipOut(Schema):
    id: int
    kind: str
    kind_label: str
    organization: OrganizationRef
    starts_on: date
    ends_on: date | None

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())


class MemberEventOut(Schema):
    id: int
    kind: str
    kind_label: str
    on: date
    organization: OrganizationRef | None
    counterpart: str
    document: str
    reason: str

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())


class MemberDetailOut(MemberOut):
    """A member read with members.queries.member_page_for, set on `member.page`."""

    party_age_years: int | None
    memberships: list[MembershipOut]
    events: list[MemberEventOut]

    @staticmethod
    def resolve_party_age_years(obj) -> int | None:
        return obj.page.party_age

    @staticmethod
    def resolve_memberships(obj) -> list:
        return obj.page.memberships

    @staticmethod
    def resolve_events(obj) -> list:
        return obj.page.events


# --- Meeting statistics -------------------------------------------------------------


class ShareOut(Schema):
    """`n` of `of`; `fraction` in [0, 1] (null when `of` is 0), `text` as printed: "36,12%"."""

    n: int
    of: int
    fraction: float | None
    text: str


class BucketOut(Schema):
    """Cells in one MTG-01 bucket: "full" (12 of 12 months), "mid" (9–11), "low" (< 9)."""

    key: str
    label: str
    cells: int
    share: ShareOut


class ComplianceRowOut(Schema):
    category: str
    label: str
    cells: int
    buckets: list[BucketOut]
    periodic_meetings: int
    thematic_meetings: int
    thematic_by_quarter: list[int]
    extraordinary_meetings: int
    cells_with_quarter_gap: int
    attendance: ShareOut
    meetings_on_target: ShareOut
    cells_on_target: ShareOut
    unexcused_absences: int


class PeriodOut(Schema):
    starts_on: date
    ends_on: date
    label: str
    note: str
    quarters: list[str]  # labels, in the order of each row's `thematic_by_quarter`


class MeetingStatisticsOut(Schema):
    organization: OrganizationRef
    period: PeriodOut
    total: ComplianceRowOut
    rows: list[ComplianceRowOut]
