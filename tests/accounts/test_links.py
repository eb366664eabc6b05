"""accounts.links: the member record of an account, lent by members at start-up."""

from accounts import links
from members.links import AccountRecords


def test_members_lends_the_member_records():
    assert isinstance(links.member_records(), AccountRecords)


def test_the_record_of_an_account(member_user):
    record = links.member_records().of_account(member_user)
    assert record is not None and record.user_id == member_user.pk
