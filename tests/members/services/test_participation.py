"""Periods of non-participation (AGE-01, MTG-07): the rule over dates, the service and its
checks, party age everywhere it is read (member page, badge page, badge due list)."""

import io
from datetime import date as D
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.enums import EventKind as E
from members.enums import MemberStatus
from members.enums import NonParticipationKind as K
from members.models import Member, NonParticipation
from members.queries.badges import badge_candidates, badge_due
from members.queries.party_age import party_age_on
from members.queries.register import members_for
from members.rules import Period, gap_days, party_age_start
from members.services import participation as svc
from members.services.events import record_event

pytestmark = pytest.mark.django_db

ADMITTED = D(1996, 2, 3)
# 2000 is a leap year: 366 days out of contact.
YEAR_2000 = {"starts_on": D(2000, 1, 1), "ends_on": D(2000, 12, 31)}


def admit(tree, by, on=ADMITTED, cell="cell_a", name="Hoàng Văn Thụ"):
    member = Member.objects.create(
        full_name=name,
        date_of_birth=D(1960, 1, 1),
        sex="male",
        status=MemberStatus.STRUCK_OFF,
        organization=tree[cell],
    )
    record_event(member, E.ADMITTED, on, by=by, organization=tree[cell])
    member.refresh_from_db()
    return member


def out_of_contact(member, by, **dates):
    return svc.record_non_participation(
        member=member, kind=K.OUT_OF_CONTACT, **(dates or YEAR_2000), by=by
    )


# --- AGE-01 over dates ------------------------------------------------------------------


def test_age_01_absence_days_count_both_ends():
    home = [Period(ADMITTED, None)]
    absence = [Period(D(2000, 1, 1), D(2000, 1, 10))]
    assert gap_days(home, D(2026, 1, 1), absences=absence) == 10
    # On a day inside the period: counted up to that day included.
    assert gap_days(home, D(2000, 1, 4), absences=absence) == 4
    assert gap_days(home, D(1999, 12, 31), absences=absence) == 0
    # An open period runs up to the day asked about.
    assert gap_days(home, D(2000, 1, 31), absences=[Period(D(2000, 1, 1), None)]) == 31


def test_age_01_a_day_out_of_contact_and_out_of_the_party_counts_once():
    # Struck off 10/01/2000 (last day of membership), readmitted 20/01/2000: 11..19 out;
    # out of contact 01..15/01/2000: 01..10 more, 11..15 already counted.
    homes = [Period(ADMITTED, D(2000, 1, 10)), Period(D(2000, 1, 20), None)]
    absence = [Period(D(2000, 1, 1), D(2000, 1, 15))]
    assert gap_days(homes, D(2026, 1, 1)) == 9
    assert gap_days(homes, D(2026, 1, 1), absences=absence) == 19


def test_age_01_no_absence_before_the_admission_decision():
    start = party_age_start(
        ADMITTED, [Period(ADMITTED, None)], D(2026, 1, 1), [Period(D(1996, 1, 1), D(1996, 2, 5))]
    )
    assert start == D(1996, 2, 6)  # 03, 04, 05/02 deducted


# --- The service ------------------------------------------------------------------------


def test_age_01_out_of_contact_moves_party_age_from(tree, secretary):
    member = admit(tree, secretary)
    assert member.party_age_from == ADMITTED
    period = out_of_contact(member, secretary)
    member.refresh_from_db()
    assert member.party_age_from == D(1997, 2, 3)  # 366 days later
    assert party_age_on(member, D(2027, 2, 2)) == 29
    assert party_age_on(member, D(2027, 2, 3)) == 30
    # Before the period: unchanged; inside it: party age stands still.
    assert party_age_on(member, D(1999, 2, 3)) == 3
    assert party_age_on(member, D(2000, 12, 31)) == 3
    assert period.history.count() == 1 and member.history.first().party_age_from == D(1997, 2, 3)


def test_mtg_07_kinds_do_not_change_party_age(tree, secretary):
    member = admit(tree, secretary)
    for kind in (K.SUSPENDED, K.PROSECUTED, K.DETAINED):
        svc.record_non_participation(member=member, kind=kind, **YEAR_2000, by=secretary)
    member.refresh_from_db()
    assert member.party_age_from == ADMITTED
    assert party_age_on(member, D(2026, 2, 3)) == 30


def test_dates_must_be_in_order_and_not_before_admission(tree, secretary):
    member = admit(tree, secretary)
    cases = [
        (
            {"starts_on": D(2000, 5, 1), "ends_on": D(2000, 4, 30)},
            "ends_on",
            "Ngày kết thúc trước ngày bắt đầu",
        ),
        (
            {"starts_on": D(1996, 2, 2)},
            "starts_on",
            r"Ngày bắt đầu trước ngày vào Đảng \(03/02/1996\)",
        ),
        ({"starts_on": D(2999, 1, 1)}, "starts_on", "Ngày bắt đầu không được ở tương lai"),
    ]
    for dates, field, message in cases:
        with pytest.raises(ValidationError, match=message) as error:
            out_of_contact(member, secretary, **dates)
        assert field in error.value.message_dict
    with pytest.raises(ValidationError, match="Trường hợp không hợp lệ") as error:
        svc.record_non_participation(
            member=member, kind="holiday", starts_on=D(2000, 1, 1), by=secretary
        )
    assert "kind" in error.value.message_dict
    member.refresh_from_db()
    assert not NonParticipation.objects.exists() and member.party_age_from == ADMITTED


def test_the_same_kind_may_not_overlap_another_kind_may(tree, secretary):
    member = admit(tree, secretary)
    out_of_contact(member, secretary)
    for dates in (
        {"starts_on": D(2000, 12, 31)},  # open, starts on the last day
        {"starts_on": D(1999, 1, 1), "ends_on": D(2000, 1, 1)},  # ends on the first day
    ):
        with pytest.raises(
            ValidationError,
            match=r"Trùng với thời gian đã ghi cùng trường hợp \(Mất liên lạc với tổ chức đảng từ 01/01/2000",
        ) as error:
            out_of_contact(member, secretary, **dates)
        assert "01/01/2000" in error.value.message_dict["starts_on"][0]
    out_of_contact(member, secretary, starts_on=D(2001, 1, 1), ends_on=D(2001, 1, 31))
    svc.record_non_participation(member=member, kind=K.DETAINED, **YEAR_2000, by=secretary)
    assert NonParticipation.objects.count() == 3


def test_only_writers_of_the_cell_record_or_end(
    tree, secretary, other_secretary, inspector, outsider
):
    member = admit(tree, secretary)
    for user in (other_secretary, inspector, outsider):
        with pytest.raises(PermissionDenied):  # raises-without-match: raised without a message
            out_of_contact(member, user)
    period = out_of_contact(member, secretary, starts_on=D(2025, 1, 1))
    with pytest.raises(PermissionDenied):  # raises-without-match: raised without a message
        svc.end_non_participation(period, ends_on=D(2025, 6, 1), by=inspector)


def test_ending_an_open_period_fixes_party_age(tree, secretary):
    member = admit(tree, secretary)
    period = out_of_contact(member, secretary, starts_on=D(2000, 1, 1))
    member.refresh_from_db()
    assert member.party_age_from > D(2020, 1, 1)  # open: counted up to today
    svc.end_non_participation(period, ends_on=D(2000, 12, 31), by=secretary)
    member.refresh_from_db()
    period.refresh_from_db()
    assert period.ends_on == D(2000, 12, 31) and member.party_age_from == D(1997, 2, 3)
    with pytest.raises(
        ValidationError, match="Thời gian này đã kết thúc ngày 31/12/2000"
    ):  # already over
        svc.end_non_participation(period, ends_on=D(2001, 1, 1), by=secretary)


def test_an_end_before_the_start_or_over_the_next_period_is_refused(tree, secretary):
    member = admit(tree, secretary)
    first = out_of_contact(member, secretary, starts_on=D(2025, 1, 1))
    with pytest.raises(ValidationError, match="Ngày kết thúc trước ngày bắt đầu") as error:
        svc.end_non_participation(first, ends_on=D(2024, 12, 31), by=secretary)
    assert "ends_on" in error.value.message_dict
    first.refresh_from_db()
    assert first.ends_on is None


# --- AGE-01 wherever party age is read --------------------------------------------------


def test_age_01_badge_due_list_leaves_out_the_days_out_of_contact(tree, officer, secretary):
    on = D(2026, 2, 3)
    kept = admit(tree, secretary, name="Nguyễn Văn Đủ")
    lost = admit(tree, secretary, name="Trần Văn Thiếu")
    out_of_contact(lost, secretary)
    candidates = badge_candidates(members_for(officer), tree["commune"])
    assert list(badge_due(candidates, 30, on)) == [kept]
    assert set(badge_due(candidates, 30, D(2027, 2, 3))) == {kept, lost}


def _due_page(client, tree, on="2026-02-03"):
    url = reverse("members:badge_due", args=[tree["commune"].pk])
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, {"on": on, "years": 30})
    assert response.status_code == 200
    return len(ctx.captured_queries), response


def test_age_01_badge_due_page_constant_queries_with_periods(client, login, officer, tree):
    login(officer)
    members = [admit(tree, officer, name=f"Đảng viên {i:02}") for i in range(12)]
    few, response = _due_page(client, tree)
    assert len(response.context["page"].object_list) == 12
    for member in members[:6]:
        out_of_contact(member, officer)
    many, response = _due_page(client, tree)
    assert len(response.context["page"].object_list) == 6 and few == many


def test_age_01_member_page_and_badge_page(client, login, secretary, tree):
    member = admit(tree, secretary)
    out_of_contact(member, secretary)
    login(secretary)
    response = client.get(reverse("members:detail", args=[member.pk]))
    assert response.context["page"].party_age == 29  # today (2026): 30 only on 03/02/2027
    html = response.content.decode()
    assert 'data-testid="non-participations"' in html
    assert "Mất liên lạc với tổ chức đảng" in html and "31/12/2000" in html
    response = client.get(reverse("members:badge_member", args=[member.pk]))
    assert response.context["party_age_from"] == D(1997, 2, 3)


def test_age_01_refresh_command_keeps_an_open_period_current(tree, secretary):
    from django.core.management import call_command
    from django.utils import timezone

    member = admit(tree, secretary)
    out_of_contact(member, secretary, starts_on=D(2026, 1, 1))
    ended = admit(tree, secretary, name="Trần Văn Về")
    out_of_contact(ended, secretary)
    today = timezone.localdate()
    expected = ADMITTED + (today - D(2026, 1, 1) + timedelta(days=1))
    member.refresh_from_db()
    assert member.party_age_from == expected
    # As if recorded some days ago: the stored date lags behind until the refresh.
    Member.objects.filter(pk=member.pk).update(party_age_from=expected - timedelta(days=3))
    call_command("refresh_party_age", stdout=io.StringIO())
    member.refresh_from_db()
    ended.refresh_from_db()
    assert member.party_age_from == expected
    assert ended.party_age_from == D(1997, 2, 3)
