"""GET /api/v1/members/ and /members/{id}/: each persona reads what the pages let them read
(404 outside, never 403), Vietnamese order and search, a constant number of queries."""

from datetime import date

import pytest

from members.enums import EventKind, MembershipKind, MemberStatus
from members.models import MemberEvent, Membership

from .conftest import API, add_member, count_queries


def names(response):
    assert response.status_code == 200, response.content
    return [row["full_name"] for row in response.json()["items"]]


@pytest.mark.parametrize("persona", ["officer", "inspector"])
def test_subtree_readers_list_the_subtree_sorted_the_vietnamese_way(people, get, persona, request):
    # Given name first, d before đ: Bình, Dũng, Đức (not by full name, not by code point).
    response = get(request.getfixturevalue(persona), "/members/")
    assert names(response) == ["Trần Thị Bình", "Trần Văn Dũng", "Nguyễn Văn Đức"]
    assert response.json()["count"] == 3


def test_fields(tree, people, get, officer):
    rows = {row["id"]: row for row in get(officer, "/members/").json()["items"]}
    duc = rows[people["duc"].pk]
    assert duc == {
        "id": people["duc"].pk,
        "full_name": "Nguyễn Văn Đức",
        "sex": "male",
        "sex_label": "Nam",
        "date_of_birth": "1980-05-17",
        "status": "full",
        "status_label": "Chính thức",
        "organization": {"id": tree["cell_a"].pk, "name": tree["cell_a"].name},
        "admitted_on": "2010-03-02",
        "full_member_on": None,
        "card_number": "01234567",
    }


def test_secretary_of_another_cell(tree, people, get, other_secretary, secretary):
    assert names(get(other_secretary, "/members/")) == ["Trần Thị Bình"]
    assert names(get(secretary, "/members/")) == ["Trần Văn Dũng", "Nguyễn Văn Đức"]
    response = get(other_secretary, f"/members/{people['duc'].pk}/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy."}
    # Filtering by an organization out of reach is a 404 too, never "everything".
    response = get(other_secretary, "/members/", organization=tree["cell_a"].pk)
    assert response.status_code == 404


def test_member_reads_only_their_own_record(tree, people, get, member_user):
    response = get(member_user, "/members/")
    assert names(response) == ["Nguyễn Văn An"]
    own = response.json()["items"][0]["id"]
    assert get(member_user, f"/members/{own}/").status_code == 200
    for other in ("duc", "binh", "dung_other"):
        assert get(member_user, f"/members/{people[other].pk}/").status_code == 404
    # Their own cell is not theirs to read as an organization.
    assert get(member_user, "/members/", organization=tree["cell_a"].pk).status_code == 404


def test_outsider(tree, people, get, outsider):
    assert names(get(outsider, "/members/")) == ["Phạm Thị Dung"]
    assert get(outsider, f"/members/{people['duc'].pk}/").status_code == 404


def test_anonymous_gets_401(people, get):
    assert get(None, "/members/").status_code == 401
    assert get(None, f"/members/{people['duc'].pk}/").status_code == 401


def test_admin_reads_everyone(people, get, admin_user):
    assert len(names(get(admin_user, "/members/"))) == 4


def test_filters(tree, people, get, officer):
    assert names(get(officer, "/members/", organization=tree["cell_b"].pk)) == ["Trần Thị Bình"]
    # An organization means its subtree.
    assert len(names(get(officer, "/members/", organization=tree["grassroots"].pk))) == 3
    assert get(officer, "/members/", organization=tree["other_cell"].pk).status_code == 404
    assert get(officer, "/members/", organization=999999).status_code == 404
    assert names(get(officer, "/members/", status="probationary")) == ["Trần Văn Dũng"]
    assert len(names(get(officer, "/members/", status="active"))) == 3
    assert names(get(officer, "/members/", status="deceased")) == []


def test_bad_filters_answer_422_in_vietnamese(people, get, officer):
    response = get(officer, "/members/", status="nonsense")
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Trạng thái không hợp lệ: nonsense.")
    response = get(officer, "/members/", organization="abc")
    assert response.status_code == 422
    assert response.json()["detail"] == "Tham số không hợp lệ."
    assert response.json()["errors"][0]["loc"][-1] == "organization"


def test_search_without_diacritics(people, get, officer):
    assert names(get(officer, "/members/", q="nguyen van duc")) == ["Nguyễn Văn Đức"]
    assert names(get(officer, "/members/", q="NGUYỄN văn   Đức")) == ["Nguyễn Văn Đức"]
    # "dung" is Dũng, not Đức; Phạm Thị Dung is outside the officer's reach.
    assert names(get(officer, "/members/", q="dung")) == ["Trần Văn Dũng"]
    assert names(get(officer, "/members/", q="tran", status="full")) == ["Trần Thị Bình"]


def test_detail_with_memberships_and_events(tree, people, get, inspector):
    duc = people["duc"]
    Membership.objects.filter(member=duc).update(ends_on=date(2018, 6, 30))
    Membership.objects.create(
        member=duc,
        organization=tree["cell_b"],
        kind=MembershipKind.TEMPORARY,
        starts_on=date(2024, 1, 1),
        ends_on=date(2024, 12, 31),
    )
    MemberEvent.objects.create(
        member=duc, kind=EventKind.FULL_MEMBERSHIP, on=date(2011, 3, 2), document="12-QĐ/ĐU"
    )
    response = get(inspector, f"/members/{duc.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["full_name"] == "Nguyễn Văn Đức"
    assert body["organization"]["id"] == tree["cell_a"].pk
    assert isinstance(body["party_age_years"], int)
    assert [
        (m["kind"], m["organization"]["id"], m["starts_on"], m["ends_on"])
        for m in body["memberships"]
    ] == [
        ("temporary", tree["cell_b"].pk, "2024-01-01", "2024-12-31"),
        ("home", tree["cell_a"].pk, "2010-03-02", "2018-06-30"),
    ]
    assert body["memberships"][0]["kind_label"] == "Sinh hoạt tạm thời"
    assert [(e["kind"], e["on"], e["document"]) for e in body["events"]] == [
        ("full_membership", "2011-03-02", "12-QĐ/ĐU"),
        ("admitted", "2010-03-02", ""),
    ]
    assert body["events"][0]["organization"] is None
    assert body["events"][1]["organization"] == {
        "id": tree["cell_a"].pk,
        "name": tree["cell_a"].name,
    }


def test_list_queries_do_not_grow_with_rows(tree, login, officer):
    client = login(officer)
    add_member(tree["cell_a"], "Nguyễn Văn Đức")

    def call():
        return client.get(f"{API}/members/", {"page_size": 100})

    one = count_queries(call)
    for i in range(29):
        add_member(tree["cell_b" if i % 2 else "cell_a"], f"Lê Văn Số {i}")
    many = count_queries(call)
    assert call().json()["count"] == 30
    assert many == one


def test_detail_queries_do_not_grow_with_history(tree, people, login, officer):
    client = login(officer)
    duc = people["duc"]

    def call():
        return client.get(f"{API}/members/{duc.pk}/")

    one = count_queries(call)
    for year in range(2011, 2031):
        Membership.objects.create(
            member=duc,
            organization=tree["cell_b"],
            kind=MembershipKind.TEMPORARY,
            starts_on=date(year, 1, 1),
            ends_on=date(year, 6, 30),
        )
        MemberEvent.objects.create(
            member=duc,
            kind=EventKind.TEMPORARY_OUT,
            on=date(year, 1, 1),
            organization=tree["cell_b"],
        )
    assert count_queries(call) == one
    body = call().json()
    assert len(body["memberships"]) == 21 and len(body["events"]) == 21


def test_status_choices_cover_every_status(people, get, officer):
    for status in MemberStatus.values:
        assert get(officer, "/members/", status=status).status_code == 200
