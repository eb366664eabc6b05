import pytest

from core.text import fold, name_sort_key, split_name


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
