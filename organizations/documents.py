"""DOC-01 frames filled in from the party tree: `header_for(organization, ...)`.

    doc = header_for(cell, number=next_number(cell, DocType.THONG_BAO, day, by=user, ref=...),
                     summary="Về việc …", signer_name="Hoàng Văn Đức",
                     recipients=["Đảng ủy xã (b/c)", "Đảng viên trong chi bộ", "Lưu"])
    render_docx("meetings/docx/notice.docx", {"doc": doc, ...})

Defaults, each overridable by a keyword argument:
- issuing body: the organization's committee name ("Đảng bộ xã Tân Lập" → "Đảng ủy xã
  Tân Lập", "Đảng bộ tỉnh Lạng Sơn" → "Tỉnh ủy Lạng Sơn"; a chi bộ keeps its name);
- superior: the same for organization.get_parent() (none for a root);
- body abbreviation: "CB" for a chi bộ, "ĐU" for a đảng ủy, "TU"/"HU"/"QU" for province
  and district committees, "TĐ" for a party group;
- place: the name of the province-level ancestor ("Lạng Sơn");
- authority: "T/M Chi bộ", "T/M Đảng ủy", "T/M Ban Thường vụ"; signer title "Bí thư".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from django.utils.translation import gettext as _

from core.documents import DocumentHeader

from .enums import CELL_KINDS, OrgKind
from .models import DocumentNumber, Organization

# (name prefix, committee prefix, abbreviation) for province and district committees.
_COMMITTEE_NAMES: dict[str, list[tuple[str, str, str]]] = {
    OrgKind.PROVINCE: [("tỉnh", "Tỉnh ủy", "TU"), ("thành phố", "Thành ủy", "TU")],
    OrgKind.DISTRICT: [
        ("huyện", "Huyện ủy", "HU"),
        ("quận", "Quận ủy", "QU"),
        ("thị xã", "Thị ủy", "TU"),
        ("thành phố", "Thành ủy", "TU"),
    ],
}
_PARTY_COMMITTEE = re.compile(r"^đảng bộ\s+", re.IGNORECASE)


def _split_committee(organization: Organization) -> tuple[str, str] | None:
    """(committee name, abbreviation) for a province or district named "Đảng bộ <x> …"."""
    rest = _PARTY_COMMITTEE.sub("", organization.name, count=1)
    if rest == organization.name:
        return None
    for prefix, committee, abbreviation in _COMMITTEE_NAMES.get(organization.kind, []):
        if rest.lower().startswith(prefix + " "):
            return f"{committee} {rest[len(prefix) + 1 :].strip()}", abbreviation
    return None


def issuing_name(organization: Organization) -> str:
    """The name a body signs documents with: a đảng bộ's committee, a chi bộ itself."""
    if split := _split_committee(organization):
        return split[0]
    if _PARTY_COMMITTEE.match(organization.name):
        return _PARTY_COMMITTEE.sub("Đảng ủy ", organization.name, count=1)
    return organization.name


def abbreviation_of(organization: Organization) -> str:
    """The issuing body's part of the symbol ("CB" in "01-TB/CB")."""
    if organization.kind in CELL_KINDS:
        return "CB"
    if organization.kind == OrgKind.PARTY_GROUP:
        return "TĐ"
    if split := _split_committee(organization):
        return split[1]
    if organization.kind == OrgKind.PROVINCE:
        return "TU"
    if organization.kind == OrgKind.DISTRICT:
        return "HU"
    return "ĐU"


def default_authority(organization: Organization) -> str:
    if organization.kind in CELL_KINDS:
        return "T/M Chi bộ"
    if organization.kind == OrgKind.PARTY_GROUP:
        return "T/M Tổ đảng"
    if organization.kind in (OrgKind.PROVINCE, OrgKind.DISTRICT):
        return "T/M Ban Thường vụ"
    return "T/M Đảng ủy"


def place_of(organization: Organization) -> str:
    """The province-level ancestor's place name ("Đảng bộ tỉnh Lạng Sơn" → "Lạng Sơn")."""
    chain = [*Organization.objects.get_ancestors(organization), organization]
    province = next((o for o in chain if o.kind == OrgKind.PROVINCE), None)
    if province is None:
        return ""
    rest = _PARTY_COMMITTEE.sub("", province.name, count=1)
    for prefix in ("tỉnh ", "thành phố "):
        if rest.lower().startswith(prefix):
            return rest[len(prefix) :].strip()
    return rest.strip()


def header_for(
    organization: Organization,
    *,
    doc_type: str | None = None,
    number: DocumentNumber | int | None = None,
    on: date | None = None,
    summary: str | None = None,
    type_title: str | None = None,
    place: str | None = None,
    superior_name: str | None = None,
    body_name: str | None = None,
    body_abbreviation: str | None = None,
    authority: str | None = None,
    signer_title: str | None = None,
    signer_name: str = "",
    recipients: Sequence[str] = (),
    left_signer_title: str = "",
    left_signer_name: str = "",
) -> DocumentHeader:
    """The DOC-01 frame of a document issued by `organization` (see the module docstring).

    `number` is best a `DocumentNumber` from `next_number`: its type, date and title are
    then the defaults of `doc_type`, `on` and `summary`. An int is used as it is; None
    leaves the number blank (a draft).
    """
    if isinstance(number, DocumentNumber):
        if number.organization_id != organization.pk:
            raise ValueError(_("Số văn bản thuộc tổ chức khác."))
        if doc_type is not None and str(doc_type) != number.doc_type:
            raise ValueError(_("Số văn bản thuộc loại văn bản khác."))
        doc_type = number.doc_type
        on = on or number.issued_on
        summary = number.title if summary is None else summary
        number = number.number
    if doc_type is None:
        raise ValueError(_("Thiếu loại văn bản."))
    superior = Organization.objects.get_parent(organization)
    if superior_name is None:
        superior_name = issuing_name(superior) if superior is not None else ""
    abbreviation = body_abbreviation or abbreviation_of(organization)
    return DocumentHeader(
        body_name=body_name if body_name is not None else issuing_name(organization),
        body_abbreviation=abbreviation,
        doc_type=str(doc_type),
        superior_name=superior_name,
        number=number,
        place=place if place is not None else place_of(organization),
        date=on,
        type_title=type_title,
        summary=summary or "",
        authority=authority if authority is not None else default_authority(organization),
        signer_title=signer_title if signer_title is not None else "Bí thư",
        signer_name=signer_name,
        recipients=recipients,
        left_signer_title=left_signer_title,
        left_signer_name=left_signer_name,
    )
