"""Statistics pages: persona scoping (404 outside the reach), the table, drill-down,
the XLSX export opened and checked, no inline scripts, a constant number of queries."""

import calendar
import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from meetings.enums import AttendanceStatus as S
from meetings.enums import MeetingKind, MeetingState
from meetings.models import Attendance, Meeting
from organizations.enums import CellCategory, OrgKind
from tests.factories import MemberFactory, OrganizationFactory

YEAR = 2025


@pytest.fixture
def data(tree):
    """cell_a: 12 periodic meetings, 9 present of 10 each; cell_b: 9 meetings."""
    members = [MemberFactory(organization=tree["cell_a"]) for _ in range(10)]
    for month in range(1, 13):
        m = Meeting.objects.create(
            organization=tree["cell_a"],
            kind=MeetingKind.PERIODIC,
            planned_on=date(YEAR, month, 5),
            state=MeetingState.HELD,
            held_on=date(YEAR, month, 5),
        )
        Attendance.objects.bulk_create(
            Attendance(meeting=m, member=p, status=S.PRESENT if i else S.UNEXCUSED)
            for i, p in enumerate(members)
        )
    for month in range(1, 10):
        Meeting.objects.create(
            organization=tree["cell_b"],
            kind=MeetingKind.PERIODIC,
            planned_on=date(YEAR, month, 5),
            state=MeetingState.HELD,
            held_on=date(YEAR, month, 5),
        )
    agency = OrganizationFactory(
        superior=tree["commune"], kind=OrgKind.GRASSROOTS_CELL, category=CellCategory.AGENCY
    )
    return {"agency": agency}


def page_url(org, **query):
    params = "&".join(f"{k}={v}" for k, v in {"year": YEAR, **query}.items())
    return f"{reverse('meeting_stats:page', args=[org.pk])}?{params}"


def test_officer_sees_the_table(tree, data, officer, login):
    response = login(officer).get(page_url(tree["commune"]))
    assert response.status_code == 200
    html = response.content.decode()
    result = response.context["result"]
    assert result.total.cells == 3
    assert result.total.buckets == {"full": 1, "mid": 1, "low": 1}
    assert "33,33%" in html
    assert "90,00%" in html  # attendance: 108/120
    assert 'id="stats-chart-data"' in html
    assert "<script>" not in html  # no inline script: data by json_script, JS in a file
    assert "vendor/chartjs/chart.umd.min.js" in html
    assert "meetings/statistics.js" in html
    # Years and ids in links are not localized (2.025).
    assert "year=2025" in html and "2.025" not in html


def test_month_range_picker(tree, data, officer, login):
    response = login(officer).get(page_url(tree["commune"], month_from=1, month_to=6))
    assert response.status_code == 200
    period = response.context["period"]
    assert (period.starts_on, period.ends_on) == (date(YEAR, 1, 1), date(YEAR, 6, 30))
    # cell_a and cell_b both met every month of the half year.
    assert response.context["result"].total.buckets["full"] == 2
    bad = login(officer).get(page_url(tree["commune"], month_from=7, month_to=3))
    assert bad.status_code == 200
    assert bad.context["form"].errors


def test_drill_down(tree, data, officer, login):
    url = reverse("meeting_stats:cells", args=[tree["commune"].pk])
    client = login(officer)
    response = client.get(f"{url}?year={YEAR}&bucket=mid")
    assert [x.organization for x in response.context["lines"]] == [tree["cell_b"]]
    response = client.get(f"{url}?year={YEAR}&category=agency")
    assert [x.organization for x in response.context["lines"]] == [data["agency"]]
    response = client.get(f"{url}?year={YEAR}&category=rural_village&bucket=full")
    assert [x.organization for x in response.context["lines"]] == [tree["cell_a"]]
    assert client.get(f"{url}?year={YEAR}&bucket=nonsense").status_code == 404
    assert client.get(f"{url}?year={YEAR}&category=nonsense").status_code == 404


def test_xlsx_export(tree, data, officer, login):
    url = reverse("meeting_stats:export", args=[tree["commune"].pk])
    response = login(officer).get(f"{url}?year={YEAR}")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    summary, cells = workbook.worksheets
    values = [[c for c in row] for row in summary.iter_rows(values_only=True)]
    header = next(i for i, row in enumerate(values) if row and row[0] == "Loại hình chi bộ")
    table = {row[0]: row for row in values[header + 1 :] if row and row[0]}
    columns = values[header]
    total = table["Tổng cộng"]
    assert total[columns.index("Số chi bộ")] == 3
    assert total[columns.index("Đủ 12 kỳ/năm (mọi tháng)")] == 1
    share = total[columns.index("Tỷ lệ Đủ 12 kỳ/năm (mọi tháng)")]
    assert share == pytest.approx(1 / 3)
    assert total[columns.index("Tỷ lệ dự sinh hoạt bình quân")] == pytest.approx(0.9)
    assert total[columns.index("Lượt vắng không lý do")] == 12
    assert table["Thôn, bản, ấp"][columns.index("Số chi bộ")] == 2
    names = [row[0] for row in cells.iter_rows(values_only=True)]
    assert tree["cell_a"].name in names and data["agency"].name in names


PAGES = ["meeting_stats:page", "meeting_stats:cells", "meeting_stats:export"]


@pytest.mark.parametrize("name", PAGES)
def test_personas(tree, data, name, login, persona, client):
    def get(user, org):
        c = login(user) if user else client
        return c.get(f"{reverse(name, args=[org.pk])}?year={YEAR}")

    assert get(persona("officer"), tree["commune"]).status_code == 200
    assert get(persona("inspector"), tree["commune"]).status_code == 200
    assert get(persona("admin_user"), tree["province"]).status_code == 200
    secretary = persona("secretary")
    assert get(secretary, tree["cell_a"]).status_code == 200
    assert get(secretary, tree["commune"]).status_code == 404
    assert get(secretary, tree["cell_b"]).status_code == 404
    assert get(persona("other_secretary"), tree["cell_a"]).status_code == 404
    assert get(persona("member_user"), tree["cell_a"]).status_code == 404
    assert get(persona("outsider"), tree["commune"]).status_code == 404
    client.logout()
    anonymous = get(None, tree["commune"])
    assert anonymous.status_code == 302
    assert "login" in anonymous["Location"]


def test_secretary_sees_only_own_cell(tree, data, secretary, login):
    response = login(secretary).get(page_url(tree["cell_a"]))
    assert response.context["result"].total.cells == 1


def test_home_redirects_to_the_users_organization(tree, officer, member_user, login, client):
    response = login(officer).get(reverse("meeting_stats:home"))
    assert response.status_code == 302
    assert response["Location"].endswith(f"/{tree['commune'].pk}/")


def test_page_queries_do_not_grow(tree, data, officer, login):
    client = login(officer)
    client.get(page_url(tree["commune"]))  # warm the session

    def count():
        with CaptureQueriesContext(connection) as context:
            response = client.get(page_url(tree["commune"]))
        return len(context.captured_queries), response

    before, _response = count()
    for i in range(20):
        cell = OrganizationFactory(
            superior=tree["commune"], kind=OrgKind.GRASSROOTS_CELL, category=CellCategory.SCHOOL
        )
        Meeting.objects.create(
            organization=cell,
            kind=MeetingKind.THEMATIC,
            planned_on=date(YEAR, 1 + i % 12, 3),
            state=MeetingState.HELD,
            held_on=date(YEAR, 1 + i % 12, 3),
        )
    after, response = count()
    assert response.context["result"].total.cells == 23
    assert after == before


@pytest.mark.parametrize(
    ("today", "query", "expected_to", "note"),
    [
        # This year: the period runs to the last finished month (as the home page).
        (date(YEAR, 11, 23), {}, 10, False),
        (date(YEAR, 11, 1), {}, 10, False),
        (date(YEAR, 10, 31), {}, 9, False),
        # Asked past the last finished month: cut short, and said so.
        (date(YEAR, 11, 23), {"month_from": 1, "month_to": 12}, 10, True),
        (date(YEAR, 11, 23), {"month_from": 1, "month_to": 10}, 10, False),
        (date(YEAR, 11, 23), {"month_from": 3, "month_to": 6}, 6, False),
        # A past year is whole.
        (date(YEAR + 1, 1, 5), {}, 12, False),
    ],
)
def test_period_stops_at_the_last_finished_month(
    tree, data, officer, login, monkeypatch, today, query, expected_to, note
):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: today)
    response = login(officer).get(page_url(tree["commune"], **query))
    assert response.status_code == 200
    period = response.context["period"]
    last_day = calendar.monthrange(YEAR, expected_to)[1]
    assert period.ends_on == date(YEAR, expected_to, last_day)
    body = response.content.decode()
    assert ('data-testid="period-note"' in body) is note
    if note:
        assert f"Tính đến hết tháng {expected_to:02d}/{YEAR}" in body
