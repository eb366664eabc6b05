"""Writes through the screens and services: move, succession, units, terms, committees, audit.

Committee seats are members' (tests/members/views/test_seats.py, services/test_seats.py)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from organizations.enums import OrgKind
from organizations.models import (
    Committee,
    Organization,
    OrganizationMove,
    OrganizationSuccession,
    ResidentialUnit,
    Term,
)
from organizations.services import committees as committee_services
from organizations.services import tree as tree_services
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


# --- Moving a subtree ----------------------------------------------------------------------


def test_move_keeps_history_and_takes_the_subtree_along(officer, login, records, tree):
    cell, group = records["cell"], records["group"]
    target = OrganizationFactory(
        name="Đảng bộ Công ty Chè Tân Lập",
        kind=OrgKind.GRASSROOTS_COMMITTEE,
        superior=tree["commune"],
    )
    target.refresh_from_db()
    old_path = cell.path

    response = login(officer).post(
        reverse("organizations:move", args=[cell.pk]),
        {"to": target.pk, "moved_on": "01/08/2025", "reason": "Quyết định 12-QĐ/ĐU"},
    )
    assert response.status_code == 302

    cell.refresh_from_db()
    group.refresh_from_db()
    target.refresh_from_db()
    assert cell.path.startswith(target.path)
    assert not cell.path.startswith(tree["grassroots"].path) and cell.path != old_path
    assert group.path.startswith(cell.path)  # the party group moved with its cell
    assert Organization.objects.get_parent(cell) == target
    assert target.numchild == 1
    move = OrganizationMove.objects.get(organization=cell)
    assert move.from_superior == tree["grassroots"]
    assert move.to_superior == target
    assert move.moved_on == date(2025, 8, 1)
    assert move.moved_by == officer
    assert move.reason == "Quyết định 12-QĐ/ĐU"

    page = login(officer).get(cell.get_absolute_url()).content.decode()
    assert 'data-testid="moves"' in page
    assert "01/08/2025" in page and "Quyết định 12-QĐ/ĐU" in page


def test_move_targets_only_what_the_officer_manages_and_may_hold_the_kind(officer, tree):
    from organizations.queries import move_targets_for

    targets = set(move_targets_for(officer, tree["cell_a"]))
    assert tree["grassroots"] not in targets  # already its superior
    assert tree["commune"] not in targets  # a commune does not hold cells directly
    assert all(t.path.startswith(tree["commune"].path) for t in targets)


def test_move_out_of_reach_is_refused(officer, tree):
    """An officer cannot move an organization into another commune's subtree."""
    with pytest.raises(PermissionDenied, match="Bạn không có quyền thực hiện thao tác này"):
        tree_services.move_organization(
            tree["grassroots"],
            to=tree["other_commune"],
            moved_on=date(2025, 8, 1),
            reason="",
            by=officer,
        )


def test_move_into_own_subtree_is_refused(admin_user, records):
    with pytest.raises(
        ValidationError,
        match="Không thể chuyển một tổ chức vào chính nó hoặc tổ chức trực thuộc nó",
    ):
        tree_services.move_organization(
            records["cell"],
            to=records["group"],
            moved_on=date(2025, 8, 1),
            reason="",
            by=admin_user,
        )


# --- Succession --------------------------------------------------------------------------


def test_succession_recorded_and_linked_both_ways(officer, login, tree):
    cell_a, cell_b = tree["cell_a"], tree["cell_b"]
    response = login(officer).post(
        reverse("organizations:succession", args=[cell_a.pk]),
        {
            "direction": "successor",
            "other": cell_b.pk,
            "kind": "merge",
            "effective_on": "01/09/2025",
        },
    )
    assert response.status_code == 302
    link = OrganizationSuccession.objects.get()
    assert (link.predecessor, link.successor) == (cell_b, cell_a)

    page_a = login(officer).get(cell_a.get_absolute_url()).content.decode()
    assert 'data-testid="predecessors"' in page_a and cell_b.get_absolute_url() in page_a
    page_b = login(officer).get(cell_b.get_absolute_url()).content.decode()
    assert 'data-testid="successors"' in page_b and cell_a.get_absolute_url() in page_b

    again = login(officer).post(
        reverse("organizations:succession", args=[cell_a.pk]),
        {
            "direction": "successor",
            "other": cell_b.pk,
            "kind": "merge",
            "effective_on": "01/09/2025",
        },
    )
    assert again.status_code == 200
    assert OrganizationSuccession.objects.count() == 1


def test_succession_with_an_organization_out_of_scope_is_refused(officer, tree):
    with pytest.raises(PermissionDenied, match="Bạn không có quyền thực hiện thao tác này"):
        tree_services.record_succession(
            predecessor=tree["other_cell"],
            successor=tree["cell_a"],
            kind="merge",
            effective_on=date(2025, 9, 1),
            by=officer,
        )


# --- Residential units -------------------------------------------------------------------


def test_secretary_adds_edits_and_removes_residential_units(secretary, login, tree):
    cell = tree["cell_a"]
    client = login(secretary)
    response = client.post(
        reverse("organizations:add_unit", args=[cell.pk]),
        {"name": "Nà Phát", "kind": "village", "households": "85", "no_party_member": ""},
    )
    assert response.status_code == 302
    unit = ResidentialUnit.objects.get(cell=cell)
    assert unit.households == 85

    client.post(
        reverse("organizations:edit_unit", args=[cell.pk, unit.pk]),
        {"name": "Nà Phát", "kind": "village", "households": "90", "no_party_member": "on"},
    )
    unit.refresh_from_db()
    assert unit.households == 90 and unit.no_party_member
    assert unit.history.first().history_user == secretary

    assert "Nà Phát" in client.get(cell.get_absolute_url()).content.decode()
    client.post(reverse("organizations:delete_unit", args=[cell.pk, unit.pk]))
    assert not ResidentialUnit.objects.filter(pk=unit.pk).exists()


def test_units_only_for_cells(officer, login, tree):
    response = login(officer).get(reverse("organizations:add_unit", args=[tree["grassroots"].pk]))
    assert response.status_code == 403


# --- Terms and committees ---------------------------------------------------------------


def test_secretary_adds_term_and_committee(secretary, login, tree):
    cell = tree["cell_a"]
    client = login(secretary)
    assert (
        client.post(
            reverse("organizations:add_term", args=[cell.pk]),
            {"name": "2025–2030", "starts_on": "01/05/2025", "ends_on": ""},
        ).status_code
        == 302
    )
    term = Term.objects.get(organization=cell)
    assert (
        client.post(
            reverse("organizations:add_committee", args=[cell.pk]),
            {"term": term.pk, "kind": "cell_committee"},
        ).status_code
        == 302
    )
    assert Committee.objects.get(term=term).kind == "cell_committee"
    duplicate = client.post(
        reverse("organizations:add_committee", args=[cell.pk]),
        {"term": term.pk, "kind": "cell_committee"},
    )
    assert duplicate.status_code == 200 and duplicate.context["form"].errors["kind"]


def test_term_dates_in_order(officer, login, tree):
    response = login(officer).post(
        reverse("organizations:add_term", args=[tree["cell_a"].pk]),
        {"name": "2025–2030", "starts_on": "01/05/2025", "ends_on": "30/04/2025"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"]
    assert not Term.objects.exists()


def test_committee_kind_follows_the_organization(officer, tree):
    term = Term.objects.create(
        organization=tree["grassroots"], name="2025–2030", starts_on=date(2025, 5, 1)
    )
    with pytest.raises(ValidationError, match="Loại cấp ủy này không dùng cho đảng bộ cơ sở"):
        committee_services.add_committee(
            organization=tree["grassroots"], term=term, kind="cell_committee", by=officer
        )
    committee_services.add_committee(
        organization=tree["grassroots"], term=term, kind="executive", by=officer
    )


# --- Create and edit; the audit trail ------------------------------------------------------


def test_officer_creates_a_cell_under_the_grassroots_organization(officer, login, tree):
    response = login(officer).post(
        reverse("organizations:create_child", args=[tree["grassroots"].pk]),
        {
            "name": "Chi bộ thôn Pò Mỏ",
            "kind": "cell",
            "category": "rural_village",
            "code": "38.168.053.000.003",
            "established_on": "15/03/2010",
            "especially_difficult": "on",
        },
    )
    org = Organization.objects.get(name="Chi bộ thôn Pò Mỏ")
    assert response["Location"] == org.get_absolute_url()
    assert Organization.objects.get_parent(org) == tree["grassroots"]
    assert org.especially_difficult and org.search_name.startswith("chi bo thon po mo")
    assert org.history.get().history_user == officer


def test_editing_shows_the_change_on_the_page(officer, login, tree):
    cell = tree["cell_a"]
    client = login(officer)
    response = client.post(
        reverse("organizations:edit", args=[cell.pk]),
        {
            "name": "Chi bộ thôn Nà Phát Mới",
            "kind": "cell",
            "category": "rural_village",
            "code": "",
            "established_on": "01/01/2000",
            "address": "Xã Tân Lập",
        },
    )
    assert response.status_code == 302
    html = client.get(cell.get_absolute_url()).content.decode()
    history = html.split('data-testid="history"', 1)[1]
    assert "<del>Chi bộ thôn Nà Phát</del> → Chi bộ thôn Nà Phát Mới" in history
    assert "Officer" in history  # who
    assert "Xã Tân Lập" in history


def test_dissolve_records_the_reason_in_the_history(officer, tree):
    tree_services.dissolve_organization(
        tree["cell_b"], on=date(2025, 9, 1), reason="Sáp nhập vào chi bộ Nà Phát", by=officer
    )
    record = tree["cell_b"].history.first()
    assert record.history_change_reason == "Sáp nhập vào chi bộ Nà Phát"
    assert record.history_user == officer


def test_services_refuse_a_user_without_the_right(inspector, secretary, tree):
    with pytest.raises(PermissionDenied, match="Bạn không có quyền thực hiện thao tác này"):
        tree_services.create_organization(
            superior=tree["grassroots"], by=inspector, name="X", kind="cell", category="school"
        )
    with pytest.raises(PermissionDenied, match="Bạn không có quyền thực hiện thao tác này"):
        tree_services.update_organization(tree["cell_a"], by=secretary, name="Đổi tên")
    with pytest.raises(PermissionDenied, match="Bạn không có quyền thực hiện thao tác này"):
        tree_services.dissolve_organization(
            tree["cell_a"], on=date(2025, 9, 1), reason="", by=secretary
        )


# --- ORG-03: model cells --------------------------------------------------------------------


def test_org03_model_cell_year_designated_by_the_superior(officer, login, tree):
    cell = tree["cell_a"]
    client = login(officer)
    url = reverse("organizations:add_model_year", args=[cell.pk])
    assert client.post(url, {"year": "2025", "note": "Nghị quyết 05"}).status_code == 302
    duplicate = client.post(url, {"year": "2025", "note": ""})
    assert duplicate.status_code == 200 and duplicate.context["form"].errors["year"]
    assert "Chi bộ điểm năm 2025" in client.get(cell.get_absolute_url()).content.decode()


def test_org03_model_cell_only_for_cells(officer, login, tree):
    url = reverse("organizations:add_model_year", args=[tree["grassroots"].pk])
    assert login(officer).get(url).status_code == 403
