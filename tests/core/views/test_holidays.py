"""core.views.holidays: the holiday calendar page, for system administrators only."""

from datetime import date

import pytest

from core import calendar
from core.calendar import is_working_day, working_days_between
from core.models import DayKind, PublicHoliday

D = date


@pytest.fixture(autouse=True)
def fresh_calendar_cache(db):
    """No test sees a year cached by another (edits here are rolled back, not signalled)."""
    calendar.clear_cache()
    yield
    calendar.clear_cache()


def test_admin_sees_the_year(login, admin_user):
    response = login(admin_user).get("/holidays/?year=2026")
    assert response.status_code == 200
    body = response.content.decode()
    assert "17/02/2026" in body
    assert "Tết Nguyên đán Bính Ngọ (mùng 1)" in body
    assert "Lịch nghỉ lễ năm 2026" in body
    assert "?year=2027" in body  # years are not written 2.027
    assert response.context["working_days"] == working_days_between(
        D(2025, 12, 31), D(2026, 12, 31)
    )


@pytest.mark.parametrize(
    "persona", ["officer", "secretary", "inspector", "outsider", "member_user"]
)
def test_everyone_else_gets_404(request, login, persona):
    user = request.getfixturevalue(persona)
    client = login(user)
    holiday = PublicHoliday.objects.get(date=D(2026, 2, 17))
    assert client.get("/holidays/").status_code == 404
    assert client.get("/holidays/new/").status_code == 404
    assert client.get(f"/holidays/{holiday.pk}/edit/").status_code == 404
    assert client.post(f"/holidays/{holiday.pk}/delete/").status_code == 404
    assert PublicHoliday.objects.filter(pk=holiday.pk).exists()


def test_anonymous_is_sent_to_login(client):
    response = client.get("/holidays/")
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


def test_admin_adds_edits_and_deletes_a_day(login, admin_user):
    client = login(admin_user)
    assert client.get("/holidays/new/").status_code == 200
    response = client.post(
        "/holidays/new/",
        {"date": "10/03/2026", "name": "Nghỉ theo quyết định", "kind": DayKind.EXTRA, "note": ""},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?year=2026")
    holiday = PublicHoliday.objects.get(date=D(2026, 3, 10))
    assert not is_working_day(D(2026, 3, 10))
    assert holiday.history.latest().history_user == admin_user

    page = client.get(f"/holidays/{holiday.pk}/edit/")
    assert page.status_code == 200
    assert 'value="10/03/2026"' in page.content.decode()
    response = client.post(
        f"/holidays/{holiday.pk}/edit/",
        {"date": "11/03/2026", "name": "Nghỉ theo quyết định", "kind": DayKind.EXTRA, "note": ""},
    )
    assert response.status_code == 302
    assert is_working_day(D(2026, 3, 10))
    assert not is_working_day(D(2026, 3, 11))

    assert client.get(f"/holidays/{holiday.pk}/delete/").status_code == 200
    assert client.post(f"/holidays/{holiday.pk}/delete/").status_code == 302
    assert not PublicHoliday.objects.filter(pk=holiday.pk).exists()
    assert is_working_day(D(2026, 3, 11))


def test_form_errors_are_shown(login, admin_user):
    client = login(admin_user)
    duplicate = client.post(
        "/holidays/new/", {"date": "17/02/2026", "name": "Trùng", "kind": DayKind.FIXED}
    )
    assert duplicate.status_code == 200
    assert "Ngày này đã có trong lịch nghỉ lễ." in duplicate.content.decode()
    bad = client.post("/holidays/new/", {"date": "31/02/2026", "name": "Sai", "kind": "fixed"})
    assert bad.status_code == 200 and bad.context["form"].errors["date"]
    weekday = client.post(
        "/holidays/new/",
        {"date": "10/03/2026", "name": "Làm bù", "kind": DayKind.WORKING_WEEKEND},
    )
    assert weekday.status_code == 200 and weekday.context["form"].errors["kind"]
    assert not PublicHoliday.objects.filter(date=D(2026, 3, 10)).exists()


def test_bad_year_falls_back_to_this_year(login, admin_user):
    response = login(admin_user).get("/holidays/?year=abc")
    assert response.status_code == 200
    assert response.context["year"] >= 2025


def test_holiday_pages_keep_their_messages(login, admin_user):
    from datetime import date

    from core.models import DayKind, PublicHoliday

    client = login(admin_user)
    data = {"date": "10/03/2026", "name": "Nghỉ bù", "kind": DayKind.EXTRA, "note": ""}
    response = client.post("/holidays/new/", data, follow=True)
    assert "Đã thêm ngày" in response.content.decode()
    holiday = PublicHoliday.objects.get(date=date(2026, 3, 10))
    response = client.post(f"/holidays/{holiday.pk}/edit/", data, follow=True)
    assert "Đã lưu ngày" in response.content.decode()
    bad = client.post(f"/holidays/{holiday.pk}/edit/", {**data, "date": "31/02/2026"})
    assert bad.status_code == 200 and bad.context["form"].errors["date"]
    assert client.get(f"/holidays/{holiday.pk}/delete/").status_code == 200
    response = client.post(f"/holidays/{holiday.pk}/delete/", follow=True)
    assert "Đã xóa ngày" in response.content.decode()
    assert response.redirect_chain[-1][0].endswith("?year=2026")
    assert not PublicHoliday.objects.filter(pk=holiday.pk).exists()


def test_years_stop_at_the_ends_of_the_calendar(login, admin_user):
    client = login(admin_user)
    first = client.get("/holidays/?year=1900")
    assert first.context["year"] == 1900
    assert first.context["previous_year"] is None and first.context["next_year"] == 1901
    last = client.get("/holidays/?year=2199")
    assert last.context["next_year"] is None and last.context["previous_year"] == 2198
    beyond = client.get("/holidays/?year=2200")
    assert beyond.context["year"] == 2026  # out of range: this year (the pinned clock)


def test_the_year_counts_days_off_and_worked_weekends(login, admin_user):
    PublicHoliday.objects.create(date=D(2026, 3, 14), name="Làm bù", kind=DayKind.WORKING_WEEKEND)
    context = login(admin_user).get("/holidays/?year=2026").context
    days = PublicHoliday.objects.filter(date__year=2026)
    assert context["worked_weekends"] == days.filter(kind=DayKind.WORKING_WEEKEND).count() >= 1
    assert context["weekday_days_off"] == sum(
        1 for d in days if d.kind != DayKind.WORKING_WEEKEND and d.date.weekday() < 5
    )
    row = next(r for r in context["rows"] if r["day"].date == D(2026, 3, 14))
    assert row["working"] is True and str(row["weekday"]) == "Thứ Bảy"
