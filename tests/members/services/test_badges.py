"""members.services.badges: BDG-01, recording the badges presented: only to members due, on a
presentation day (unless early), all or nothing, by writers of the member's cell."""

from datetime import date as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from members.enums import EventKind as E
from members.enums import MemberStatus
from members.models import Badge, Member
from members.services.badges import record_badge, record_badges
from members.services.events import record_event

pytestmark = pytest.mark.django_db


def admit(tree, by, on, cell="cell_a", name="Hoàng Văn Thụ", ill=False):
    member = Member.objects.create(
        full_name=name,
        date_of_birth=D(1930, 1, 1),
        sex="male",
        status=MemberStatus.STRUCK_OFF,
        organization=tree[cell],
        seriously_ill=ill,
    )
    record_event(member, E.ADMITTED, on, by=by, organization=tree[cell])
    member.refresh_from_db()
    return member


def test_bdg_01_bulk_record_is_all_or_nothing(tree, officer):
    a = admit(tree, officer, D(1990, 1, 1), name="Nguyễn Văn Một")
    b = admit(tree, officer, D(2000, 1, 1), name="Nguyễn Văn Hai")  # not due
    with pytest.raises(
        ValidationError, match=r"Nguyễn Văn Hai chưa đến hạn huy hiệu 30 năm tuổi Đảng"
    ) as error:
        record_badges([a, b], years=30, presented_on=D(2026, 2, 3), by=officer)
    assert "Nguyễn Văn Hai" in str(error.value)
    assert not Badge.objects.exists()
    badges = record_badges([a], years=30, presented_on=D(2026, 2, 3), decision="5-QĐ", by=officer)
    assert [x.member for x in badges] == [a]
    assert a.badges.get().history.get().history_user == officer


def test_bdg_01_date_must_be_a_presentation_day_unless_early(tree, officer):
    a = admit(tree, officer, D(1990, 1, 1))
    with pytest.raises(ValidationError, match="không phải ngày trao"):
        record_badge(a, years=30, presented_on=D(2026, 2, 4), by=officer)
    with pytest.raises(ValidationError, match="Không có huy hiệu"):
        record_badge(a, years=35, presented_on=D(2026, 2, 3), by=officer)


def test_bdg_01_write_needs_write_scope(tree, officer, inspector, other_secretary):
    a = admit(tree, officer, D(1990, 1, 1))
    for user in (inspector, other_secretary):
        with pytest.raises(PermissionDenied):  # raises-without-match: raised without a message
            record_badge(a, years=30, presented_on=D(2026, 2, 3), by=user)
    assert not Badge.objects.exists()
