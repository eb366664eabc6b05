"""The register exported in the import layout, so that a file exported, corrected and
imported again updates the same members (the reader finds the header row below the
export's title block). Built with core.exporters: streamed, memory flat."""

from collections.abc import Callable
from typing import Any

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _

from accounts.scope import org_read_filter
from core.exporters import DATE, Column, Sheet, xlsx_response
from organizations.models import Organization

from ..models import MemberEvent
from ..queries.register import members_for
from .layout import BOOL, MEMBER_COLUMNS, MEMBER_SHEET, ORG_COLUMNS, ORG_SHEET, static_coded
from .tables import LEAVING_EVENT

_MEMBER_VALUES = {
    "organization": "organization__code",
    "ethnicity": "ethnicity__name",
    "religion": "religion__name",
}


def _labels() -> dict[str, dict[str, str]]:
    return {key: dict(pairs) for key, pairs in static_coded().items()}


def _member_columns(labels) -> list[Column]:
    columns = []
    for col in MEMBER_COLUMNS:
        source = _MEMBER_VALUES.get(col.key, col.key)
        accessor: str | Callable[[Any], Any]
        if col.key in labels:
            table = labels[col.key]
            accessor = lambda row, s=source, t=table: t.get(row[s], row[s])  # noqa: E731
        elif col.kind == BOOL:
            accessor = lambda row, s=source: _("Có") if row[s] else None  # noqa: E731
        else:
            accessor = source
        columns.append(
            Column(col.header, accessor, DATE if col.kind == "date" else "text", col.width)
        )
    return columns


def member_rows(user):
    left_on = (
        MemberEvent.objects.filter(member=OuterRef("pk"), kind__in=list(LEAVING_EVENT.values()))
        .order_by("-on", "-id")
        .values("on")[:1]
    )
    fields = [_MEMBER_VALUES.get(c.key, c.key) for c in MEMBER_COLUMNS if c.key != "left_on"]
    return (
        members_for(user)
        .annotate(left_on=Subquery(left_on))
        .order_by("organization__path", "sort_key", "id")
        .values(*fields, "left_on")
    )


def organization_rows(user):
    orgs = Organization.objects.filter(org_read_filter(user)).filter(code__isnull=False)
    codes = dict(Organization.objects.filter(code__isnull=False).values_list("path", "code"))
    steplen = Organization.steplen
    labels = _labels()
    for org in orgs.order_by("path").values(
        "path", "code", "name", "kind", "category", "established_on"
    ):
        yield {
            "code": org["code"],
            "name": org["name"],
            "kind": labels["kind"].get(org["kind"], org["kind"]),
            "superior": codes.get(org["path"][:-steplen], ""),
            "category": labels["category"].get(org["category"], ""),
            "established_on": org["established_on"],
        }


def export_response(user, *, organization_name: str = ""):
    labels = _labels()
    org_columns = [
        Column(c.header, c.key, DATE if c.kind == "date" else "text", c.width) for c in ORG_COLUMNS
    ]
    sheets = [
        Sheet(
            _("Tổ chức đảng (mẫu nhập)"),
            org_columns,
            organization_rows(user),
            organization=organization_name or None,
            name=ORG_SHEET,
        ),
        Sheet(
            _("Danh sách đảng viên (mẫu nhập)"),
            _member_columns(labels),
            member_rows(user),
            organization=organization_name or None,
            name=MEMBER_SHEET,
        ),
    ]
    return xlsx_response(sheets, filename=_("Đảng viên - mẫu nhập.xlsx"))
