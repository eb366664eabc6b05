"""GET /api/v1/organizations/{id}/meeting-statistics/: the same figures as
meetings.queries.statistics.result.compliance() (which feeds the page), scoped like the page."""

from datetime import date

import pytest
from django.utils import timezone

from accounts.scope import org_read_filter
from meetings.enums import AttendanceStatus as S
from meetings.enums import MeetingKind, MeetingState
from meetings.models import Attendance, Meeting
from meetings.queries.statistics.base import BUCKET_LABELS, BUCKETS, Period
from meetings.queries.statistics.result import compliance
from organizations.enums import CellCategory, OrgKind
from tests.factories import MemberFactory, OrganizationFactory

from .conftest import API, count_queries

YEAR = 2025


def url(org):
    return f"/organizations/{org.pk}/meeting-statistics/"


def held(cell, on, kind=MeetingKind.PERIODIC):
    return Meeting.objects.create(
        organization=cell, kind=kind, planned_on=on, state=MeetingState.HELD, held_on=on
    )


@pytest.fixture
def data(tree):
    """cell_a: 12 periodic meetings, 9 of 10 present (one unexcused) at each, a thematic
    meeting in Q2; cell_b: 9 periodic meetings, no attendance; an agency cell: none."""
    members = [MemberFactory(organization=tree["cell_a"]) for _ in range(10)]
    for month in range(1, 13):
        meeting = held(tree["cell_a"], date(YEAR, month, 5))
        Attendance.objects.bulk_create(
            Attendance(meeting=meeting, member=p, status=S.PRESENT if i else S.UNEXCUSED)
            for i, p in enumerate(members)
        )
    held(tree["cell_a"], date(YEAR, 5, 20), MeetingKind.THEMATIC)
    for month in range(1, 10):
        held(tree["cell_b"], date(YEAR, month, 5))
    agency = OrganizationFactory(
        superior=tree["commune"], kind=OrgKind.GRASSROOTS_CELL, category=CellCategory.AGENCY
    )
    return {"agency": agency}


def figures(row: dict) -> tuple:
    """The figures of one row of the API's JSON."""
    return (
        row["category"],
        row["cells"],
        tuple(b["cells"] for b in row["buckets"]),
        tuple((b["share"]["n"], b["share"]["of"]) for b in row["buckets"]),
        row["periodic_meetings"],
        tuple(row["thematic_by_quarter"]),
        (row["attendance"]["n"], row["attendance"]["of"]),
        (row["meetings_on_target"]["n"], row["meetings_on_target"]["of"]),
        row["unexcused_absences"],
    )


def expected(row, quarters) -> tuple:
    """The same figures of one Row of compliance()."""
    return (
        row.category,
        row.cells,
        tuple(row.buckets[b] for b in BUCKETS),
        tuple((row.share(b).n, row.share(b).of) for b in BUCKETS),
        row.periodic,
        tuple(row.thematic_in(quarters)),
        (row.attendance.n, row.attendance.of),
        (row.meetings_target.n, row.meetings_target.of),
        row.unexcused,
    )


@pytest.mark.parametrize("persona", ["officer", "inspector"])
def test_same_figures_as_compliance(tree, data, get, persona, request):
    user = request.getfixturevalue(persona)
    response = get(user, url(tree["commune"]), year=YEAR)
    assert response.status_code == 200, response.content
    body = response.json()
    result = compliance(tree["commune"], Period.year(YEAR), within=org_read_filter(user))
    assert figures(body["total"]) == expected(result.total, result.quarters)
    assert [figures(r) for r in body["rows"]] == [expected(r, result.quarters) for r in result.rows]
    assert [b["label"] for b in body["total"]["buckets"]] == [
        str(BUCKET_LABELS[b]) for b in BUCKETS
    ]
    assert body["organization"] == {"id": tree["commune"].pk, "name": tree["commune"].name}
    assert body["period"] == {
        "starts_on": "2025-01-01",
        "ends_on": "2025-12-31",
        "label": "Năm 2025",
        "note": "",
        "quarters": ["Quý 1/2025", "Quý 2/2025", "Quý 3/2025", "Quý 4/2025"],
    }


def test_the_figures_themselves(tree, data, get, officer):
    """The same dataset as the page's tests: the API answers the page's numbers."""
    total = get(officer, url(tree["commune"]), year=YEAR).json()["total"]
    assert total["cells"] == 3
    assert {b["key"]: b["cells"] for b in total["buckets"]} == {"full": 1, "mid": 1, "low": 1}
    full = total["buckets"][0]["share"]
    assert full["fraction"] == pytest.approx(1 / 3) and full["text"] == "33,33%"
    assert total["attendance"]["fraction"] == pytest.approx(0.9)  # 108 of 120
    assert total["attendance"]["text"] == "90,00%"
    assert total["meetings_on_target"] == {"n": 12, "of": 12, "fraction": 1.0, "text": "100,00%"}
    assert total["unexcused_absences"] == 12
    assert total["periodic_meetings"] == 21
    assert total["thematic_meetings"] == 1
    assert total["thematic_by_quarter"] == [0, 1, 0, 0]
    rows = get(officer, url(tree["commune"]), year=YEAR).json()["rows"]
    assert [(r["category"], r["cells"]) for r in rows] == [("rural_village", 2), ("agency", 1)]
    assert rows[0]["label"] == "Thôn, bản, ấp"
    # 1990: before any cell was established; shares have no fraction.
    empty = get(officer, url(tree["commune"]), year=1990).json()["total"]
    assert empty["cells"] == 0
    assert empty["attendance"] == {"n": 0, "of": 0, "fraction": None, "text": ""}


def test_secretary_sees_their_cell_and_404_elsewhere(tree, data, get, secretary, other_secretary):
    total = get(secretary, url(tree["cell_a"]), year=YEAR).json()["total"]
    assert total["cells"] == 1 and total["buckets"][0]["cells"] == 1
    for org in ("commune", "grassroots", "cell_a"):
        response = get(other_secretary, url(tree[org]), year=YEAR)
        assert response.status_code == 404
    assert get(other_secretary, url(tree["cell_b"]), year=YEAR).json()["total"]["cells"] == 1


def test_404_for_outsider_and_member_401_for_anonymous(tree, data, get, outsider, member_user):
    assert get(outsider, url(tree["commune"]), year=YEAR).status_code == 404
    assert get(member_user, url(tree["cell_a"]), year=YEAR).status_code == 404
    assert get(None, url(tree["cell_a"]), year=YEAR).status_code == 401


def test_bad_year_is_422_in_vietnamese(tree, get, officer):
    response = get(officer, url(tree["commune"]), year=20250)
    assert response.status_code == 422
    assert response.json() == {"detail": "Năm không hợp lệ: 20250 (từ 1930 đến 2100)."}
    response = get(officer, url(tree["commune"]), year="hai nghìn")
    assert response.status_code == 422
    assert response.json()["detail"] == "Tham số không hợp lệ."


def test_this_year_runs_to_the_last_finished_month(tree, get, officer):
    today = timezone.localdate()
    period = get(officer, url(tree["commune"]), year=today.year).json()["period"]
    if today.month == 1:
        assert period["ends_on"] == f"{today.year}-12-31" and period["note"] == ""
    else:
        assert period["ends_on"] < today.isoformat()
        assert period["ends_on"].startswith(f"{today.year}-{today.month - 1:02d}")
        assert period["note"].startswith("Tính đến hết tháng")
    # The default year is a whole past year, or this year so far.
    assert get(officer, url(tree["commune"])).status_code == 200


def test_queries_do_not_grow_with_cells(tree, data, login, officer):
    client = login(officer)

    def call():
        return client.get(f"{API}{url(tree['commune'])}", {"year": YEAR})

    few = count_queries(call)
    for i in range(20):
        cell = OrganizationFactory(superior=tree["commune"], kind=OrgKind.GRASSROOTS_CELL)
        held(cell, date(YEAR, (i % 12) + 1, 5))
    assert count_queries(call) == few
    assert call().json()["total"]["cells"] == 23
