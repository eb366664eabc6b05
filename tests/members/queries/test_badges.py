"""BDG-01: who is due for which badge at a presentation day (recording the badges:
services/test_badges).

Histories are built with members.services.events.record_event; lists are read through
members.queries.badges.
"""

from datetime import date as D

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.enums import EventKind as E
from members.enums import MemberStatus
from members.models import Member
from members.queries.badges import (
    badge_candidates,
    badge_counts,
    badge_due,
    badge_due_early,
    badge_due_rows,
    is_presentation_date,
    previous_presentation_date,
)
from members.queries.register import members_for
from members.services.badges import record_badge
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


def due(tree, user, years, on, org="commune"):
    return list(badge_due(badge_candidates(members_for(user), tree[org]), years, on))


def early(tree, user, years, on, org="commune"):
    return list(badge_due_early(badge_candidates(members_for(user), tree[org]), years, on))


def counts(tree, user, on, org="commune"):
    return {c.years: c for c in badge_counts(badge_candidates(members_for(user), tree[org]), on)}


def test_bdg_01_presentation_days():
    assert [is_presentation_date(D(2026, m, d)) for m, d in [(2, 3), (5, 19), (9, 2), (11, 7)]]
    assert not is_presentation_date(D(2026, 2, 4))
    assert previous_presentation_date(D(2026, 2, 3)) == D(2025, 11, 7)
    assert previous_presentation_date(D(2026, 5, 19)) == D(2026, 2, 3)


def test_bdg_01_anniversary_on_a_presentation_day_is_due_that_day(tree, officer):
    member = admit(tree, officer, D(1996, 2, 3))
    assert due(tree, officer, 30, D(2026, 2, 3)) == [member]
    assert due(tree, officer, 30, D(2025, 11, 7)) == []


def test_bdg_01_one_day_gap_moves_the_badge_to_the_next_presentation_day(tree, officer):
    member = admit(tree, officer, D(1996, 2, 3))
    record_event(member, E.TRANSFER_OUT, D(2000, 5, 10), by=officer)
    record_event(member, E.TRANSFER_IN, D(2000, 5, 12), by=officer, organization=tree["cell_b"])
    assert due(tree, officer, 30, D(2026, 2, 3)) == []
    assert due(tree, officer, 30, D(2026, 5, 19)) == [member]
    with pytest.raises(
        ValidationError,
        match=r"Hoàng Văn Thụ chưa đến hạn huy hiệu 30 năm tuổi Đảng vào ngày 03/02/2026",
    ):
        record_badge(member, years=30, presented_on=D(2026, 2, 3), by=officer)
    badge = record_badge(
        member, years=30, presented_on=D(2026, 5, 19), decision="12-QĐ/ĐU", by=officer
    )
    assert (badge.years, badge.decision, badge.early) == (30, "12-QĐ/ĐU", False)


def test_bdg_01_readmitted_member_due_from_first_admission_minus_the_gap(tree, officer):
    member = admit(tree, officer, D(1995, 5, 10))
    record_event(member, E.STRUCK_OFF, D(2000, 1, 10), by=officer)
    record_event(member, E.READMITTED, D(2000, 1, 20), by=officer, organization=tree["cell_a"])
    # party age from 19/05/1995: 30 years exactly on the presentation day 19/05/2025.
    assert due(tree, officer, 30, D(2025, 2, 3)) == []
    assert due(tree, officer, 30, D(2025, 5, 19)) == [member]


def test_bdg_01_not_given_earlier_is_listed_as_overdue(tree, officer):
    member = admit(tree, officer, D(1990, 1, 1))
    listed = due(tree, officer, 30, D(2026, 11, 7))
    assert listed == [member] and listed[0].overdue
    fresh = due(tree, officer, 30, D(2020, 2, 3))
    assert fresh == [member] and not fresh[0].overdue
    c = counts(tree, officer, D(2026, 11, 7))
    assert (c[30].due, c[30].overdue, c[35 if 35 in c else 40].due) == (1, 1, 0)


def test_bdg_01_member_with_the_badge_is_not_listed_again(tree, officer):
    member = admit(tree, officer, D(1990, 1, 1))
    other = admit(tree, officer, D(1990, 1, 2), name="Lê Thị Hồng")
    record_badge(member, years=30, presented_on=D(2020, 2, 3), by=officer)
    assert due(tree, officer, 30, D(2026, 2, 3)) == [other]
    assert counts(tree, officer, D(2026, 2, 3))[30].due == 1
    with pytest.raises(ValidationError, match="đã được trao"):
        record_badge(member, years=30, presented_on=D(2026, 2, 3), by=officer)


def test_bdg_01_members_who_left_are_not_listed(tree, officer):
    member = admit(tree, officer, D(1990, 1, 1))
    record_event(member, E.DECEASED, D(2024, 1, 1), by=officer)
    assert due(tree, officer, 30, D(2026, 2, 3)) == []
    assert counts(tree, officer, D(2026, 2, 3))[30].due == 0
    with pytest.raises(ValidationError, match="không còn sinh hoạt"):
        record_badge(member, years=30, presented_on=D(2020, 2, 3), by=officer)


def test_bdg_01_seriously_ill_12_months_early_for_30_to_65_years(tree, officer):
    on = D(2026, 5, 19)
    exactly = admit(tree, officer, D(1997, 5, 19), name="Ốm Đúng Hạn", ill=True)  # 30 on 19/05/2027
    day_late = admit(tree, officer, D(1997, 5, 20), name="Ốm Trễ Ngày", ill=True)
    healthy = admit(tree, officer, D(1997, 5, 19), name="Khỏe Mạnh")
    assert early(tree, officer, 30, on) == [exactly]
    assert due(tree, officer, 30, on) == []
    assert counts(tree, officer, on)[30].early == 1
    with pytest.raises(ValidationError, match="ốm nặng"):
        record_badge(healthy, years=30, presented_on=on, early=True, by=officer)
    with pytest.raises(ValidationError, match="chưa đến hạn"):
        record_badge(day_late, years=30, presented_on=on, early=True, by=officer)
    with pytest.raises(ValidationError, match="chưa đến hạn"):
        record_badge(exactly, years=30, presented_on=on, by=officer)  # not marked early
    # An early badge may be given on another day (at the bedside).
    badge = record_badge(exactly, years=30, presented_on=D(2026, 6, 1), early=True, by=officer)
    assert badge.early
    # 65 years: still 12 months, so 24 months before is too early.
    m65 = admit(tree, officer, D(1963, 5, 19), name="Ốm Sáu Lăm", ill=True)  # 65 on 19/05/2028
    assert m65 not in early(tree, officer, 65, on)
    assert m65 in early(tree, officer, 65, D(2027, 5, 19))


def test_bdg_01_seriously_ill_24_months_early_for_70_to_90_years(tree, officer):
    on = D(2026, 5, 19)
    exactly = admit(tree, officer, D(1958, 5, 19), name="Ốm Bảy Mươi", ill=True)  # 70 on 19/05/2028
    day_late = admit(tree, officer, D(1958, 5, 20), name="Ốm Trễ Ngày", ill=True)
    assert early(tree, officer, 70, on) == [exactly]
    assert day_late not in early(tree, officer, 70, on)
    record_badge(exactly, years=70, presented_on=on, early=True, by=officer)
    with pytest.raises(ValidationError, match="chưa đến hạn"):
        record_badge(day_late, years=70, presented_on=on, early=True, by=officer)


def test_bdg_01_each_level_separately(tree, officer):
    member = admit(tree, officer, D(1980, 1, 1))  # 46 years on 03/02/2026
    c = counts(tree, officer, D(2026, 2, 3))
    assert [y for y, level in c.items() if level.due] == [30, 40, 45]
    record_badge(member, years=45, presented_on=D(2025, 2, 3), by=officer)
    c = counts(tree, officer, D(2026, 2, 3))
    assert [y for y, level in c.items() if level.due] == [30, 40]


def test_bdg_01_scope_and_subtree(tree, officer, secretary, other_secretary, outsider):
    a = admit(tree, officer, D(1990, 1, 1), cell="cell_a")
    b = admit(tree, officer, D(1990, 1, 1), cell="cell_b", name="Bế Văn Đàn")
    on = D(2026, 2, 3)
    assert set(due(tree, officer, 30, on)) == {a, b}
    assert due(tree, officer, 30, on, org="cell_a") == [a]
    assert due(tree, secretary, 30, on) == [a]  # the commune seen by cell_a's secretary
    assert due(tree, other_secretary, 30, on) == [b]
    assert due(tree, outsider, 30, on) == []


def test_bdg_01_export_rows_list_due_then_early(tree, officer):
    a = admit(tree, officer, D(1990, 1, 1), name="Nguyễn Văn Một")
    ill = admit(tree, officer, D(1997, 5, 19), name="Ốm Đúng Hạn", ill=True)
    rows = list(
        badge_due_rows(badge_candidates(members_for(officer), tree["commune"]), D(2026, 5, 19))
    )
    assert [(r.member, r.years, r.early) for r in rows] == [(a, 30, False), (ill, 30, True)]
    assert rows[0].reached_on == D(2020, 1, 1) and rows[0].overdue and rows[0].party_age == 36


def _queries(fn) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def test_bdg_01_lists_and_counts_issue_constant_queries(tree, officer):
    on = D(2026, 2, 3)
    candidates = lambda: badge_candidates(members_for(officer), tree["commune"])  # noqa: E731

    def read():
        badge_counts(candidates(), on)
        list(badge_due(candidates(), 30, on))
        list(badge_due_early(candidates(), 30, on))
        list(badge_due_rows(candidates(), on))

    admit(tree, officer, D(1990, 1, 1))
    read()  # the officer's assignments are read once and cached
    one = _queries(read)
    for n in range(49):
        admit(
            tree,
            officer,
            D(1960 + n % 30, 1, 1),
            cell="cell_b",
            name=f"Đảng Viên {n}",
            ill=n % 2 == 0,
        )
    assert _queries(read) == one
