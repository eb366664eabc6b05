"""The Vietnamese name order holds in the database too (SQLite and PostgreSQL collations)."""

from members.models import Member
from tests.factories import MemberFactory

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
