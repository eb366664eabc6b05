"""The committee seat pages (members.views.seats): add a seat, end one. Each persona's
status code on both pages is in tests/organizations/test_views.py (the organization
page's matrix); here the writes, the form's refusals and the 404s of another's records."""

from datetime import date

import pytest
from django.urls import reverse

from members.models import CommitteeSeat
from organizations.enums import CommitteeKind
from organizations.models import Committee, Term
from organizations.services import committees as committee_services
from tests.factories import MemberFactory
from tests.members.seats_support import make_seat_records

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(tree):
    return make_seat_records(tree)


def add_url(records):
    return reverse("seats:add_seat", args=[records["cell"].pk, records["committee"].pk])


def end_url(org, seat):
    return reverse("seats:end_seat", args=[org.pk, seat.pk])


# Moved from tests/organizations/test_services.py (test_secretary_adds_term_committee_and_seats,
# its seat half; the term and committee half stays there): the term and committee are set
# up through organizations' services.
def test_secretary_adds_and_ends_seats(secretary, login, tree):
    cell = tree["cell_a"]
    term = committee_services.add_term(
        organization=cell, name="2025–2030", starts_on=date(2025, 5, 1), by=secretary
    )
    committee = committee_services.add_committee(
        organization=cell, term=term, kind="cell_committee", by=secretary
    )
    client = login(secretary)

    deputy = MemberFactory(full_name="Lê Thị Hoa", organization=cell)
    chief = MemberFactory(full_name="Hoàng Văn Đức", organization=cell)
    url = reverse("seats:add_seat", args=[cell.pk, committee.pk])
    for member, role in [(deputy, "deputy"), (chief, "secretary")]:
        response = client.post(url, {"member": member.pk, "role": role, "starts_on": "01/05/2025"})
        assert response.status_code == 302, response.context["form"].errors

    html = client.get(cell.get_absolute_url()).content.decode()
    # Listed secretary first, then deputy.
    assert html.index("Hoàng Văn Đức") < html.index("Lê Thị Hoa")

    seat = CommitteeSeat.objects.get(member=deputy)
    assert (
        client.post(
            reverse("seats:end_seat", args=[cell.pk, seat.pk]),
            {"ends_on": "30/04/2025", "reason": ""},
        ).status_code
        == 200
    )
    client.post(
        reverse("seats:end_seat", args=[cell.pk, seat.pk]),
        {"ends_on": "01/12/2025", "reason": "Chuyển công tác"},
    )
    seat.refresh_from_db()
    assert seat.ends_on == date(2025, 12, 1)


# Moved from tests/organizations/test_services.py.
def test_seat_member_must_belong_to_the_subtree(officer, login, records, tree):
    stranger = MemberFactory(full_name="Người Ngoài", organization=tree["cell_b"])
    response = login(officer).post(
        add_url(records),
        {"member": stranger.pk, "role": "member", "starts_on": "01/06/2025"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["member"]


# Moved from tests/organizations/test_services.py.
def test_second_secretary_at_the_same_time_refused(officer, login, records):
    response = login(officer).post(
        add_url(records),
        {"member": records["deputy_member"].pk, "role": "secretary", "starts_on": "01/06/2025"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["role"]


def test_add_seat_page_offers_the_active_members_of_the_subtree(officer, login, records, tree):
    MemberFactory(full_name="Vi Thị Khánh", organization=tree["cell_b"])
    MemberFactory(full_name="Đã Chuyển Đi", organization=records["cell"], status="transferred_out")
    response = login(officer).get(add_url(records))
    assert response.status_code == 200
    offered = {m.full_name for m in response.context["form"].fields["member"].queryset}
    assert offered == {"Hoàng Văn Đức", "Lê Thị Hoa"}
    html = response.content.decode()
    assert "Thêm cấp ủy viên" in html
    assert "Lê Thị Hoa — Chi bộ thôn Nà Phát" in html


def test_add_seat_saves_the_seat_and_returns_to_the_organization(officer, login, records):
    response = login(officer).post(
        add_url(records),
        {
            "member": records["deputy_member"].pk,
            "role": "deputy",
            "starts_on": "01/05/2025",
            "ends_on": "",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == records["cell"].get_absolute_url()
    seat = CommitteeSeat.objects.get(member=records["deputy_member"])
    assert (seat.committee, seat.role, seat.starts_on, seat.ends_on) == (
        records["committee"],
        "deputy",
        date(2025, 5, 1),
        None,
    )
    assert seat.history.get().history_user == officer


def test_add_seat_refuses_a_start_outside_the_term(officer, login, records):
    response = login(officer).post(
        add_url(records),
        {"member": records["deputy_member"].pk, "role": "deputy", "starts_on": "30/04/2025"},
    )
    assert response.status_code == 200
    assert (
        "Ngày bắt đầu phải nằm trong nhiệm kỳ 2025–2030."
        in response.context["form"].errors["starts_on"]
    )
    assert not CommitteeSeat.objects.filter(member=records["deputy_member"]).exists()


def test_end_seat_page_names_the_member_and_the_role(secretary, login, records):
    response = login(secretary).get(end_url(records["cell"], records["seat"]))
    assert response.status_code == 200
    assert "Hoàng Văn Đức thôi giữ chức bí thư" in response.content.decode()


def test_end_seat_on_the_day_it_starts_is_accepted_with_its_reason(secretary, login, records):
    seat = records["seat"]
    response = login(secretary).post(
        end_url(records["cell"], seat), {"ends_on": "01/05/2025", "reason": "Nghỉ hưu"}
    )
    assert response.status_code == 302
    assert response["Location"] == records["cell"].get_absolute_url()
    seat.refresh_from_db()
    assert seat.ends_on == date(2025, 5, 1)
    latest = seat.history.first()
    assert latest.history_user == secretary and latest.history_change_reason == "Nghỉ hưu"


def test_committee_of_another_organization_is_404_even_for_its_reader(
    officer, login, tree, records
):
    """The committee in the URL must be the organization's: cell_b's committee under
    cell_a's URL is a 404, though the officer reaches both."""
    term_b = Term.objects.create(
        organization=tree["cell_b"], name="2025–2030", starts_on=date(2025, 5, 1)
    )
    committee_b = Committee.objects.create(
        organization=tree["cell_b"], term=term_b, kind=CommitteeKind.CELL_COMMITTEE
    )
    client = login(officer)
    assert (
        client.get(reverse("seats:add_seat", args=[records["cell"].pk, committee_b.pk])).status_code
        == 404
    )
    assert (
        client.get(reverse("seats:add_seat", args=[tree["cell_b"].pk, committee_b.pk])).status_code
        == 200
    )


def test_seat_of_another_organization_is_404(officer, login, tree, records):
    """A seat is ended under its own committee's organization only (not under the superior)."""
    client = login(officer)
    assert client.get(end_url(tree["grassroots"], records["seat"])).status_code == 404
    assert client.get(end_url(tree["cell_b"], records["seat"])).status_code == 404
    assert client.get(end_url(records["cell"], records["seat"])).status_code == 200


def test_inspector_gets_the_refusal_page_and_nothing_is_saved(inspector, login, records):
    response = login(inspector).post(
        add_url(records),
        {"member": records["deputy_member"].pk, "role": "deputy", "starts_on": "01/05/2025"},
    )
    assert response.status_code == 403
    assert "Không có quyền" in response.content.decode()
    assert not CommitteeSeat.objects.filter(member=records["deputy_member"]).exists()


def test_the_add_form_starts_on_the_terms_first_day(login, officer, records):
    form = login(officer).get(add_url(records)).context["form"]
    assert form.initial["starts_on"] == records["committee"].term.starts_on
