"""The register's data quality lists: members without citizen ID, likely duplicates,
impossible dates (ADM-01, PRB-01, MEM-02), cells under 3 full members (ORG-02); scoped
(the page's personas, filter, export and query counts: views/test_quality)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from members.enums import EventKind, MemberStatus
from members.models import Member
from members.queries import quality
from members.services.events import record_event
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

PAGE = reverse("members:quality")


def _full(name, org, *, by=None, **fields):
    member = MemberFactory(full_name=name, organization=org, status="", **fields)
    record_event(member, EventKind.ADMITTED, date(2010, 1, 1), by=by, organization=org)
    record_event(member, EventKind.FULL_MEMBERSHIP, date(2011, 1, 1), by=by)
    return member


def _with_dates(name, org, **dates):
    member = MemberFactory(full_name=name, organization=org, citizen_id=None)
    Member.objects.filter(pk=member.pk).update(**dates)
    return member


def _names(members):
    return sorted(m.full_name for m in members)


# --- Scope -----------------------------------------------------------------------------


def test_outsider_sees_nothing_of_another_subtree(client, login, outsider, tree, member_other):
    MemberFactory(full_name="Lê Văn Đức", organization=tree["cell_a"], citizen_id=None)
    login(outsider)
    report = client.get(PAGE).context["report"]
    assert _names(report.without_citizen_id) == ["Vi Văn Hùng"]
    assert [c.name for c in report.small_cells] == [tree["other_cell"].name]


def test_secretary_sees_own_cell_only(client, login, secretary, tree):
    MemberFactory(full_name="Lê Văn Đức", organization=tree["cell_a"], citizen_id=None)
    MemberFactory(full_name="Hà Thị Mai", organization=tree["cell_b"], citizen_id=None)
    login(secretary)
    report = client.get(PAGE).context["report"]
    assert _names(report.without_citizen_id) == ["Lê Văn Đức"]
    assert [c.name for c in report.small_cells] == [tree["cell_a"].name]


# --- The four lists --------------------------------------------------------------------


def test_without_citizen_id(client, login, officer, tree):
    MemberFactory(full_name="Không Có", organization=tree["cell_a"], citizen_id=None)
    MemberFactory(full_name="Có Số", organization=tree["cell_a"], citizen_id="020080123456")
    MemberFactory(
        full_name="Đã Mất",
        organization=tree["cell_a"],
        citizen_id=None,
        status=MemberStatus.DECEASED,
    )
    login(officer)
    response = client.get(PAGE)
    report = response.context["report"]
    assert _names(report.without_citizen_id) == ["Không Có"]
    assert report.without_citizen_id_count == 1
    html = response.content.decode()
    member = Member.objects.get(full_name="Không Có")
    assert member.get_absolute_url() in html
    assert 'data-testid="count-no-citizen-id">1<' in html


def test_likely_duplicates_ignore_diacritics_and_need_the_same_birth_date(
    client, login, officer, tree
):
    born = date(1975, 7, 1)
    MemberFactory(full_name="Nguyễn Văn Đức", organization=tree["cell_a"], date_of_birth=born)
    MemberFactory(full_name="Nguyen Van Duc", organization=tree["cell_b"], date_of_birth=born)
    MemberFactory(
        full_name="Nguyễn Văn Đức", organization=tree["cell_b"], date_of_birth=date(1975, 7, 2)
    )
    MemberFactory(full_name="Lê Thị Hoa", organization=tree["cell_a"], date_of_birth=born)
    login(officer)
    report = client.get(PAGE).context["report"]
    assert _names(report.duplicates) == ["Nguyen Van Duc", "Nguyễn Văn Đức"]
    assert report.duplicate_count == 2
    assert report.duplicate_group_count == 1


def test_impossible_dates(client, login, officer, tree):
    today = timezone.localdate()
    cell = tree["cell_a"]
    born = date(1990, 3, 5)
    # ADM-01: 17 years 364 days vs 18 years exactly.
    _with_dates("Trẻ Quá", cell, date_of_birth=born, admitted_on=date(2008, 3, 4))
    _with_dates("Đủ Tuổi", cell, date_of_birth=born, admitted_on=date(2008, 3, 5))
    # PRB-01: 11 months 30 days vs 12 months.
    _with_dates(
        "Chính Thức Sớm",
        cell,
        admitted_on=date(2020, 4, 10),
        full_member_on=date(2021, 4, 9),
    )
    _with_dates(
        "Chính Thức Đúng",
        cell,
        admitted_on=date(2020, 4, 10),
        full_member_on=date(2021, 4, 10),
    )
    _with_dates(
        "Chính Thức Trước", cell, admitted_on=date(2020, 4, 10), full_member_on=date(2019, 1, 1)
    )
    _with_dates("Tương Lai", cell, admitted_on=today + timedelta(days=1))
    _with_dates("Hôm Nay", cell, admitted_on=today)
    login(officer)
    response = client.get(PAGE)
    report = response.context["report"]
    found = {m.full_name: m.problems for m in report.impossible}
    assert found == {
        "Trẻ Quá": ["Vào Đảng khi chưa đủ 18 tuổi (ADM-01)"],
        "Chính Thức Sớm": ["Chính thức chưa đủ 12 tháng sau khi vào Đảng (PRB-01)"],
        "Chính Thức Trước": ["Ngày chính thức trước ngày vào Đảng"],
        "Tương Lai": ["Ngày vào Đảng ở tương lai"],
    }
    assert report.impossible_count == 4
    assert "Vào Đảng khi chưa đủ 18 tuổi (ADM-01)" in response.content.decode()


def test_impossible_dates_agree_with_the_form_rules_on_leap_days(tree):
    from members.services.profile import date_errors

    cases = [
        (date(2004, 2, 29), date(2022, 2, 28), None),
        (date(2004, 2, 29), date(2022, 3, 1), None),
        (date(1990, 1, 1), date(2024, 2, 29), date(2025, 2, 28)),
        (date(1990, 1, 1), date(2024, 2, 29), date(2025, 3, 1)),
        (date(1990, 1, 1), date(2024, 1, 31), date(2025, 1, 30)),
        (date(1990, 1, 1), date(2024, 1, 31), date(2025, 1, 31)),
    ]
    cell = tree["cell_a"]
    for index, (born, admitted, full) in enumerate(cases):
        _with_dates(
            f"Ca {index}", cell, date_of_birth=born, admitted_on=admitted, full_member_on=full
        )
    flagged = {m.full_name for m in quality.impossible_dates(Member.objects.all())}
    for index, (born, admitted, full) in enumerate(cases):
        expected = bool(date_errors(date_of_birth=born, admitted_on=admitted, full_member_on=full))
        assert (f"Ca {index}" in flagged) == expected, (born, admitted, full)


def test_cells_with_fewer_than_3_full_members_ORG_02(client, login, officer, tree):
    for name in ("A", "B", "C"):
        _full(f"Lê Văn {name}", tree["cell_a"])
    _full("Hà Văn D", tree["cell_b"])
    _full("Hà Văn E", tree["cell_b"])
    # Probationary, struck off and temporary members do not count (TRF-01).
    probationary = MemberFactory(full_name="Hà Văn F", organization=tree["cell_b"], status="")
    record_event(
        probationary, EventKind.ADMITTED, date(2025, 1, 1), by=None, organization=tree["cell_b"]
    )
    gone = _full("Hà Văn G", tree["cell_b"])
    record_event(gone, EventKind.STRUCK_OFF, date(2024, 1, 1), by=None, reason="x")
    guest = _full("Lê Văn H", tree["cell_a"])
    record_event(
        guest, EventKind.TEMPORARY_IN, date(2024, 1, 1), by=None, organization=tree["cell_b"]
    )
    login(officer)
    report = client.get(PAGE).context["report"]
    assert [(c.name, c.full_members) for c in report.small_cells] == [(tree["cell_b"].name, 2)]
    # The boundary: three full members is enough.
    _full("Hà Văn I", tree["cell_b"])
    report = client.get(PAGE).context["report"]
    assert report.small_cells == []
