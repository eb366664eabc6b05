"""The working-day calendar (ADM-07..09, PRB-02/03, TRF-01) and its seed."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from core import calendar
from core.calendar import (
    add_calendar_days,
    add_working_days,
    deadline,
    deadline_status,
    is_working_day,
    next_working_day,
    vietnam_holidays,
    working_days_between,
    year_name,
)
from core.lunar import lunar_new_year, lunar_to_solar
from core.models import DayKind, PublicHoliday

D = date


@pytest.fixture(autouse=True)
def fresh_calendar_cache(db):
    """No test sees a year cached by another (edits here are rolled back, not signalled)."""
    calendar.clear_cache()
    yield
    calendar.clear_cache()


def test_year_name():
    assert year_name(2026) == "Bính Ngọ"
    assert year_name(2025) == "Ất Tỵ"
    assert year_name(2024) == "Giáp Thìn"


# --- Working days over the seeded table ----------------------------------------------


@pytest.mark.parametrize(
    "day, working",
    [
        (D(2026, 2, 13), True),  # Friday before the Tết break
        (D(2026, 2, 14), False),  # Saturday, first day of the break
        (D(2026, 2, 16), False),  # 29 tháng Chạp, the day before Tết
        (D(2026, 2, 17), False),  # mùng 1 Tết Bính Ngọ
        (D(2026, 2, 18), False),  # the day after
        (D(2026, 2, 20), False),  # mùng 4
        (D(2026, 2, 23), True),  # Monday, back to work
        (D(2026, 4, 24), True),  # Friday before the Giỗ Tổ weekend
        (D(2026, 4, 26), False),  # Giỗ Tổ on a Sunday
        (D(2026, 4, 27), False),  # its compensatory Monday
        (D(2026, 4, 29), True),
        (D(2026, 4, 30), False),
        (D(2026, 5, 1), False),
        (D(2026, 5, 4), True),
        (D(2026, 1, 1), False),
        (D(2026, 9, 2), False),
        (D(2026, 3, 10), True),  # an ordinary Tuesday
        (D(2026, 3, 14), False),  # an ordinary Saturday
        (D(2025, 1, 27), False),  # swapped day off...
        (D(2025, 2, 8), True),  # ...paid back on Saturday 08/02/2025
        (D(2025, 4, 26), True),  # Saturday worked for Friday 02/05/2025
        (D(2025, 5, 2), False),
        (D(2025, 9, 1), False),  # Quốc khánh: 2/9 and the day next to it
        (D(2025, 9, 2), False),
        (D(2023, 1, 2), False),  # 1/1/2023 was a Sunday
        (D(2023, 5, 3), False),  # 29/4–1/5/2023 ran over a weekend: two days owed
        (D(2020, 9, 1), True),  # before 2021 Quốc khánh was one day
    ],
)
def test_is_working_day(day, working):
    assert is_working_day(day) is working


def test_the_start_day_never_counts():
    assert add_working_days(D(2026, 3, 10), 1) == D(2026, 3, 11)
    assert add_working_days(D(2026, 3, 13), 1) == D(2026, 3, 16)  # Friday → Monday
    assert add_working_days(D(2026, 3, 14), 1) == D(2026, 3, 16)  # from a Saturday
    assert add_working_days(D(2026, 3, 10), 0) == D(2026, 3, 10)
    assert add_working_days(D(2026, 3, 14), 0) == D(2026, 3, 14)


def test_add_working_days_across_tet():
    assert add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 23)
    assert add_working_days(D(2026, 2, 12), 2) == D(2026, 2, 23)
    assert add_working_days(D(2026, 2, 13), 5) == D(2026, 2, 27)
    assert add_working_days(D(2026, 2, 17), 1) == D(2026, 2, 23)  # event on mùng 1
    assert working_days_between(D(2026, 2, 13), D(2026, 2, 23)) == 1
    assert working_days_between(D(2026, 2, 13), D(2026, 2, 22)) == 0


def test_holiday_weekend_boundaries():
    # Friday 24/04/2026 before Giỗ Tổ (Sunday) and its Monday off.
    assert add_working_days(D(2026, 4, 24), 1) == D(2026, 4, 28)
    # Wednesday 29/04/2026 before 30/4–1/5 (Thursday, Friday) and the weekend.
    assert add_working_days(D(2026, 4, 29), 1) == D(2026, 5, 4)
    assert working_days_between(D(2026, 4, 24), D(2026, 5, 4)) == 3  # 28, 29 April, 4 May


def test_sixty_working_days_trf01_adm07():
    # 30/01/2026 + 60 working days, counted by hand: 37 to the end of March (Tết
    # 16–20/02 skipped), 18 in April (27/04 and 30/04 off), then 4, 5, 6 May (1/5 off).
    assert add_working_days(D(2026, 1, 30), 60) == D(2026, 5, 6)
    assert deadline(D(2026, 1, 30), 60) == D(2026, 5, 6)
    assert working_days_between(D(2026, 1, 30), D(2026, 5, 6)) == 60


def test_saturday_worked_counts():
    assert add_working_days(D(2025, 2, 7), 1) == D(2025, 2, 8)
    assert add_working_days(D(2025, 1, 24), 1) == D(2025, 2, 3)  # over the 2025 Tết break


def test_backwards_and_between_are_consistent():
    assert add_working_days(D(2026, 2, 23), -1) == D(2026, 2, 13)
    assert working_days_between(D(2026, 2, 23), D(2026, 2, 13)) == -1
    assert working_days_between(D(2026, 3, 10), D(2026, 3, 10)) == 0
    start = D(2025, 12, 20)
    for n in (1, 7, 30, 60, 90):
        assert working_days_between(start, add_working_days(start, n)) == n


def test_deadline_rejects_negative_and_status():
    with pytest.raises(ValueError, match="needs a non-negative number of working days"):
        deadline(D(2026, 3, 10), -1)
    status = deadline_status(D(2026, 2, 13), 5)
    assert status.due == D(2026, 2, 27)
    assert status.remaining(D(2026, 2, 13)) == 5
    assert status.remaining(D(2026, 2, 26)) == 1
    assert not status.is_overdue(D(2026, 2, 27))
    assert status.is_overdue(D(2026, 3, 2))
    assert status.remaining(D(2026, 3, 2)) == -1


def test_calendar_day_periods_end_on_a_working_day():
    assert add_calendar_days(D(2026, 3, 2), 30) == D(2026, 4, 1)
    assert add_calendar_days(D(2026, 1, 16), 30) == D(2026, 2, 23)  # 15/02 is in Tết
    assert next_working_day(D(2026, 2, 14)) == D(2026, 2, 23)
    assert next_working_day(D(2026, 3, 10)) == D(2026, 3, 10)


def test_datetimes_are_taken_in_local_time():
    # 23:30 UTC on Friday 13/02/2026 is Saturday 14/02 in Hà Nội.
    moment = datetime(2026, 2, 13, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert is_working_day(moment) is False
    assert add_working_days(moment, 1) == D(2026, 2, 23)


# --- The seed ------------------------------------------------------------------------


@pytest.mark.parametrize("year", range(2015, 2031))
def test_seed_year_shape(year):
    days = vietnam_holidays(year)
    by_date = {d.date: d for d in days}
    assert len(by_date) == len(days)
    assert sum(1 for d in days if d.kind == "lunar_new_year") == 5
    tet = lunar_new_year(year)
    assert by_date[tet].kind == "lunar_new_year"
    assert by_date[tet - timedelta(days=1)].kind == "lunar_new_year"
    for fixed in (D(year, 1, 1), D(year, 4, 30), D(year, 5, 1), D(year, 9, 2)):
        assert fixed in by_date
    assert lunar_to_solar(10, 3, year) in by_date
    national_day = [d for d in days if d.name.startswith("Quốc khánh")]
    assert len(national_day) == (2 if year >= 2021 else 1)
    for d in days:
        if d.kind == "working_weekend":
            assert d.date.weekday() >= 5
        if d.kind == "compensatory":
            assert d.date.weekday() < 5
    # Every holiday on a weekend is paid back (the official Tết breaks included).
    weekday_off = sum(1 for d in days if d.kind != "working_weekend" and d.date.weekday() < 5)
    worked = sum(1 for d in days if d.kind == "working_weekend")
    statutory = 1 + 5 + 1 + 1 + 1 + (2 if year >= 2021 else 1)  # 1/1, Tết, 10/3, 30/4, 1/5, 2/9
    assert weekday_off - worked >= statutory - (1 if year == 2025 else 0)


def test_seeded_rows_are_in_the_table():
    assert PublicHoliday.objects.filter(date__year=2026).count() == len(vietnam_holidays(2026))
    assert PublicHoliday.objects.filter(date__year__gte=2015, date__year__lte=2030).count() > 200
    assert PublicHoliday.objects.get(date=D(2026, 2, 17)).kind == DayKind.LUNAR_NEW_YEAR


def test_working_days_per_year_are_plausible():
    for year in (2024, 2025, 2026):
        total = working_days_between(D(year - 1, 12, 31), D(year, 12, 31))
        assert 245 <= total <= 252


def test_seed_holidays_command_adds_missing_days_only(capsys):
    PublicHoliday.objects.create(date=D(2031, 1, 1), name="Sửa tay", kind=DayKind.FIXED)
    call_command("seed_holidays", "2031", "--dry-run")
    assert not PublicHoliday.objects.filter(date=D(2031, 9, 2)).exists()
    call_command("seed_holidays", "2031")
    assert PublicHoliday.objects.get(date=D(2031, 1, 1)).name == "Sửa tay"
    assert PublicHoliday.objects.filter(date__year=2031).count() == len(vietnam_holidays(2031))
    assert not is_working_day(D(2031, 9, 2))
    call_command("seed_holidays", "2031", "--replace")
    assert PublicHoliday.objects.get(date=D(2031, 1, 1)).name == "Tết Dương lịch"


# --- Editing the table and the cache ---------------------------------------------------


def test_editing_a_holiday_changes_the_result():
    tuesday = D(2026, 3, 10)
    assert is_working_day(tuesday)
    assert add_working_days(D(2026, 3, 9), 1) == tuesday
    holiday = PublicHoliday.objects.create(date=tuesday, name="Nghỉ thêm", kind=DayKind.EXTRA)
    assert not is_working_day(tuesday)
    assert add_working_days(D(2026, 3, 9), 1) == D(2026, 3, 11)
    holiday.date = D(2026, 3, 11)
    holiday.save()
    assert is_working_day(tuesday)
    assert not is_working_day(D(2026, 3, 11))
    pk = holiday.pk
    holiday.delete()
    assert is_working_day(D(2026, 3, 11))
    assert PublicHoliday.history.filter(id=pk).count() == 3


def test_deleting_a_seeded_holiday_makes_a_working_day():
    PublicHoliday.objects.get(date=D(2026, 4, 27)).delete()
    assert is_working_day(D(2026, 4, 27))
    assert add_working_days(D(2026, 4, 24), 1) == D(2026, 4, 27)


def test_a_year_is_read_once_and_reread_after_an_edit():
    with CaptureQueriesContext(connection) as first:
        assert add_working_days(D(2026, 1, 30), 60) == D(2026, 5, 6)
    assert len(first) == 1
    with CaptureQueriesContext(connection) as again:
        is_working_day(D(2026, 3, 10))
        working_days_between(D(2026, 1, 1), D(2026, 12, 31))
    assert len(again) == 0
    PublicHoliday.objects.create(date=D(2026, 3, 10), name="Nghỉ thêm", kind=DayKind.EXTRA)
    # Changed inside a transaction: read afresh until it commits (a rollback must not
    # leave the uncommitted day in the cache).
    assert calendar._change_pending()
    with CaptureQueriesContext(connection) as pending:
        assert not is_working_day(D(2026, 3, 10))
        assert not is_working_day(D(2026, 3, 10))
    assert len(pending) == 2  # not cached while uncommitted


def test_a_rolled_back_edit_does_not_linger():
    assert is_working_day(D(2026, 3, 10))
    with pytest.raises(RuntimeError), transaction.atomic():
        PublicHoliday.objects.create(date=D(2026, 3, 10), name="Thử", kind=DayKind.EXTRA)
        assert not is_working_day(D(2026, 3, 10))
        raise RuntimeError("roll back")
    assert is_working_day(D(2026, 3, 10))


def test_the_cache_comes_back_once_the_transaction_is_over():
    calendar._local.pending_block = object()  # a block that is no longer open
    assert not calendar._change_pending()
    is_working_day(D(2026, 3, 10))
    assert 2026 in calendar._cache


def test_request_start_clears_the_cache():
    is_working_day(D(2026, 3, 10))
    assert 2026 in calendar._cache
    calendar.request_started()
    assert calendar._cache == {}


def test_a_working_weekend_must_be_a_weekend():
    day = PublicHoliday(date=D(2026, 3, 10), name="Làm bù", kind=DayKind.WORKING_WEEKEND)
    with pytest.raises(ValidationError, match="Ngày làm bù phải là thứ Bảy hoặc Chủ nhật"):
        day.full_clean()
    PublicHoliday(date=D(2026, 3, 14), name="Làm bù", kind=DayKind.WORKING_WEEKEND).full_clean()


def test_a_working_weekend_is_a_working_day():
    PublicHoliday.objects.create(date=D(2026, 3, 14), name="Làm bù", kind=DayKind.WORKING_WEEKEND)
    assert is_working_day(D(2026, 3, 14))
    assert add_working_days(D(2026, 3, 13), 1) == D(2026, 3, 14)
