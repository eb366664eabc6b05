"""STA-01 page and XLSX: scope per persona, the tables shown, one sheet per table."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reports.queries.membership import TABLES

pytestmark = pytest.mark.urls("tests.reports.urls_for_tests")

ON = "2025-06-30"


def _url(name, org):
    return f"{reverse(name, args=[org.pk])}?on={ON}"


@pytest.mark.parametrize("name", ["reports:membership", "reports:membership_export"])
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("officer", 200),
        ("inspector", 200),
        ("admin_user", 200),
        ("other_secretary", 404),
        ("member_user", 404),
        ("outsider", 404),
    ],
)
def test_scope_per_persona(request, login, tree, name, persona, status):
    client = login(request.getfixturevalue(persona))
    assert client.get(_url(name, tree["commune"])).status_code == status


def test_secretary_reads_own_cell_only(login, secretary, tree):
    client = login(secretary)
    assert client.get(_url("reports:membership", tree["cell_a"])).status_code == 200
    assert client.get(_url("reports:membership", tree["cell_b"])).status_code == 404
    assert client.get(_url("reports:membership", tree["grassroots"])).status_code == 404


@pytest.mark.parametrize("name", ["reports:membership", "reports:membership_export"])
def test_anonymous_goes_to_login(client, tree, name):
    response = client.get(_url(name, tree["commune"]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_home_redirects_to_first_root(login, officer, member_user, tree):
    response = login(officer).get(reverse("reports:home"))
    assert response["Location"] == reverse("reports:membership", args=[tree["commune"].pk])
    assert login(member_user).get(reverse("reports:home")).status_code == 404


def test_page_shows_every_table(login, officer, tree, dataset):
    response = login(officer).get(_url("reports:membership", tree["commune"]))
    html = response.content.decode()
    for key, title, _function in TABLES:
        assert f'data-testid="table-{key}"' in html
        assert str(title) in html
    assert "60,0%" in html and "40,0%" in html
    assert 'data-testid="total-sex">5<' in html
    assert "<script>" not in html.split("</footer>")[0]
    assert " style=" not in html


def test_page_picker_moves_to_the_chosen_organization(login, officer, tree):
    url = reverse("reports:membership", args=[tree["commune"].pk])
    response = login(officer).get(url, {"organization": tree["cell_a"].pk, "on": ON})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("reports:membership", args=[tree["cell_a"].pk]))


def test_export_has_one_sheet_per_table(login, officer, tree, dataset):
    response = login(officer).get(_url("reports:membership_export", tree["commune"]))
    assert response.status_code == 200
    workbook = load_workbook(BytesIO(b"".join(response.streaming_content)))
    assert len(workbook.sheetnames) == len(TABLES)
    sex = workbook.worksheets[1]
    values = [[cell.value for cell in row] for row in sex.iter_rows()]
    assert "30/06/2025" in values[0][0]
    data = [row for row in values if row and row[0] in ("Nam", "Nữ", "Tổng số")]
    assert data == [["Nam", 3, 0.6], ["Nữ", 2, 0.4], ["Tổng số", 5, 1]]


def test_constant_queries_on_the_page(login, officer, tree, dataset, django_assert_max_num_queries):
    client = login(officer)
    client.get(_url("reports:membership", tree["commune"]))  # warm the session
    with django_assert_max_num_queries(30):
        assert client.get(_url("reports:membership", tree["commune"])).status_code == 200
