"""STA-01 tables computed by hand on the small dataset of conftest.py (commune on ON):
counted members A (F, 34, Kinh, no religion), B (M, 30, Tày, Buddhist, probationary),
C (M, 64, Kinh, religion not recorded), D (F, 29, Nùng, probationary on ON),
E (M, 75, Kinh, died after ON). F, G, H, I are not counted."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.enums import MemberStatus
from reports.queries import membership as sta
from tests.factories import MemberFactory
from tests.reports.conftest import ON, member


def table(rows):
    return [(r.key, r.count, r.share_text) for r in rows]


def test_who_is_counted(tree, dataset):
    names = set(sta.members_counted(tree["commune"], ON).values_list("full_name", flat=True))
    assert names == {"Nguyễn Thị A", "Trần Văn B", "Lê Văn C", "Phạm Thị D", "Hoàng Văn E"}
    # Before F was struck off, F counted; before B joined, B did not.
    earlier = set(
        sta.members_counted(tree["commune"], date(2024, 12, 31)).values_list("full_name", flat=True)
    )
    assert earlier == {"Nguyễn Thị A", "Lê Văn C", "Phạm Thị D", "Hoàng Văn E", "Vũ Văn F"}
    # H counts in their own commune only.
    other = sta.members_counted(tree["other_commune"], ON)
    assert list(other.values_list("full_name", flat=True)) == ["Bùi Văn H"]


def test_status(tree, dataset):
    assert table(sta.members_by_status(tree["commune"], ON)) == [
        ("probationary", 2, "40,0%"),
        ("full", 3, "60,0%"),
    ]
    # On 01/01/2026 D is full (from 01/09/2025), E has died and I (full) has joined.
    later = table(sta.members_by_status(tree["commune"], date(2026, 1, 1)))
    assert later == [("probationary", 1, "20,0%"), ("full", 4, "80,0%")]


def test_sex(tree, dataset):
    assert table(sta.members_by_sex(tree["commune"], ON)) == [
        ("male", 3, "60,0%"),
        ("female", 2, "40,0%"),
    ]
    # cell_a alone: A, B, E → 2 of 3 men: shares printed the Vietnamese way.
    assert table(sta.members_by_sex(tree["cell_a"], ON)) == [
        ("male", 2, "66,7%"),
        ("female", 1, "33,3%"),
    ]


def test_age(tree, dataset):
    assert table(sta.members_by_age(tree["commune"], ON)) == [
        ("lt30", 1, "20,0%"),  # D, 29
        ("30_40", 2, "40,0%"),  # A 34, B 30 on the day
        ("41_50", 0, "0,0%"),
        ("51_60", 0, "0,0%"),
        ("61_70", 1, "20,0%"),  # C, 64 (65 the next day)
        ("gt70", 1, "20,0%"),  # E, 75
    ]


def test_party_age(tree, dataset):
    assert table(sta.members_by_party_age(tree["commune"], ON)) == [
        ("lt5", 2, "40,0%"),  # B, D
        ("5_10", 0, "0,0%"),
        ("10_20", 1, "20,0%"),  # A: 10 years on ON
        ("20_30", 0, "0,0%"),
        ("30_40", 0, "0,0%"),
        ("ge40", 2, "40,0%"),  # C 40, E 50
    ]


def test_party_age_not_recorded(tree, dataset):
    member(tree["cell_a"], "Mạc Văn K", party_age_from=None)
    rows = sta.members_by_party_age(tree["commune"], ON)
    assert (rows[-1].key, str(rows[-1].label), rows[-1].count) == ("", "Chưa cập nhật", 1)
    assert sum(r.count for r in rows) == 6


def test_ethnicity(tree, dataset):
    rows = sta.members_by_ethnicity(tree["commune"], ON)
    assert [(r.label, r.count, r.share_text) for r in rows] == [
        ("Kinh", 3, "60,0%"),
        ("Tày", 1, "20,0%"),
        ("Nùng", 1, "20,0%"),
    ]


def test_religion(tree, dataset):
    rows = sta.members_by_religion(tree["commune"], ON)
    assert [(r.label, r.count, r.share_text) for r in rows] == [
        ("Không", 3, "60,0%"),
        ("Phật giáo", 1, "20,0%"),
        ("Chưa cập nhật", 1, "20,0%"),  # C
    ]


def test_education(tree, dataset):
    assert table(sta.members_by_education(tree["commune"], ON)) == [
        ("primary", 1, "20,0%"),
        ("lower_secondary", 1, "20,0%"),
        ("upper_secondary", 3, "60,0%"),
    ]


def test_qualification(tree, dataset):
    assert table(sta.members_by_qualification(tree["commune"], ON)) == [
        ("none", 1, "20,0%"),
        ("vocational", 0, "0,0%"),
        ("intermediate", 0, "0,0%"),
        ("college", 0, "0,0%"),
        ("university", 2, "40,0%"),
        ("master", 1, "20,0%"),
        ("doctor", 0, "0,0%"),
        ("", 1, "20,0%"),  # C: not recorded
    ]


def test_theory_level(tree, dataset):
    assert table(sta.members_by_theory_level(tree["commune"], ON)) == [
        ("none", 1, "20,0%"),
        ("elementary", 1, "20,0%"),
        ("intermediate", 1, "20,0%"),
        ("advanced", 1, "20,0%"),
        ("bachelor", 0, "0,0%"),
        ("", 1, "20,0%"),
    ]


def test_occupation(tree, dataset):
    rows = {r.key: (r.count, r.share_text) for r in sta.members_by_occupation(tree["commune"], ON)}
    assert rows["civil_servant"] == (1, "20,0%")
    assert rows["farmer"] == (1, "20,0%")
    assert rows["retired"] == (2, "40,0%")
    assert rows["student"] == (1, "20,0%")
    assert sum(count for count, _share in rows.values()) == 5
    assert "" not in rows  # everyone recorded: no "not recorded" row


def test_organizations_by_kind(tree, dataset):
    # Below the commune on ON: the đảng bộ, the chi bộ cơ sở, cells a, b and "Ủy ban",
    # the party group; not the school cell (later) nor the dissolved one.
    assert table(sta.organizations_by_kind(tree["commune"], ON)) == [
        ("grassroots_committee", 1, "16,7%"),
        ("grassroots_cell", 1, "16,7%"),
        ("cell", 3, "50,0%"),
        ("party_group", 1, "16,7%"),
    ]


def test_cells_by_category(tree, dataset):
    assert table(sta.cells_by_category(tree["commune"], ON)) == [
        ("rural_village", 2, "50,0%"),
        ("urban_block", 1, "25,0%"),
        ("agency", 1, "25,0%"),
        ("public_service", 0, "0,0%"),
        ("state_enterprise", 0, "0,0%"),
        ("private_enterprise", 0, "0,0%"),
        ("armed_forces", 0, "0,0%"),
        ("school", 0, "0,0%"),
    ]
    later = table(sta.cells_by_category(tree["commune"], date(2026, 1, 1)))
    assert ("school", 1, "25,0%") in later  # established; "Ủy ban" dissolved
    assert ("agency", 0, "0,0%") in later


def test_all_tables_and_headline(tree, dataset):
    tables = sta.membership_tables(tree["commune"], ON)
    assert [t.key for t in tables] == [key for key, _title, _f in sta.TABLES]
    totals = {t.key: t.total for t in tables}
    assert all(totals[k] == 5 for k in totals if k not in {"org_kind", "cell_category"})
    assert (totals["org_kind"], totals["cell_category"]) == (6, 4)
    h = sta.headline(tree["commune"], ON)
    assert (h.members, h.full, h.probationary, h.women) == (5, 3, 2, 2)
    assert (h.upper_secondary, h.university_or_higher) == (3, 3)
    assert str(h.share(h.university_or_higher)) == "0.6"


def test_empty_subtree(tree):
    rows = sta.members_by_sex(tree["cell_a"], ON)
    assert [(r.count, r.share, r.share_text) for r in rows] == [(0, None, "—"), (0, None, "—")]
    assert sta.organizations_by_kind(tree["cell_b"], ON) == []


def _queries(organization):
    with CaptureQueriesContext(connection) as ctx:
        sta.membership_tables(organization, ON)
        sta.headline(organization, ON)
    return len(ctx.captured_queries)


@pytest.mark.parametrize("size", [1, 50])
def test_constant_number_of_queries(tree, size):
    from members.models import Ethnicity

    kinh = Ethnicity.objects.get(name="Kinh")
    for i in range(size):
        member(
            tree["cell_a"] if i % 2 else tree["cell_b"],
            f"Đảng viên {i}",
            ethnicity=kinh,
            status=MemberStatus.PROBATIONARY if i % 3 else MemberStatus.FULL,
        )
    MemberFactory.reset_sequence()
    # STA-01: one query per table (12) and one for the headline, whatever the size.
    assert _queries(tree["commune"]) == len(sta.TABLES) + 1
