"""AGE-01: party age from the admission decision, minus non-participation, exactly for one
member (members.badges.party_age_on) and in SQL for lists (annotate_party_age)."""

from datetime import date as D

import pytest

from members.enums import EventKind as E
from members.enums import MemberStatus
from members.models import Member
from members.queries.party_age import annotate_party_age, party_age_at_least, party_age_on
from members.services.events import record_event

pytestmark = pytest.mark.django_db


def admit(tree, by, on, cell="cell_a", name="Hoàng Văn Thụ"):
    member = Member.objects.create(
        full_name=name,
        date_of_birth=D(1940, 1, 1),
        sex="male",
        status=MemberStatus.STRUCK_OFF,
        organization=tree[cell],
    )
    record_event(member, E.ADMITTED, on, by=by, organization=tree[cell])
    member.refresh_from_db()
    return member


def test_age_01_party_age_counts_full_years_from_the_admission(tree, officer):
    member = admit(tree, officer, D(1996, 2, 3))
    assert party_age_on(member, D(1996, 2, 2)) is None  # before admission
    assert party_age_on(member, D(2026, 2, 2)) == 29
    assert party_age_on(member, D(2026, 2, 3)) == 30


def test_age_01_a_one_day_transfer_gap_moves_the_anniversary_by_one_day(tree, officer):
    member = admit(tree, officer, D(1996, 2, 3))
    record_event(member, E.TRANSFER_OUT, D(2000, 5, 10), by=officer)
    record_event(member, E.TRANSFER_IN, D(2000, 5, 12), by=officer, organization=tree["cell_b"])
    member.refresh_from_db()
    assert member.party_age_from == D(1996, 2, 4)  # 11/05/2000 deducted (TRF-02)
    assert party_age_on(member, D(2026, 2, 3)) == 29
    assert party_age_on(member, D(2026, 2, 4)) == 30


def test_age_01_readmitted_member_counts_from_the_first_admission_minus_the_gap(tree, officer):
    member = admit(tree, officer, D(1995, 5, 10))
    record_event(member, E.STRUCK_OFF, D(2000, 1, 10), by=officer)
    record_event(member, E.READMITTED, D(2000, 1, 20), by=officer, organization=tree["cell_a"])
    member.refresh_from_db()
    assert member.admitted_on == D(1995, 5, 10)
    assert member.party_age_from == D(1995, 5, 19)  # 11..19/01/2000: 9 days out
    assert party_age_on(member, D(2025, 5, 18)) == 29
    assert party_age_on(member, D(2025, 5, 19)) == 30


def test_age_01_exact_figure_on_a_past_date_ignores_later_gaps(tree, officer):
    member = admit(tree, officer, D(1990, 6, 1))
    record_event(member, E.STRUCK_OFF, D(2010, 1, 1), by=officer)
    record_event(member, E.READMITTED, D(2012, 1, 1), by=officer, organization=tree["cell_a"])
    member.refresh_from_db()
    # On 01/06/2009 the later gap had not happened: 19 full years.
    assert party_age_on(member, D(2009, 6, 1)) == 19
    # A member out of the Party stops ageing: on 01/06/2011 still 19 (left 01/01/2010).
    assert party_age_on(member, D(2011, 6, 1)) == 19


def test_age_01_sql_annotation_matches_the_exact_figure(tree, officer):
    a = admit(tree, officer, D(1996, 2, 3), name="Nguyễn Văn Một")
    b = admit(tree, officer, D(1996, 2, 4), name="Nguyễn Văn Hai")
    c = admit(tree, officer, D(2024, 2, 29), name="Nguyễn Văn Ba")  # leap day
    on = D(2026, 2, 3)
    ages = dict(annotate_party_age(Member.objects.all(), on).values_list("pk", "party_age"))
    assert ages == {a.pk: 30, b.pk: 29, c.pk: 1}
    for member in (a, b, c):
        assert ages[member.pk] == party_age_on(member, on)
    assert set(Member.objects.filter(party_age_at_least(30, on))) == {a}
    # 28/02/2025 is not yet one full year from 29/02/2024; 01/03/2025 is.
    feb28 = annotate_party_age(Member.objects.filter(pk=c.pk), D(2025, 2, 28)).get()
    assert feb28.party_age == 0
    assert annotate_party_age(Member.objects.filter(pk=c.pk), D(2025, 3, 1)).get().party_age == 1
