"""Members: the register the user may read.

Thin endpoints over members.queries: officers and inspectors read their subtree, a cell
secretary their cell, a member only their own record; anything else is a 404, exactly as
on the member pages.
"""

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from members.enums import MemberStatus
from members.queries.register import ACTIVE, get_member_for, member_list_for, member_page_for
from organizations.queries import get_organization_for

from .pagination import Pagination
from .schemas import MemberDetailOut, MemberOut

router = Router(tags=["members"])

STATUSES = (ACTIVE, *MemberStatus.values)


class MemberFilters(Schema):
    organization: int | None = None
    status: str = ""
    q: str = ""


@router.get("/", response=list[MemberOut], summary="Members the user may read")
@paginate(Pagination)
def member_list(request, filters: Query[MemberFilters]):
    """Members the user may read, sorted the Vietnamese way (given name first).

    `organization`: that organization and its subtree (404 when the user may not read
    it); `status`: one of the member statuses, or `active` (probationary and full);
    `q`: name search without diacritics ("nguyen van duc" finds "Nguyễn Văn Đức").
    """
    organization = None
    if filters.organization is not None:
        organization = get_organization_for(request.user, filters.organization)
    if filters.status and filters.status not in STATUSES:
        raise HttpError(
            422,
            _("Trạng thái không hợp lệ: %(value)s. Chọn một trong: %(choices)s.")
            % {"value": filters.status, "choices": ", ".join(STATUSES)},
        )
    return member_list_for(
        request.user, organization=organization, status=filters.status, text=filters.q.strip()
    )


@router.get("/{int:member_id}/", response=MemberDetailOut, summary="One member")
def member_detail(request, member_id: int):
    """One member with party age (AGE-01), dated memberships and status events, newest
    first (404 outside the user's reach)."""
    member = get_member_for(request.user, member_id)
    member.page = member_page_for(member)  # read by MemberDetailOut's resolvers
    return member
