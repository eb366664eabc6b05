"""Scoped reads: diacritic-insensitive search, and a constant number of queries."""

import pytest
from django.urls import reverse

from organizations.enums import OrgKind
from organizations.queries import search_for, search_organizations
from tests.factories import MemberFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


# --- Search ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["chi bo thon na phat", "NA PHAT", "na phat", "Nà Phát", "thon na"]
)
def test_search_ignores_diacritics_and_case(officer, tree, text):
    assert tree["cell_a"] in set(search_organizations(officer, text))


def test_search_by_code(officer, tree):
    from organizations.models import Organization

    Organization.objects.filter(pk=tree["cell_a"].pk).update(
        search_name="chi bo thon na phat 38.168.053.000.001"
    )
    assert list(search_organizations(officer, "38.168.053")) == [tree["cell_a"]]


def test_search_stays_inside_the_users_scope(outsider, other_secretary, tree):
    assert list(search_organizations(outsider, "na phat")) == []
    assert list(search_organizations(outsider, "tan lap")) == []
    assert tree["other_cell"] in set(search_organizations(outsider, "duc hanh"))
    assert list(search_organizations(other_secretary, "na phat")) == []


def test_search_view_shows_name_kind_and_superior_chain(officer, login, tree):
    response = login(officer).get(reverse("organizations:search"), {"q": "na phat"})
    html = response.content.decode()
    assert f'href="{tree["cell_a"].get_absolute_url()}"' in html
    assert "Chi bộ trực thuộc" in html
    assert "Đảng bộ xã Tân Lập › Đảng bộ Trường THPT Tân Lập" in html
    assert "<html" not in html  # a partial for htmx


def test_search_view_for_an_outsider_finds_nothing(outsider, login, tree):
    html = login(outsider).get(reverse("organizations:search"), {"q": "tan lap"}).content.decode()
    assert "Tân Lập" not in html
    assert 'data-testid="search-empty"' in html


def test_search_without_javascript_on_the_tree_page(officer, login, tree):
    html = login(officer).get(reverse("organizations:tree"), {"q": "NA PHAT"}).content.decode()
    results = html.split('data-testid="search-results"', 1)[1].split("</section>")[0]
    assert "Chi bộ thôn Nà Phát" in results
    assert 'data-testid="org-search"' in html and 'hx-trigger="keyup changed delay:300ms' in html


def test_search_is_limited_and_says_so(officer, tree):
    for n in range(5):
        OrganizationFactory(
            name=f"Chi bộ Pác Bó {n}",
            kind=OrgKind.CELL,
            category="school",
            superior=tree["grassroots"],
        )
    result = search_for(officer, "pac bo", limit=3)
    assert len(result.organizations) == 3 and result.truncated


def test_dissolved_organizations_are_greyed_with_a_badge(officer, login, tree):
    from datetime import date

    from organizations.models import Organization

    Organization.objects.filter(pk=tree["cell_b"].pk).update(dissolved_on=date(2024, 1, 1))
    html = (
        login(officer).get(reverse("organizations:search"), {"q": "khau khoang"}).content.decode()
    )
    assert "chibo-dissolved" in html and "Đã giải thể" in html
    page = login(officer).get(tree["grassroots"].get_absolute_url()).content.decode()
    assert "Đã giải thể" in page.split('data-testid="subordinates"', 1)[1]


# --- Constant query counts ----------------------------------------------------------------


def _organization_with_children(tree, n, prefix):
    """A grassroots đảng bộ with n cells, each with two members and a party group."""
    org = OrganizationFactory(
        name=f"Đảng bộ {prefix}", kind=OrgKind.GRASSROOTS_COMMITTEE, superior=tree["commune"]
    )
    org.refresh_from_db()
    for i in range(n):
        cell = OrganizationFactory(
            name=f"Chi bộ {prefix} {i}", kind=OrgKind.CELL, category="school", superior=org
        )
        cell.refresh_from_db()
        MemberFactory(organization=cell)
        MemberFactory(organization=cell)
        OrganizationFactory(name=f"Tổ đảng {prefix} {i}", kind=OrgKind.PARTY_GROUP, superior=cell)
    org.refresh_from_db()
    return org


@pytest.fixture
def small_and_large(tree):
    return _organization_with_children(tree, 1, "Nhỏ"), _organization_with_children(tree, 50, "Lớn")


def test_organization_page_query_count_is_constant(officer, login, small_and_large, count_queries):
    small, large = small_and_large
    client = login(officer)
    n_small, r_small = count_queries(lambda: client.get(small.get_absolute_url()))
    n_large, r_large = count_queries(lambda: client.get(large.get_absolute_url()))
    assert r_small.status_code == r_large.status_code == 200
    assert len(r_large.context["page"].subordinates) == 50
    assert r_large.context["page"].active_members == 100
    assert all(
        child.active_members == 2 and child.numchild == 1
        for child in r_large.context["page"].subordinates
    )
    assert n_small == n_large, (n_small, n_large)


def test_tree_children_query_count_is_constant(officer, login, small_and_large, count_queries):
    small, large = small_and_large
    client = login(officer)
    url = lambda org: reverse("organizations:children", args=[org.pk])  # noqa: E731
    n_small, r_small = count_queries(lambda: client.get(url(small)))
    n_large, r_large = count_queries(lambda: client.get(url(large)))
    assert r_large.content.decode().count('data-testid="tree-node"') == 50
    assert n_small == n_large, (n_small, n_large)


def test_search_query_count_is_constant(officer, login, small_and_large, count_queries):
    client = login(officer)
    search = reverse("organizations:search")
    n_small, r_small = count_queries(lambda: client.get(search, {"q": "chi bo nho"}))
    n_large, r_large = count_queries(lambda: client.get(search, {"q": "chi bo lon"}))
    assert r_small.content.decode().count('data-testid="search-result"') == 1
    assert r_large.content.decode().count('data-testid="search-result"') == 50
    assert n_small == n_large, (n_small, n_large)


def test_organization_page_with_committee_and_units_has_a_fixed_query_budget(
    officer, login, records, count_queries
):
    client = login(officer)
    n, response = count_queries(lambda: client.get(records["cell"].get_absolute_url()))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hoàng Văn Đức" in html and "Nà Phát" in html and "2025–2030" in html
    # About 20 today: session, user, assignments, the page's reads and the base layout.
    assert n <= 25, n
