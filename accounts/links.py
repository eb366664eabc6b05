"""The member record an account logs in as (the member role), lent by members.

accounts sits below members in the app order (a Member points at its User), so it
imports nothing of members. members.links registers the directory below from
MembersConfig.ready(): the records an administrator may link to an account, the record
an account is linked to, and the link itself (members.services.link_account).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from django.db.models import QuerySet

if TYPE_CHECKING:
    from .models import User

# A member record is members.models.Member, which accounts does not import: Any here.


class MemberRecords(Protocol):
    def linkable(self, organization_id: int, user: User) -> QuerySet[Any]:
        """The member records of the organization not linked to another account than
        `user`'s."""
        ...

    def none(self) -> QuerySet[Any]:
        """No member record (the choice list before an organization is chosen)."""
        ...

    def of_account(self, user: User) -> Any:
        """The member record linked to `user`, with its organization, or None."""
        ...

    def link(self, member: Any, *, user: User, by: User | None) -> None:
        """Make `user` the account of `member` (a record linked to `user` before is
        unlinked)."""
        ...


_records: MemberRecords | None = None


def register(records: MemberRecords) -> None:
    global _records
    _records = records


def member_records() -> MemberRecords:
    if _records is None:
        raise LookupError("accounts.links: no member records registered (members.links)")
    return _records
