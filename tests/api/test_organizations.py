"""GET /api/v1/organizations/ and /organizations/{id}/: scoped like the pages (404 outside
the reach, never 403), diacritic-insensitive search, a constant number of queries."""

import pytest

from organizations.enums import OrgKind
from tests.factories import OrganizationFactory

from .conftest import API, count_queries

COMMUNE_SUBTREE = ["commune", "grassroots", "cell_a", "cell_b"]


def names(response):
    return [row["name"] for row in response.json()["items"]]


def expected(tree, keys):
    return [tree[k].name for k in keys]


@pytest.mark.parametrize("persona", ["officer", "inspector"])
def test_subtree_readers_list_their_subtree_in_tree_order(tree, get, persona, request):
    response = get(request.getfixturevalue(persona), "/organizations/")
    assert response.status_code == 200
    assert names(response) == expected(tree, COMMUNE_SUBTREE)
    assert response.json()["count"] == 4


def test_fields_and_superior_id(tree, get, officer):
    rows = {row["id"]: row for row in get(officer, "/organizations/").json()["items"]}
    cell_a = rows[tree["cell_a"].pk]
    assert cell_a["superior_id"] == tree["grassroots"].pk
    assert cell_a["kind"] == OrgKind.CELL
    assert cell_a["kind_label"] == "Chi bộ trực thuộc"
    assert cell_a["category"] == "rural_village"
    assert cell_a["category_label"] == "Thôn, bản, ấp"
    assert cell_a["established_on"] == "2000-01-01"
    assert cell_a["dissolved_on"] is None
    # The commune's superior (the province) is outside the officer's reach: its id is
    # given, reading it is a 404.
    assert rows[tree["commune"].pk]["superior_id"] == tree["province"].pk
    assert get(officer, f"/organizations/{tree['province'].pk}/").status_code == 404


def test_admin_reads_the_whole_tree(tree, get, admin_user):
    rows = get(admin_user, "/organizations/").json()["items"]
    assert len(rows) == 7
    assert rows[0]["id"] == tree["province"].pk and rows[0]["superior_id"] is None
    assert rows[0]["code"] == "38.000.000.000.000"


def test_secretary_reads_only_their_cell(tree, get, secretary, other_secretary):
    assert names(get(secretary, "/organizations/")) == [tree["cell_a"].name]
    assert names(get(other_secretary, "/organizations/")) == [tree["cell_b"].name]
    assert get(secretary, f"/organizations/{tree['cell_a'].pk}/").status_code == 200
    for org in ("cell_a", "grassroots", "commune"):
        response = get(other_secretary, f"/organizations/{tree[org].pk}/")
        assert response.status_code == 404
        assert response.json() == {"detail": "Không tìm thấy."}


def test_member_reads_no_organization(tree, get, member_user):
    response = get(member_user, "/organizations/")
    assert response.status_code == 200
    assert response.json() == {"items": [], "count": 0}
    assert get(member_user, f"/organizations/{tree['cell_a'].pk}/").status_code == 404


def test_outsider_gets_404_for_the_other_commune(tree, get, outsider):
    assert names(get(outsider, "/organizations/")) == expected(
        tree, ["other_commune", "other_cell"]
    )
    assert get(outsider, f"/organizations/{tree['commune'].pk}/").status_code == 404
    assert get(outsider, "/organizations/999999/").status_code == 404


def test_anonymous_gets_401(tree, get):
    for path in ("/organizations/", f"/organizations/{tree['cell_a'].pk}/"):
        response = get(None, path)
        assert response.status_code == 401
        assert response.json() == {"detail": "Bạn cần đăng nhập."}


def test_search_without_diacritics(tree, get, officer, outsider):
    assert names(get(officer, "/organizations/", q="dang bo xa tan lap")) == [tree["commune"].name]
    assert names(get(officer, "/organizations/", q="  NÀ phat ")) == [tree["cell_a"].name]
    # "thon" matches both cells of the officer's subtree, in tree order.
    assert names(get(officer, "/organizations/", q="chi bo thon")) == expected(
        tree, ["cell_a", "cell_b"]
    )
    # Search stays inside the reach.
    assert names(get(outsider, "/organizations/", q="tan lap")) == []


def test_detail_with_subordinates_and_active_members(tree, get, officer, people):
    response = get(officer, f"/organizations/{tree['grassroots'].pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == tree["grassroots"].pk
    assert body["superior_id"] == tree["commune"].pk
    assert body["active_members"] == 3  # Đức, Dũng (cell_a) and Bình (cell_b)
    assert body["subordinates"] == [
        {
            "id": tree["cell_a"].pk,
            "name": tree["cell_a"].name,
            "kind": "cell",
            "kind_label": "Chi bộ trực thuộc",
            "active_members": 2,
        },
        {
            "id": tree["cell_b"].pk,
            "name": tree["cell_b"].name,
            "kind": "cell",
            "kind_label": "Chi bộ trực thuộc",
            "active_members": 1,
        },
    ]


def test_inspector_reads_a_record(tree, get, inspector):
    response = get(inspector, f"/organizations/{tree['cell_b'].pk}/")
    assert response.status_code == 200
    assert response.json()["subordinates"] == []


def test_pagination_is_capped_at_100(tree, get, admin_user):
    for i in range(105):
        OrganizationFactory(superior=tree["cell_b"], kind=OrgKind.PARTY_GROUP, name=f"Tổ {i}")
    body = get(admin_user, "/organizations/", page_size=500).json()
    assert body["count"] == 112 and len(body["items"]) == 100
    assert len(get(admin_user, "/organizations/").json()["items"]) == 50
    second = get(admin_user, "/organizations/", page=3, page_size=50).json()["items"]
    assert len(second) == 12


def test_list_queries_do_not_grow_with_rows(tree, login, officer):
    client = login(officer)

    def call():
        return client.get(f"{API}/organizations/", {"page_size": 100})

    one = count_queries(call)  # the subtree has 4 rows
    for i in range(30):
        OrganizationFactory(superior=tree["cell_a"], kind=OrgKind.PARTY_GROUP, name=f"Tổ {i}")
    many = count_queries(call)
    assert len(call().json()["items"]) == 34
    assert many == one


def test_detail_queries_do_not_grow_with_subordinates(tree, login, officer):
    client = login(officer)

    def call():
        return client.get(f"{API}/organizations/{tree['cell_a'].pk}/")

    one = count_queries(call)
    for i in range(30):
        OrganizationFactory(superior=tree["cell_a"], kind=OrgKind.PARTY_GROUP, name=f"Tổ {i}")
    assert count_queries(call) == one
    assert len(call().json()["subordinates"]) == 30
