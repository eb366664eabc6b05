"""Every organization view (organizations/views/) for every persona (ARCHITECTURE: every view test has an outsider).

Expected: officer of the subtree 200; inspector reads (200) but may not write (403);
secretary of cell_a reads it and writes its units, terms and seats, but may not create,
edit, move or dissolve organizations (403); secretary of another cell, a member and an
officer of another commune get 404; anonymous users go to the login page.
"""

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

PERSONAS = ["officer", "inspector", "secretary", "other_secretary", "member_user", "outsider"]

# view name -> (url builder, {persona: expected status})
R, W, C = "read", "write_org", "write_cell"
EXPECTED = {
    R: {
        "officer": 200,
        "inspector": 200,
        "secretary": 200,
        "other_secretary": 404,
        "member_user": 404,
        "outsider": 404,
    },
    W: {
        "officer": 200,
        "inspector": 403,
        "secretary": 403,
        "other_secretary": 404,
        "member_user": 404,
        "outsider": 404,
    },
    C: {
        "officer": 200,
        "inspector": 403,
        "secretary": 200,
        "other_secretary": 404,
        "member_user": 404,
        "outsider": 404,
    },
}

VIEWS = [
    ("detail", R, lambda r: reverse("organizations:detail", args=[r["cell"].pk])),
    ("children", R, lambda r: reverse("organizations:children", args=[r["cell"].pk])),
    ("create_child", W, lambda r: reverse("organizations:create_child", args=[r["cell"].pk])),
    ("edit", W, lambda r: reverse("organizations:edit", args=[r["cell"].pk])),
    ("move", W, lambda r: reverse("organizations:move", args=[r["cell"].pk])),
    ("dissolve", W, lambda r: reverse("organizations:dissolve", args=[r["cell"].pk])),
    ("succession", W, lambda r: reverse("organizations:succession", args=[r["cell"].pk])),
    ("add_model_year", W, lambda r: reverse("organizations:add_model_year", args=[r["cell"].pk])),
    ("add_unit", C, lambda r: reverse("organizations:add_unit", args=[r["cell"].pk])),
    (
        "edit_unit",
        C,
        lambda r: reverse("organizations:edit_unit", args=[r["cell"].pk, r["unit"].pk]),
    ),
    (
        "delete_unit",
        C,
        lambda r: reverse("organizations:delete_unit", args=[r["cell"].pk, r["unit"].pk]),
    ),
    ("add_term", C, lambda r: reverse("organizations:add_term", args=[r["cell"].pk])),
    ("add_committee", C, lambda r: reverse("organizations:add_committee", args=[r["cell"].pk])),
    (
        "add_seat",
        C,
        lambda r: reverse("seats:add_seat", args=[r["cell"].pk, r["committee"].pk]),
    ),
    (
        "end_seat",
        C,
        lambda r: reverse("seats:end_seat", args=[r["cell"].pk, r["seat"].pk]),
    ),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("view", "kind", "url"), VIEWS, ids=[v[0] for v in VIEWS])
def test_view_answers_each_persona(request, records, login, persona, view, kind, url):
    user = request.getfixturevalue(persona)
    response = login(user).get(url(records))
    assert response.status_code == EXPECTED[kind][persona], (view, persona)
    if response.status_code == 403:
        assert "Không có quyền" in response.content.decode()


@pytest.mark.parametrize(("view", "kind", "url"), VIEWS, ids=[v[0] for v in VIEWS])
def test_anonymous_goes_to_login(client, records, view, kind, url):
    response = client.get(url(records))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))


@pytest.mark.parametrize("name", ["tree", "search"])
def test_anonymous_goes_to_login_from_tree_and_search(client, tree, name):
    response = client.get(reverse(f"organizations:{name}"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))


def test_admin_reads_and_writes_everything(admin_user, login, records):
    client = login(admin_user)
    for view, _kind, url in VIEWS:
        assert client.get(url(records)).status_code == 200, view


@pytest.mark.parametrize(
    ("persona", "shown", "hidden"),
    [
        ("officer", ["Đảng bộ xã Tân Lập"], ["Đảng bộ phường Đông Kinh"]),
        ("inspector", ["Đảng bộ xã Tân Lập"], ["Đảng bộ phường Đông Kinh"]),
        ("secretary", ["Chi bộ thôn Nà Phát"], ["Đảng bộ xã Tân Lập", "Khau Khoang"]),
        ("outsider", ["Đảng bộ phường Đông Kinh"], ["Tân Lập"]),
        ("member_user", [], ["Tân Lập", "Nà Phát", "Đông Kinh"]),
        ("admin_user", ["Đảng bộ tỉnh Lạng Sơn"], []),
    ],
)
def test_tree_shows_the_users_roots_only(request, login, tree, persona, shown, hidden):
    response = login(request.getfixturevalue(persona)).get(reverse("organizations:tree"))
    assert response.status_code == 200
    html = response.content.decode()
    for name in shown:
        assert name in html
    tree_html = html.split('data-testid="tree"', 1)[1]
    for name in hidden:
        assert name not in tree_html


def test_children_partial_lists_subordinates(officer, login, tree):
    response = login(officer).get(reverse("organizations:children", args=[tree["grassroots"].pk]))
    html = response.content.decode()
    assert "Chi bộ thôn Nà Phát" in html and "Chi bộ thôn Khau Khoang" in html
    assert "<html" not in html


def test_other_secretary_gets_404_for_cell_a_edit_urls(other_secretary, login, records):
    client = login(other_secretary)
    cell = records["cell"]
    for name, args in [
        ("edit", [cell.pk]),
        ("add_unit", [cell.pk]),
        ("edit_unit", [cell.pk, records["unit"].pk]),
        ("seats:add_seat", [cell.pk, records["committee"].pk]),
    ]:
        name = name if ":" in name else f"organizations:{name}"
        assert client.post(reverse(name, args=args), {}).status_code == 404


def test_unit_of_another_cell_is_404_even_for_its_reader(secretary, login, records, tree):
    """A unit id that does not belong to the cell in the URL is a 404."""
    from organizations.models import ResidentialUnit

    foreign = ResidentialUnit.objects.create(
        name="Khau Khoang", kind="village", cell=tree["cell_b"]
    )
    url = reverse("organizations:edit_unit", args=[records["cell"].pk, foreign.pk])
    assert login(secretary).get(url).status_code == 404


@pytest.mark.parametrize(
    ("persona", "visible", "invisible"),
    [
        (
            "officer",
            ["action-create", "action-edit", "action-move", "action-dissolve"],
            [],
        ),
        (
            "inspector",
            [],
            [
                "action-create",
                "action-edit",
                "action-move",
                "action-dissolve",
                "organizations/%d/units/new/",
            ],
        ),
        (
            "secretary",
            ["/units/new/", "/terms/new/", "/seats/new/"],
            ["action-create", "action-edit", "action-move", "action-dissolve", "action-succession"],
        ),
    ],
)
def test_buttons_only_for_allowed_actions(request, login, records, persona, visible, invisible):
    cell = records["cell"]
    html = login(request.getfixturevalue(persona)).get(cell.get_absolute_url()).content.decode()
    for marker in visible:
        assert marker in html, marker
    for marker in invisible:
        marker = marker % cell.pk if "%d" in marker else marker
        assert marker not in html, marker


def test_secretary_cannot_post_to_create(secretary, login, records):
    from organizations.models import Organization

    before = Organization.objects.count()
    response = login(secretary).post(
        reverse("organizations:create_child", args=[records["cell"].pk]),
        {"name": "Tổ đảng 2", "kind": "party_group"},
    )
    assert response.status_code == 403
    assert Organization.objects.count() == before


def test_no_create_button_under_a_party_group(officer, login, records):
    group = records["group"]
    html = login(officer).get(group.get_absolute_url()).content.decode()
    assert 'data-testid="action-create"' not in html
    assert (
        login(officer).get(reverse("organizations:create_child", args=[group.pk])).status_code
        == 403
    )


def test_member_count_links_to_the_member_list(officer, login, records):
    html = login(officer).get(records["cell"].get_absolute_url()).content.decode()
    assert f"/members/?organization={records['cell'].pk}&amp;status=active" in html
