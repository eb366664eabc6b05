"""The annual report's sections: every table of 2025 against the hand-computed figures
of tests/reports/annual_data.py; a year without data says so; constant query counts."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.documents.charts import bar_chart_png
from reports.queries import annual
from tests.reports import annual_data

YEAR = annual_data.YEAR


@pytest.fixture
def data(tree, officer):
    return annual_data.build(tree, officer)


@pytest.fixture
def sections(tree, data):
    return {s.key: s for s in annual.build_sections(tree["commune"], YEAR)}


def rows(section, key):
    table = next(t for t in section.tables if t.key == key)
    return table.text_rows


def test_sections_in_order(sections):
    assert list(sections) == [key for key, _f in annual.SECTIONS]
    assert all(s.has_data for s in sections.values())


def test_members(sections):
    s = sections["members"]
    assert s.sentences[0] == (
        "Tính đến ngày 31/12/2025, Đảng bộ xã Tân Lập có 3 tổ chức đảng trực thuộc và 4 "
        "đảng viên (3 chính thức, 1 dự bị)."
    )
    assert s.sentences[1] == (
        "Đảng viên nữ 2 (50,0%); trình độ trung học phổ thông 100,0%; đại học trở lên 75,0%."
    )
    assert rows(s, "status") == [
        ["Dự bị", "1", "25,0%"],
        ["Chính thức", "3", "75,0%"],
        ["Tổng số", "4", "100,0%"],
    ]
    sex = rows(s, "sex")
    assert ["Nữ", "2", "50,0%"] in sex and sex[-1] == ["Tổng số", "4", "100,0%"]
    qualification = {r[0]: r[1:] for r in rows(s, "qualification")}
    assert qualification["Đại học"] == ["2", "50,0%"]
    assert qualification["Thạc sĩ"] == ["1", "25,0%"]
    assert qualification["Cao đẳng"] == ["1", "25,0%"]
    org_kind = rows(s, "org_kind")
    assert org_kind[-1] == ["Tổng số", "3", "100,0%"]
    assert len(s.tables) == 12  # every STA-01 table
    assert s.charts[0].key == "age" and sum(s.charts[0].values) == 4


def test_meetings(sections):
    s = sections["meetings"]
    assert s.sentences[1] == (
        "Tỷ lệ chi bộ sinh hoạt đủ 12 kỳ/năm đạt 50,00%, 9–11 kỳ/năm đạt 50,00%, "
        "dưới 9 kỳ/năm 0,00%; tỷ lệ đảng viên dự sinh hoạt bình quân 75,00%."
    )
    # Both cells are "thôn": one category row, then the total (the same figures).
    assert rows(s, "meetings") == [
        ["Thôn, bản, ấp", "2", "1", "50,00%", "1", "50,00%", "0", "0,00%", "75,00%"],
        ["Tổng cộng", "2", "1", "50,00%", "1", "50,00%", "0", "0,00%", "75,00%"],
    ]
    # January: cell_a 2 present of 2 (100%), cell_b 1 of 2 (50%): one meeting and one
    # cell (pooled over the year: a 100%, b 50%) above 85%; Dung's unexcused absence.
    assert rows(s, "attendance") == [
        ["Cuộc sinh hoạt có điểm danh", "2", "—"],
        ["Cuộc sinh hoạt có tỷ lệ dự trên 85%", "1", "50,00%"],
        ["Chi bộ có tỷ lệ dự bình quân trên 85%", "1", "50,00%"],
        ["Lượt vắng không lý do", "1", "—"],
    ]
    assert s.charts[0].values == [50.0, 50.0, 0.0]


def test_admissions(sections):
    s = sections["admissions"]
    assert s.sentences == [
        "Năm 2025 kết nạp 2 đảng viên, đạt 50,0% chỉ tiêu (4); công nhận 0 đảng viên chính thức."
    ]
    assert rows(s, "admissions") == [
        ["2024", "—", "0", "0", "0", "—", "0"],
        ["2025", "4", "3", "2", "2", "50,0%", "0"],
    ]
    [chart] = s.charts
    assert chart.labels == [
        "Chỉ tiêu",
        "Cảm tình đảng",
        "Học lớp nhận thức",
        "Kết nạp",
        "Chuyển chính thức",
    ]
    assert chart.values == [4, 3, 2, 2, 0]


def test_admissions_chart_without_a_target_has_no_target_bar(tree, data):
    """No target set for the year: the chart leaves the target out (no invented 0)."""
    from admissions.models import AdmissionTarget

    AdmissionTarget.objects.filter(organization=tree["commune"], year=YEAR).delete()
    s = annual.admissions_section(tree["commune"], YEAR)
    assert s.has_data
    assert s.sentences[0].startswith("Năm 2025 kết nạp 2 đảng viên (chưa giao chỉ tiêu)")
    [chart] = s.charts
    assert "Chỉ tiêu" not in chart.labels
    assert chart.labels == ["Cảm tình đảng", "Học lớp nhận thức", "Kết nạp", "Chuyển chính thức"]
    assert chart.values == [3, 2, 2, 0]
    assert rows(s, "admissions")[-1][1] == "—"
    bar_chart_png(chart.title, chart.labels, chart.values)  # draws with the bars it has


def test_reviews(sections):
    s = sections["reviews"]
    orgs = rows(s, "review_orgs")
    assert orgs[-1] == ["Tổng số", "1", "100,0%"]
    assert ["Hoàn thành tốt nhiệm vụ", "1", "100,0%"] in orgs
    members = rows(s, "review_members")
    assert members == [
        ["Hoàn thành xuất sắc nhiệm vụ", "1", "25,0%"],
        ["Hoàn thành tốt nhiệm vụ", "2", "50,0%"],
        ["Hoàn thành nhiệm vụ", "0", "0,0%"],
        ["Không hoàn thành nhiệm vụ", "1", "25,0%"],
        ["Tổng số", "4", "100,0%"],
    ]
    assert "4 đảng viên được đánh giá" in s.sentences[1]


def test_discipline(sections):
    s = sections["discipline"]
    table = dict((r[0], r[1]) for r in rows(s, "discipline"))
    assert table["Đảng viên được kiểm tra khi có dấu hiệu vi phạm"] == "1"
    assert table["Tổng số cuộc kiểm tra"] == "1"
    assert table["Số cuộc giám sát"] == "1"
    assert table["Tổ chức đảng được giám sát"] == "1"
    assert table["Đảng viên bị kỷ luật"] == "0"
    assert s.sentences[0].startswith("Năm 2025 tiến hành 1 cuộc kiểm tra, 1 cuộc giám sát")


def test_training(sections):
    s = sections["training"]
    assert rows(s, "courses") == [
        ["Bồi dưỡng nhận thức về Đảng", "1", "2", "1", "1"],
        ["Tổng số", "1", "2", "1", "1"],
    ]
    directives = rows(s, "directives")
    assert directives[0][0] == "05-CT/TW" and directives[0][2:] == ["2", "50", "5"]
    assert directives[-1][1:] == ["Tổng số", "2", "50", "5"]
    assert "2 hội nghị học tập" in s.sentences[0] and "55 lượt" in s.sentences[0]


def test_a_year_without_data_says_so(tree, data):
    sections = annual.build_sections(tree["commune"], 2010)
    for s in sections:
        assert not s.has_data and not s.tables and not s.charts
        assert s.paragraphs == [s.no_data]
        assert s.no_data.startswith("Chưa có số liệu") and s.no_data.endswith("năm 2010.")


def test_a_cell_gets_only_its_own_figures(tree, data):
    s = {x.key: x for x in annual.build_sections(tree["cell_b"], YEAR)}
    assert rows(s["members"], "status")[-1] == ["Tổng số", "2", "100,0%"]
    assert rows(s["meetings"], "meetings")[-1][1:4] == ["1", "0", "0,00%"]
    assert not s["admissions"].has_data  # cases and target are in cell_a and the commune
    assert not s["training"].has_data


def _counts(org):
    out = {}
    for key, function in annual.SECTIONS:
        with CaptureQueriesContext(connection) as ctx:
            function(org, YEAR)
        out[key] = len(ctx)
    return out


def test_query_count_per_section_does_not_grow_with_the_data(tree, officer):
    empty = _counts(tree["commune"])
    annual_data.build(tree, officer)
    assert _counts(tree["commune"]) == empty


def test_as_of_is_year_end_or_today():
    assert annual.as_of(2025, today=date(2026, 3, 1)) == date(2025, 12, 31)
    assert annual.as_of(2026, today=date(2026, 3, 1)) == date(2026, 3, 1)
    assert annual.meeting_period(2026, today=date(2026, 3, 9)).month_count == 3
    assert annual.meeting_period(2025, today=date(2026, 3, 9)).is_year
