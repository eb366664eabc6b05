"""Member pages for every persona: who reads and who writes which record (MEM-01, MEM-02)."""

from datetime import date

import pytest
from django.urls import reverse

from members.enums import EventKind, MemberStatus
from members.models import Member
from tests.members.views_support import (
    CREATE,
    LIST,
    _admitted,
    _create_data,
    _detail,
    _edit,
    _event,
    _names,
    _profile,
)

pytestmark = pytest.mark.django_db

# --- Anonymous -------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client, member_a):
    urls = [
        LIST,
        CREATE,
        reverse("members:me"),
        reverse("members:export_list"),
        reverse("members:register_xlsx"),
        reverse("members:register_docx"),
        reverse("members:quality"),
        reverse("members:quality_export"),
        _detail(member_a),
        _edit(member_a),
        reverse("members:photo", args=[member_a.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("accounts:login")), url
    response = client.post(_event(member_a), {})
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


# --- Who reads which record ------------------------------------------------------------

# (persona, reads member_a in cell_a, reads member_b in cell_b, reads member_other)
READS = [
    ("admin_user", True, True, True),
    ("officer", True, True, False),
    ("inspector", True, True, False),
    ("secretary", True, False, False),
    ("other_secretary", False, True, False),
    ("member_user", False, False, False),
    ("outsider", False, False, True),
]


@pytest.mark.parametrize("name, reads_a, reads_b, reads_other", READS)
def test_detail_by_persona(
    name, reads_a, reads_b, reads_other, persona, client, login, member_a, member_b, member_other
):
    login(persona(name))
    for member, reads in [(member_a, reads_a), (member_b, reads_b), (member_other, reads_other)]:
        assert client.get(_detail(member)).status_code == (200 if reads else 404), member


@pytest.mark.parametrize("name, reads_a, reads_b, reads_other", READS)
def test_list_by_persona(
    name, reads_a, reads_b, reads_other, persona, client, login, member_a, member_b, member_other
):
    login(persona(name))
    response = client.get(LIST)
    assert response.status_code == 200
    names = _names(response)
    assert ("Lê Văn Đức" in names) == reads_a
    assert ("Hà Thị Mai" in names) == reads_b
    assert ("Vi Văn Hùng" in names) == reads_other


# (persona, filtering the list by cell_a: 200 or 404)
FILTER_CELL_A = [
    ("admin_user", 200),
    ("officer", 200),
    ("inspector", 200),
    ("secretary", 200),
    ("other_secretary", 404),
    ("member_user", 404),
    ("outsider", 404),
]


@pytest.mark.parametrize("name, status", FILTER_CELL_A)
def test_list_filtered_by_an_organization_out_of_reach_is_404(
    name, status, persona, client, login, tree, member_a
):
    login(persona(name))
    response = client.get(LIST, {"organization": tree["cell_a"].pk})
    assert response.status_code == status
    if status == 200:
        assert "Lê Văn Đức" in _names(response)


def test_member_sees_only_their_own_record(client, login, member_user, member_a):
    login(member_user)
    own = member_user.member
    response = client.get(reverse("members:me"))
    assert response.status_code == 302
    assert response.url == _detail(own)
    assert client.get(_detail(own)).status_code == 200
    assert client.get(_detail(member_a)).status_code == 404
    assert _names(client.get(LIST)) == [own.full_name]


def test_me_without_member_record_is_404(client, login, officer):
    login(officer)
    assert client.get(reverse("members:me")).status_code == 404


# --- Who changes which record ----------------------------------------------------------

# (persona, member_a's edit page, the create page, a status event on member_a)
WRITES = [
    ("admin_user", 200, 200, 302),
    ("officer", 200, 200, 302),
    ("secretary", 200, 200, 302),
    ("inspector", 403, 403, 403),
    ("other_secretary", 404, 200, 404),
    ("member_user", 404, 403, 404),
    ("outsider", 404, 200, 404),
]


@pytest.mark.parametrize("name, edit_status, create_status, event_status", WRITES)
def test_writes_by_persona(
    name, edit_status, create_status, event_status, persona, client, login, tree, officer
):
    member = _admitted("Lê Văn Đức", tree["cell_a"], date(2020, 1, 10), full_on=date(2021, 1, 10))
    login(persona(name))
    assert client.get(_edit(member)).status_code == edit_status
    assert client.get(CREATE).status_code == create_status
    response = client.post(_edit(member), _profile(member, full_name="Đổi Tên"))
    assert response.status_code in (302, edit_status)
    member.refresh_from_db()
    assert (member.full_name == "Đổi Tên") == (edit_status == 200)
    response = client.post(
        _event(member), {"kind": EventKind.DECEASED, "on": "02/01/2025", "reason": "Ốm"}
    )
    assert response.status_code == event_status
    member.refresh_from_db()
    assert (member.status == MemberStatus.DECEASED) == (event_status == 302)


def test_member_cannot_edit_own_record(client, login, member_user):
    login(member_user)
    assert client.get(_edit(member_user.member)).status_code == 403
    assert client.post(_event(member_user.member), {}).status_code == 403


@pytest.mark.parametrize("name", ["other_secretary", "outsider"])
def test_cannot_create_in_someone_elses_cell(name, persona, client, login, tree):
    login(persona(name))
    response = client.post(CREATE, _create_data(tree["cell_a"]))
    assert response.status_code == 200
    assert "organization" in response.context["form"].errors
    assert not Member.objects.filter(full_name="Nông Thị Lan").exists()


def test_edit_does_not_offer_status_or_organization(client, login, officer, member_a):
    login(officer)
    fields = client.get(_edit(member_a)).context["form"].fields
    assert "status" not in fields and "organization" not in fields
    assert "citizen_id" in fields and "photo" in fields


def test_record_event_is_post_only(client, login, officer, member_a):
    login(officer)
    assert client.get(_event(member_a)).status_code == 405


# --- Create: admission or paper register (MEM-02) ------------------------------------
