"""The register list: search ignoring diacritics, Vietnamese sort, filters and bands at
their boundaries, pagination, export links, constant query count."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from members.enums import MemberStatus, Sex
from members.models import Ethnicity, Member
from members.rules import add_years
from organizations.enums import CellCategory
from tests.factories import MemberFactory
from tests.members.views_support import (
    LIST,
    _admitted,
    _count_queries,
    _names,
)

pytestmark = pytest.mark.django_db


def test_search_ignores_diacritics(client, login, officer, tree):
    MemberFactory(full_name="Nguyễn Văn Đức", organization=tree["cell_a"])
    MemberFactory(full_name="Nguyễn Văn Dũng", organization=tree["cell_a"])
    login(officer)
    assert _names(client.get(LIST, {"q": "nguyen van duc"})) == ["Nguyễn Văn Đức"]
    assert _names(client.get(LIST, {"q": "  DUC  nguyen "})) == ["Nguyễn Văn Đức"]
    assert _names(client.get(LIST, {"q": "Đức"})) == ["Nguyễn Văn Đức"]


def test_sorted_the_vietnamese_way(client, login, officer, tree):
    for name in ["Trần Văn Đức", "Lê Thị Dung", "Nguyễn Văn An", "Phạm Thị Ánh", "Bế Văn Bình"]:
        MemberFactory(full_name=name, organization=tree["cell_a"])
    login(officer)
    assert _names(client.get(LIST)) == [
        "Nguyễn Văn An",
        "Phạm Thị Ánh",
        "Bế Văn Bình",
        "Lê Thị Dung",
        "Trần Văn Đức",
    ]


def test_filter_by_organization_subtree_and_status(client, login, officer, tree):
    MemberFactory(full_name="Lê Văn A", organization=tree["cell_a"])
    MemberFactory(full_name="Lê Văn B", organization=tree["cell_b"])
    MemberFactory(
        full_name="Lê Văn C", organization=tree["cell_b"], status=MemberStatus.PROBATIONARY
    )
    MemberFactory(full_name="Lê Văn D", organization=tree["cell_b"], status=MemberStatus.DECEASED)
    login(officer)
    assert _names(client.get(LIST, {"organization": tree["cell_a"].pk})) == ["Lê Văn A"]
    grassroots = _names(client.get(LIST, {"organization": tree["grassroots"].pk}))
    assert sorted(grassroots) == ["Lê Văn A", "Lê Văn B", "Lê Văn C", "Lê Văn D"]
    assert _names(client.get(LIST, {"status": "probationary"})) == ["Lê Văn C"]
    assert sorted(_names(client.get(LIST, {"status": "active"}))) == [
        "Lê Văn A",
        "Lê Văn B",
        "Lê Văn C",
    ]


def test_filter_by_profile_columns_and_category(client, login, officer, tree):
    kinh, tay = Ethnicity.objects.get(name="Kinh"), Ethnicity.objects.get(name="Tày")
    MemberFactory(
        full_name="Lê Văn A",
        organization=tree["cell_a"],
        ethnicity=kinh,
        education="upper_secondary",
        theory_level="intermediate",
    )
    MemberFactory(
        full_name="Hoàng Thị B",
        organization=tree["cell_a"],
        sex=Sex.FEMALE,
        ethnicity=tay,
        education="lower_secondary",
        theory_level="elementary",
    )
    tree["cell_b"].category = CellCategory.SCHOOL
    tree["cell_b"].save()
    MemberFactory(full_name="Vi Văn C", organization=tree["cell_b"])
    login(officer)
    assert _names(client.get(LIST, {"sex": "female"})) == ["Hoàng Thị B"]
    assert _names(client.get(LIST, {"ethnicity": tay.pk})) == ["Hoàng Thị B"]
    assert _names(client.get(LIST, {"education": "upper_secondary"})) == ["Lê Văn A"]
    assert _names(client.get(LIST, {"theory_level": "elementary"})) == ["Hoàng Thị B"]
    assert _names(client.get(LIST, {"category": CellCategory.SCHOOL})) == ["Vi Văn C"]
    assert sorted(_names(client.get(LIST, {"category": CellCategory.RURAL_VILLAGE}))) == [
        "Hoàng Thị B",
        "Lê Văn A",
    ]


# Each age band at its boundaries: (age on today, band expected).
AGE_CASES = [
    (29, "lt30"),
    (30, "30_40"),
    (40, "30_40"),
    (41, "41_50"),
    (50, "41_50"),
    (51, "51_60"),
    (60, "51_60"),
    (61, "61_70"),
    (70, "61_70"),
    (71, "gt70"),
]


def test_age_bands_at_their_boundaries(client, login, officer, tree):
    today = timezone.localdate()
    for age, _band in AGE_CASES:
        born = add_years(today, -age)
        # Born exactly `age` years ago today, and one day later (one year younger).
        MemberFactory(full_name=f"Đúng {age}", organization=tree["cell_a"], date_of_birth=born)
        MemberFactory(
            full_name=f"Gần {age}",
            organization=tree["cell_a"],
            date_of_birth=born + timedelta(days=1),
        )
    login(officer)
    bands = {}
    for key in ["lt30", "30_40", "41_50", "51_60", "61_70", "gt70"]:
        for name in _names(client.get(LIST, {"age_band": key})):
            bands[name] = key
    for age, band in AGE_CASES:
        assert bands[f"Đúng {age}"] == band, age
    # One day short of a birthday is a year younger.
    assert bands["Gần 30"] == "lt30"
    assert bands["Gần 41"] == "30_40"
    assert bands["Gần 71"] == "61_70"


# Party-age bands (AGE-01) at their boundaries: (full years, band expected).
PARTY_AGE_CASES = [
    (4, "lt5"),
    (5, "5_10"),
    (9, "5_10"),
    (10, "10_20"),
    (19, "10_20"),
    (20, "20_30"),
    (29, "20_30"),
    (30, "30_40"),
    (39, "30_40"),
    (40, "ge40"),
]


def test_party_age_bands_at_their_boundaries(client, login, officer, tree):
    today = timezone.localdate()
    for years, _band in PARTY_AGE_CASES:
        start = add_years(today, -years)
        for label, since in (("Đúng", start), ("Gần", start + timedelta(days=1))):
            member = MemberFactory(
                full_name=f"{label} {years}",
                organization=tree["cell_a"],
                date_of_birth=date(1930, 1, 1),
            )
            Member.objects.filter(pk=member.pk).update(admitted_on=since, party_age_from=since)
    MemberFactory(full_name="Chưa vào Đảng", organization=tree["cell_a"])
    login(officer)
    bands = {}
    for key in ["lt5", "5_10", "10_20", "20_30", "30_40", "ge40"]:
        for name in _names(client.get(LIST, {"party_age_band": key})):
            bands[name] = key
    for years, band in PARTY_AGE_CASES:
        assert bands[f"Đúng {years}"] == band, years
    assert bands["Gần 5"] == "lt5"
    assert bands["Gần 10"] == "5_10"
    assert bands["Gần 40"] == "30_40"
    assert "Chưa vào Đảng" not in bands


def test_an_unknown_band_is_ignored_with_a_warning(client, login, officer, member_a):
    login(officer)
    response = client.get(LIST, {"age_band": "99"})
    assert response.status_code == 200
    assert "Lê Văn Đức" in _names(response)
    assert "Một số bộ lọc không hợp lệ" in response.content.decode()


def test_list_is_paginated(client, login, officer, tree, settings):
    settings.PAGE_SIZE = 3
    for i in range(5):
        MemberFactory(full_name=f"Lê Văn Tư {i}", organization=tree["cell_a"])
    login(officer)
    assert len(_names(client.get(LIST))) == 3
    second = client.get(LIST, {"page": 2, "q": "tu"})
    assert len(_names(second)) == 2


def test_list_export_links_carry_the_filters(client, login, officer, tree, member_a):
    login(officer)
    html = client.get(
        LIST, {"q": "duc", "organization": tree["cell_a"].pk, "page": 1}
    ).content.decode()
    query = f"?q=duc&amp;organization={tree['cell_a'].pk}"
    for name in ("export_list", "register_xlsx", "register_docx"):
        assert reverse(f"members:{name}") + query in html


@pytest.mark.parametrize(
    "url_params",
    [
        "",
        "?q=le&status=active",
        "?age_band=41_50&party_age_band=lt5&sex=male&category=rural_village",
    ],
)
def test_list_queries_do_not_grow(client, login, officer, tree, url_params):
    kinh = Ethnicity.objects.get(name="Kinh")
    today = timezone.localdate()
    _admitted(
        "Lê Văn Một",
        tree["cell_a"],
        today - timedelta(days=400),
        date_of_birth=add_years(today, -45),
        ethnicity=kinh,
    )
    login(officer)
    url = LIST + url_params
    one = _count_queries(client, url)
    for i in range(49):
        _admitted(
            f"Lê Văn {i}",
            tree["cell_a"],
            today - timedelta(days=400),
            date_of_birth=add_years(today, -45),
            ethnicity=kinh,
        )
    response = client.get(url)
    assert len(_names(response)) == 50
    assert _count_queries(client, url) == one
