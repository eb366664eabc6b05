"""The home page for each persona."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory


def test_anonymous_is_sent_to_the_login_page(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_officer_sees_the_organizations_they_lead(login, officer, tree):
    response = login(officer).get("/")
    assert response.status_code == 200
    assert list(response.context["roots"]) == [tree["commune"]]
    assert tree["commune"].get_absolute_url() in response.content.decode()


def test_secretary_sees_their_cell(login, secretary, tree):
    response = login(secretary).get("/")
    assert list(response.context["roots"]) == [tree["cell_a"]]


def test_member_goes_straight_to_their_own_record(login, member_user):
    response = login(member_user).get("/")
    assert response.status_code == 302
    assert response.url == "/members/me/"


def test_user_without_any_role_is_told_so(login, db):
    user = UserFactory(username="chua_phan_quyen")
    body = login(user).get("/").content.decode()
    assert "chưa được phân quyền" in body


@pytest.mark.parametrize("persona", ["officer", "secretary", "inspector"])
def test_menu_offers_the_tree_but_not_user_administration(request, login, persona):
    body = login(request.getfixturevalue(persona)).get("/").content.decode()
    assert "/organizations/" in body
    assert "/accounts/users/" not in body


def test_system_admin_menu_has_user_administration_and_holidays(login, admin_user):
    body = login(admin_user).get("/").content.decode()
    assert "/accounts/users/" in body
    assert "/holidays/" in body


def test_a_record_outside_the_scope_shows_a_vietnamese_404_page(login, outsider, tree, settings):
    settings.DEBUG = False
    response = login(outsider).get(tree["cell_a"].get_absolute_url())
    assert response.status_code == 404
    body = response.content.decode()
    assert "Không tìm thấy trang hoặc hồ sơ này" in body
    assert "/static/img/favicon.svg" in body  # the shell, not Django's bare page


# --- the committee officer's indicators ---------------------------------------------------

HOME_DAY = __import__("datetime").date(2026, 11, 23)


@pytest.fixture
def on_home_day(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: HOME_DAY)


def _figures(response):
    ind = response.context["indicators"]
    return {f.key: f for f in [*ind.figures, *ind.overdue]}


def test_officer_sees_this_year_beside_last_year(login, officer, tree, on_home_day):
    from meetings.enums import MeetingKind, MeetingState
    from meetings.models import Meeting
    from tests.reports import annual_data

    annual_data.build(tree, officer)  # 2025: cell_a 12 months, cell_b 10; 2 admitted of 4
    for month in range(1, 11):  # 2026 up to October: cell_a every month, cell_b none
        Meeting.objects.create(
            organization=tree["cell_a"],
            kind=MeetingKind.PERIODIC,
            planned_on=HOME_DAY.replace(month=month, day=5),
            state=MeetingState.HELD,
            held_on=HOME_DAY.replace(month=month, day=5),
        )
    response = login(officer).get("/")
    figures = _figures(response)
    ind = response.context["indicators"]
    assert ind.organization == tree["commune"] and ind.year == 2026
    assert ind.meeting_label == "Từ tháng 01/2026 đến tháng 10/2026"
    # January–October: 2026 one cell of two every month; 2025 both (cell_b met Jan–Oct).
    assert (figures["meetings_full"].now, figures["meetings_full"].before) == ("50,00%", "100,00%")
    assert figures["attendance"].before == "75,00%" and figures["attendance"].now == "—"
    assert figures["admitted"].before == "2 / 4 (50,0%)"
    assert figures["admitted"].now == "0 (chưa giao chỉ tiêu)"
    assert figures["reviews"].now == "Chưa xếp loại" and figures["reviews"].before == "75,0%"
    assert figures["reviews"].url == f"/reviews/results/{tree['commune'].pk}/2025/"
    assert figures["admissions_overdue"].url == f"/admissions/?organization={tree['commune'].pk}"
    body = response.content.decode()
    assert "month_from=1&amp;month_to=10" in body and "bucket=low" in body
    assert f"/reports/annual/{tree['commune'].pk}/" in body
    assert 'data-testid="meeting-alerts"' in body


def test_secretary_sees_their_cells_indicators(login, secretary, tree, on_home_day):
    response = login(secretary).get("/")
    assert response.context["indicators"].organization == tree["cell_a"]
    assert _figures(response)["meetings_full"].note.startswith("0/1 chi bộ")


def _more_data(tree, n):
    """n more sympathizers with monthly reviews, members and attended meetings."""
    from datetime import date

    from admissions.enums import CandidateSource, CandidateState
    from admissions.models import Candidate, CandidateEvent, CandidateReview
    from meetings.enums import AttendanceStatus, MeetingKind, MeetingState
    from meetings.models import Attendance, Meeting
    from tests.factories import MemberFactory

    cell = tree["cell_b"]
    for i in range(n):
        candidate = Candidate.objects.create(
            full_name=f"Thêm {i}",
            sex="male",
            date_of_birth=date(2001, 1, 1),
            source=CandidateSource.YOUTH_UNION,
            cell=cell,
            state=CandidateState.SYMPATHIZER,
            state_since=date(2026, 2, 1),
        )
        CandidateEvent.objects.create(
            candidate=candidate, state=CandidateState.SYMPATHIZER, on=date(2026, 2, 1)
        )
        CandidateReview.objects.create(candidate=candidate, month=date(2026, 3, 1))
        meeting = Meeting.objects.create(
            organization=cell,
            kind=MeetingKind.PERIODIC,
            planned_on=date(2026, 1 + i % 10, 9),
            state=MeetingState.HELD,
            held_on=date(2026, 1 + i % 10, 9),
        )
        Attendance.objects.create(
            meeting=meeting,
            member=MemberFactory(organization=cell),
            status=AttendanceStatus.PRESENT,
        )


def test_home_page_queries_do_not_grow_with_the_data(login, officer, tree, on_home_day):
    import collections

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.reports import annual_data

    client = login(officer)
    annual_data.build(tree, officer)
    _more_data(tree, 1)
    client.get("/")  # warm caches (holidays)
    with CaptureQueriesContext(connection) as small:
        client.get("/")
    _more_data(tree, 12)
    with CaptureQueriesContext(connection) as large:
        client.get("/")

    def key(q):
        return q["sql"][:90]

    extra = collections.Counter(map(key, large.captured_queries)) - collections.Counter(
        map(key, small.captured_queries)
    )
    assert len(large) == len(small), extra


def test_home_page_has_no_inline_script_or_style(login, officer, tree, on_home_day):
    body = login(officer).get("/").content.decode()
    assert "<script>" not in body and " style=" not in body


@pytest.mark.parametrize(
    ("persona", "writes"),
    [("officer", True), ("secretary", True), ("inspector", False), ("admin_user", True)],
)
@pytest.mark.django_db
def test_links_to_write_only_pages_only_for_those_who_write(request, login, tree, persona, writes):
    """An inspector reads the subtree but writes nothing: the import and "take in from
    outside" pages would answer 404/403, so their links are not offered."""
    client = login(request.getfixturevalue(persona))
    home = client.get(reverse("home:page")).content.decode()
    assert (reverse("members:import_start") in home) is writes
    transfers = client.get(reverse("members:transfer_list"))
    assert transfers.status_code == 200
    assert (reverse("members:transfer_incoming") in transfers.content.decode()) is writes
    if writes:
        assert client.get(reverse("members:import_start")).status_code == 200
        assert client.get(reverse("members:transfer_incoming")).status_code == 200
