"""ORG rules through the forms and services, by rule ID, with their boundary dates."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from organizations.enums import OrgKind
from organizations.forms import OrganizationForm
from organizations.models import Organization
from organizations.services import tree as tree_services

pytestmark = pytest.mark.django_db


def _create(client, superior, **data):
    payload = {"name": "Tổ chức mới", "kind": "", "category": "", "code": "", "established_on": ""}
    payload.update(data)
    return client.post(reverse("organizations:create_child", args=[superior.pk]), payload)


def _created(name="Tổ chức mới"):
    return Organization.objects.filter(name=name).first()


def _field_errors(response, field):
    return [str(e) for e in response.context["form"].errors.get(field, [])]


# --- ORG-01: levels and the 2025 reorganization ------------------------------------------


def test_org01_district_kind_refused_from_2025_07_01(admin_user, login, tree):
    client = login(admin_user)
    province = tree["province"]

    accepted = _create(
        client, province, name="Huyện ủy A", kind=OrgKind.DISTRICT, established_on="30/06/2025"
    )
    assert accepted.status_code == 302
    assert _created("Huyện ủy A").kind == OrgKind.DISTRICT

    refused = _create(
        client, province, name="Huyện ủy B", kind=OrgKind.DISTRICT, established_on="01/07/2025"
    )
    assert refused.status_code == 200
    assert _created("Huyện ủy B") is None
    assert any("01/07/2025" in e and "ORG-01" in e for e in _field_errors(refused, "kind"))


def test_org01_commune_kind_refused_before_2025_07_01(admin_user, login, tree):
    client = login(admin_user)
    province = tree["province"]

    refused = _create(
        client, province, name="Đảng bộ xã A", kind=OrgKind.COMMUNE, established_on="30/06/2025"
    )
    assert refused.status_code == 200
    assert _created("Đảng bộ xã A") is None
    assert any("ORG-01" in e for e in _field_errors(refused, "kind"))

    accepted = _create(
        client, province, name="Đảng bộ xã B", kind=OrgKind.COMMUNE, established_on="01/07/2025"
    )
    assert accepted.status_code == 302
    assert Organization.objects.get_parent(_created("Đảng bộ xã B")) == province


@pytest.mark.parametrize("kind", [OrgKind.WARD, OrgKind.SPECIAL_ZONE])
def test_org01_ward_and_special_zone_only_from_2025_07_01(admin_user, login, tree, kind):
    client = login(admin_user)
    assert (
        _create(
            client, tree["province"], name="X", kind=kind, established_on="30/06/2025"
        ).status_code
        == 200
    )
    assert (
        _create(
            client, tree["province"], name="Y", kind=kind, established_on="01/07/2025"
        ).status_code
        == 302
    )


def test_org01_cell_cannot_hold_grassroots_committee(officer, login, tree):
    cell = tree["cell_a"]
    # The form only offers the kinds a cell may hold (party groups)...
    form = OrganizationForm(superior=cell)
    assert [value for value, _ in form.fields["kind"].choices] == [OrgKind.PARTY_GROUP]
    # ...a forged POST is refused beside the field...
    response = _create(login(officer), cell, kind=OrgKind.GRASSROOTS_COMMITTEE)
    assert response.status_code == 200
    assert _field_errors(response, "kind")
    assert _created() is None
    # ...and the service refuses it with the ORG-01 message.
    with pytest.raises(
        ValidationError,
        match=r"Chi bộ trực thuộc không thể trực tiếp có đảng bộ cơ sở\. \(ORG-01\)",
    ) as exc:
        tree_services.create_organization(
            superior=cell, by=officer, name="Đảng bộ sai chỗ", kind=OrgKind.GRASSROOTS_COMMITTEE
        )
    assert "ORG-01" in " ".join(exc.value.message_dict["kind"])
    assert "Chi bộ trực thuộc không thể trực tiếp có đảng bộ cơ sở" in " ".join(
        exc.value.message_dict["kind"]
    )


def test_org01_changing_kind_must_still_hold_the_subordinates(officer, tree):
    """A grassroots đảng bộ with cells cannot become a chi bộ cơ sở."""
    with pytest.raises(
        ValidationError,
        match=r"Chi bộ cơ sở không thể có các tổ chức trực thuộc hiện có.*\(ORG-01\)",
    ) as exc:
        tree_services.update_organization(
            tree["grassroots"], by=officer, kind=OrgKind.GRASSROOTS_CELL, category="school"
        )
    assert "ORG-01" in " ".join(exc.value.message_dict["kind"])


def test_org01_move_is_judged_on_the_move_date(admin_user, tree):
    """A grassroots organization may go under a district until 30/06/2025 only."""
    district = Organization.objects.add_child(
        tree["province"],
        {"name": "Huyện ủy Cao Lộc", "kind": OrgKind.DISTRICT, "established_on": date(1990, 1, 1)},
    )
    org = tree["grassroots"]
    with pytest.raises(
        ValidationError,
        match=r"Ngày 01/07/2025 không còn hoặc chưa có cấp đảng bộ huyện, quận, thị xã \(ORG-01\)",
    ) as exc:
        tree_services.move_organization(
            org, to=district, moved_on=date(2025, 7, 1), reason="QĐ", by=admin_user
        )
    assert "ORG-01" in " ".join(exc.value.message_dict["to"])
    tree_services.move_organization(
        org, to=district, moved_on=date(2025, 6, 30), reason="QĐ", by=admin_user
    )
    org.refresh_from_db()
    assert org.path.startswith(district.path)


def test_org01_move_refuses_a_superior_that_cannot_hold_the_kind(officer, tree):
    with pytest.raises(
        ValidationError, match=r"Đảng bộ xã không thể trực tiếp có chi bộ trực thuộc\. \(ORG-01\)"
    ) as exc:
        tree_services.move_organization(
            tree["cell_a"], to=tree["commune"], moved_on=date(2025, 8, 1), reason="", by=officer
        )
    assert "ORG-01" in str(exc.value)


# --- ORG-03: category only for cells ------------------------------------------------------


def test_org03_category_required_for_cells(officer, login, tree):
    response = _create(login(officer), tree["grassroots"], kind=OrgKind.CELL, category="")
    assert response.status_code == 200
    assert any("ORG-03" in e for e in _field_errors(response, "category"))
    ok = _create(login(officer), tree["grassroots"], kind=OrgKind.CELL, category="school")
    assert ok.status_code == 302


def test_org03_category_refused_for_non_cells(officer, login, tree):
    response = _create(
        login(officer), tree["commune"], kind=OrgKind.GRASSROOTS_COMMITTEE, category="school"
    )
    assert response.status_code == 200
    assert any("ORG-03" in e for e in _field_errors(response, "category"))


# --- ORG-05: the national code ------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "ok"),
    [
        ("38.168.053.000.009", True),
        ("38.168.053.000.01", False),  # too short
        ("38.168.05A.000.001", False),  # letters
        ("38168053000001", False),  # no dots
    ],
)
def test_org05_code_format(officer, login, tree, code, ok):
    response = _create(
        login(officer), tree["grassroots"], kind=OrgKind.CELL, category="school", code=code
    )
    if ok:
        assert response.status_code == 302
        assert _created().code == code
    else:
        assert response.status_code == 200
        assert any("ORG-05" in e for e in _field_errors(response, "code"))
        assert _created() is None


def test_org05_code_unique_with_a_friendly_message(officer, login, tree):
    Organization.objects.filter(pk=tree["cell_b"].pk).update(code="38.168.053.000.002")
    response = _create(
        login(officer),
        tree["grassroots"],
        kind=OrgKind.CELL,
        category="school",
        code="38.168.053.000.002",
    )
    assert response.status_code == 200
    assert _field_errors(response, "code") == [
        "Mã tổ chức này đã được dùng cho một tổ chức khác (ORG-05)."
    ]
    assert _created() is None


def test_org05_code_unique_in_the_service_too(officer, tree):
    """The service checks again (two forms submitted at once): no IntegrityError escapes."""
    Organization.objects.filter(pk=tree["cell_b"].pk).update(code="38.168.053.000.002")
    with pytest.raises(
        ValidationError, match=r"Mã tổ chức này đã được dùng cho một tổ chức khác \(ORG-05\)"
    ) as exc:
        tree_services.update_organization(tree["cell_a"], by=officer, code="38.168.053.000.002")
    assert "ORG-05" in exc.value.message_dict["code"][0]


def test_org05_empty_code_is_stored_as_null(officer, login, tree):
    _create(login(officer), tree["grassroots"], name="A", kind=OrgKind.CELL, category="school")
    _create(login(officer), tree["grassroots"], name="B", kind=OrgKind.CELL, category="school")
    assert list(
        Organization.objects.filter(name__in=["A", "B"]).values_list("code", flat=True)
    ) == [
        None,
        None,
    ]


# --- Dates in order -----------------------------------------------------------------------


def test_dissolved_day_before_established_refused_same_day_accepted(officer, login, tree):
    cell = tree["cell_b"]  # established 01/01/2000, no subordinates
    client = login(officer)
    url = reverse("organizations:dissolve", args=[cell.pk])

    refused = client.post(url, {"dissolved_on": "31/12/1999", "reason": "Sáp nhập"})
    assert refused.status_code == 200
    assert refused.context["form"].errors["dissolved_on"]
    cell.refresh_from_db()
    assert cell.dissolved_on is None

    accepted = client.post(url, {"dissolved_on": "01/01/2000", "reason": "Sáp nhập"})
    assert accepted.status_code == 302
    cell.refresh_from_db()
    assert cell.dissolved_on == date(2000, 1, 1)


def test_dissolve_refused_while_subordinates_are_active(officer, login, tree):
    response = login(officer).post(
        reverse("organizations:dissolve", args=[tree["grassroots"].pk]),
        {"dissolved_on": "01/01/2026", "reason": "Sáp nhập"},
    )
    assert response.status_code == 200
    assert "chưa giải thể" in str(response.context["form"].non_field_errors())
    tree["grassroots"].refresh_from_db()
    assert tree["grassroots"].dissolved_on is None


def test_child_not_established_after_its_superior_was_dissolved(tree):
    superior = tree["cell_b"]
    superior.dissolved_on = date(2020, 5, 1)
    data = {"name": "Tổ đảng", "kind": OrgKind.PARTY_GROUP}
    same_day = OrganizationForm({**data, "established_on": "01/05/2020"}, superior=superior)
    assert same_day.is_valid(), same_day.errors
    after = OrganizationForm({**data, "established_on": "02/05/2020"}, superior=superior)
    assert not after.is_valid()
    assert "01/05/2020" in after.errors["established_on"][0]


def test_nothing_created_under_a_dissolved_superior(officer, login, tree):
    Organization.objects.filter(pk=tree["cell_b"].pk).update(dissolved_on=date(2024, 1, 1))
    response = login(officer).get(reverse("organizations:create_child", args=[tree["cell_b"].pk]))
    assert response.status_code == 403


def test_dates_typed_dd_mm_yyyy(officer, login, tree):
    _create(
        login(officer),
        tree["grassroots"],
        kind=OrgKind.CELL,
        category="school",
        established_on="05/03/2026",
    )
    assert _created().established_on == date(2026, 3, 5)
