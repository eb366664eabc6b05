"""core.text: folding diacritics, splitting and sorting Vietnamese names; the name order holds in
the database too (SQLite and PostgreSQL collations)."""

import pytest

from core.text import fold, name_sort_key, split_name
from members.models import Member
from tests.factories import MemberFactory


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Nguyễn Văn Đức", "nguyen van duc"),
        ("ĐẢNG BỘ XÃ TÂN LẬP", "dang bo xa tan lap"),
        ("  Chi bộ   thôn  Nà Phát ", "chi bo thon na phat"),
        ("Ưng Hoàng Phúc", "ung hoang phuc"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold_ignores_diacritics_and_maps_d_bar(raw, folded):
    assert fold(raw) == folded


def test_split_name_family_middle_given():
    assert split_name("Nguyễn Thị Minh Khai") == ("Nguyễn", "Thị Minh", "Khai")
    assert split_name("Lê Lợi") == ("Lê", "", "Lợi")
    assert split_name("Sáu") == ("", "", "Sáu")


def test_names_sort_by_given_name_first():
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn Anh", "Phạm Văn Ánh", "Hoàng Văn An"]
    ordered = sorted(names, key=name_sort_key)
    # Given names: An, An, Anh, Ánh, Bình; the two "An" by family name: Hoàng before Nguyễn.
    assert ordered == [
        "Hoàng Văn An",
        "Nguyễn Thị An",
        "Lê Văn Anh",
        "Phạm Văn Ánh",
        "Trần Văn Bình",
    ]


def test_vietnamese_alphabet_order_d_after_d_and_a_breve_after_a():
    names = [
        "Nguyễn Văn Đông",
        "Nguyễn Văn Dũng",
        "Nguyễn Văn Ân",
        "Nguyễn Văn Ăn",
        "Nguyễn Văn Ba",
    ]
    ordered = sorted(names, key=name_sort_key)
    assert ordered == [
        "Nguyễn Văn Ăn",
        "Nguyễn Văn Ân",
        "Nguyễn Văn Ba",
        "Nguyễn Văn Dũng",
        "Nguyễn Văn Đông",
    ]


def test_tones_break_ties_in_dictionary_order():
    # ngang, huyền, hỏi, ngã, sắc, nặng
    names = ["Lê Mạ", "Lê Má", "Lê Mã", "Lê Mả", "Lê Mà", "Lê Ma"]
    ordered = sorted(names, key=name_sort_key)
    assert ordered == ["Lê Ma", "Lê Mà", "Lê Mả", "Lê Mã", "Lê Má", "Lê Mạ"]


def test_sort_key_uses_only_lowercase_letters_and_digits():
    key = name_sort_key("Nguyễn Thị Ưng-Đào 2")
    assert key and all(ch.isdigit() or "a" <= ch <= "z" for ch in key)


NAMES = [
    "Trần Văn Bình",
    "Nguyễn Thị An",
    "Lê Văn Anh",
    "Phạm Văn Ánh",
    "Hoàng Văn An",
    "Nguyễn Văn Đông",
    "Nguyễn Văn Dũng",
    "Vi Thị Ăn",
    "Lường Văn Ân",
    "Nông Thị Yến",
    "Lộc Văn Út",
    "Triệu Thị Ưng",
]
EXPECTED = [
    "Hoàng Văn An",
    "Nguyễn Thị An",
    "Lê Văn Anh",
    "Phạm Văn Ánh",
    "Vi Thị Ăn",
    "Lường Văn Ân",
    "Trần Văn Bình",
    "Nguyễn Văn Dũng",
    "Nguyễn Văn Đông",
    "Lộc Văn Út",
    "Triệu Thị Ưng",
    "Nông Thị Yến",
]


def test_database_orders_members_by_given_name_the_vietnamese_way(tree):
    for name in NAMES:
        MemberFactory(full_name=name, organization=tree["cell_a"])
    ordered = list(Member.objects.order_by("sort_key").values_list("full_name", flat=True))
    assert ordered == EXPECTED


def test_database_search_ignores_diacritics(tree):
    MemberFactory(full_name="Nguyễn Văn Đức", organization=tree["cell_a"])
    MemberFactory(full_name="Nguyễn Văn Dực", organization=tree["cell_a"])
    MemberFactory(full_name="Trần Thị Hoa", organization=tree["cell_a"])
    found = Member.objects.filter(search_name__contains="nguyen van duc")
    assert sorted(found.values_list("full_name", flat=True)) == ["Nguyễn Văn Dực", "Nguyễn Văn Đức"]
