"""The annual party-building report: its sections, as data.

`section(key, organization, year)` returns one `Section` (title, sentences, tables,
charts); `SECTIONS` lists them in the report's order. The numbers are never computed
here: every figure comes from the statistics function of the app that owns it, the same
function its screen calls, so the report, the screens and the XLSX annex agree:

- organizations and members: reports.queries.membership (STA-01) `headline`, `membership_tables`;
- meetings: meetings.queries.statistics.result.compliance (MTG-01, MTG-02, MTG-03);
- admissions: admissions.queries.results_for (ADM-11: target, funnel);
- review and classification: reviews.queries.results (REV-06);
- inspection and discipline: discipline.queries.inspection_stats (INS-02);
- training and study of directives: training.queries.course_totals, study_totals,
  study_totals_by_directive.

Each of those is a fixed number of aggregate queries whatever the size of the subtree,
so a section's query count does not grow with the data (bench/annual_report.py checks a
commune against a province).

Item 6: a part without any record for the year is reported as such ("Chưa có số liệu
sinh hoạt chi bộ năm 2026."), with no table and no chart: numbers are never padded.

Percentages are printed the way the articles print them: two decimals for meetings
("36,12%"), one for classification and membership structure ("8,5%", "79,2%"). The
building blocks (Section, ReportTable, Chart, Pct) are in reports.queries.sections.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _

from admissions.queries.targets import results_for
from core.documents import number, short_date
from discipline.queries import inspection_stats
from meetings.queries.statistics.base import BUCKET_LABELS, FULL, LOW, MID, Period
from meetings.queries.statistics.result import compliance
from reviews.queries.results import results
from training.queries import course_totals, study_totals, study_totals_by_directive

from .membership import headline, membership_tables
from .sections import (
    PERIODIC_DIGITS,
    SHARE_DIGITS,
    Chart,
    Pct,
    ReportTable,
    Section,
    as_of,
    chart_value,
    empty_section,
    pct,
)

if TYPE_CHECKING:
    from meetings.queries.statistics.result import Row as MeetingRow
    from organizations.models import Organization

    from .membership import Headline
    from .sections import Cell

# --- I. Organizations and members (STA-01) ---------------------------------------------


def members_section(organization: Organization, year: int) -> Section:
    title = _("Tổ chức đảng và đảng viên")
    on = as_of(year)
    head = headline(organization, on)
    tables = membership_tables(organization, on)
    orgs = next(t for t in tables if t.key == "org_kind")
    if not head.members:  # no member in the register that year: no structure to report
        return empty_section("members", title, year, _("tổ chức đảng và đảng viên"))
    sentences = [
        _(
            "Tính đến ngày %(day)s, %(org)s có %(orgs)s tổ chức đảng trực thuộc và %(n)s "
            "đảng viên (%(full)s chính thức, %(prob)s dự bị)."
        )
        % {
            "day": short_date(on),
            "org": organization.name,
            "orgs": number(orgs.total),
            "n": number(head.members),
            "full": number(head.full),
            "prob": number(head.probationary),
        }
    ]
    sentences.append(
        _(
            "Đảng viên nữ %(women)s (%(ws)s); trình độ trung học phổ thông %(us)s; "
            "đại học trở lên %(uni)s."
        )
        % {
            "women": number(head.women),
            "ws": head_share(head, head.women),
            "us": head_share(head, head.upper_secondary),
            "uni": head_share(head, head.university_or_higher),
        }
    )
    headers = [_("Chỉ tiêu"), _("Số lượng"), _("Tỷ lệ")]
    report_tables: list[ReportTable] = []
    for t in tables:
        rows: list[list[Cell]] = [[r.label, r.count, Pct(r.share, SHARE_DIGITS)] for r in t.rows]
        rows.append([_("Tổng số"), t.total, Pct(Decimal(1) if t.total else None)])
        report_tables.append(ReportTable(t.key, t.title, headers, rows, total_row=True))
    age = next(t for t in tables if t.key == "age")
    charts = [Chart("age", age.title, [r.label for r in age.rows], [r.count for r in age.rows])]
    return Section("members", title, year, True, sentences, report_tables, charts)


def head_share(head: Headline, count: int) -> str:
    return str(Pct(head.share(count), SHARE_DIGITS))


# --- II. Meetings (MTG-01..03) -----------------------------------------------------------


def meeting_period(year: int, today: date | None = None) -> Period:
    """The whole year, or January to the current month for the current year."""
    today = today or timezone.localdate()
    if year == today.year and today.month < 12:
        return Period.months((year, 1), (year, today.month))
    return Period.year(year)


def meetings_section(organization: Organization, year: int) -> Section:
    title = _("Sinh hoạt chi bộ")
    period = meeting_period(year)
    result = compliance(organization, period)
    total = result.total
    held = total.periodic + total.extraordinary + sum(total.thematic.values())
    if not held and not total.base:
        return empty_section("meetings", title, year, _("sinh hoạt chi bộ"))
    d = PERIODIC_DIGITS
    sentences = [
        _(
            "%(period)s: %(cells)s chi bộ; %(periodic)s cuộc sinh hoạt định kỳ, "
            "%(thematic)s cuộc sinh hoạt chuyên đề."
        )
        % {
            "period": period.label,
            "cells": number(total.cells),
            "periodic": number(total.periodic),
            "thematic": number(sum(total.thematic.values())),
        },
        _(
            "Tỷ lệ chi bộ sinh hoạt đủ 12 kỳ/năm đạt %(full)s, 9–11 kỳ/năm đạt %(mid)s, "
            "dưới 9 kỳ/năm %(low)s; tỷ lệ đảng viên dự sinh hoạt bình quân %(att)s."
        )
        % {
            "full": pct(total.buckets[FULL], total.cells, d),
            "mid": pct(total.buckets[MID], total.cells, d),
            "low": pct(total.buckets[LOW], total.cells, d),
            "att": pct(total.present, total.base, d),
        },
    ]
    headers = [
        _("Loại hình chi bộ"),
        _("Số chi bộ"),
        str(BUCKET_LABELS[FULL]),
        _("Tỷ lệ"),
        str(BUCKET_LABELS[MID]),
        _("Tỷ lệ"),
        str(BUCKET_LABELS[LOW]),
        _("Tỷ lệ"),
        _("Tỷ lệ dự họp bình quân"),
    ]

    def line(r: MeetingRow) -> list[Cell]:
        return [
            r.label,
            r.cells,
            r.buckets[FULL],
            pct(r.buckets[FULL], r.cells, d),
            r.buckets[MID],
            pct(r.buckets[MID], r.cells, d),
            r.buckets[LOW],
            pct(r.buckets[LOW], r.cells, d),
            pct(r.present, r.base, d),
        ]

    rows = [line(r) for r in result.rows] + [line(total)]
    compliance_table = ReportTable(
        "meetings", _("Sinh hoạt định kỳ theo loại hình chi bộ"), headers, rows, True
    )
    attendance = ReportTable(
        "attendance",
        _("Dự sinh hoạt (MTG-03: trên 85%)"),
        [_("Chỉ tiêu"), _("Số lượng"), _("Tỷ lệ")],
        [
            [_("Cuộc sinh hoạt có điểm danh"), total.meetings_measured, Pct(None)],
            [
                _("Cuộc sinh hoạt có tỷ lệ dự trên 85%"),
                total.meetings_on_target,
                pct(total.meetings_on_target, total.meetings_measured, d),
            ],
            [
                _("Chi bộ có tỷ lệ dự bình quân trên 85%"),
                total.cells_on_target,
                pct(total.cells_on_target, total.cells_measured, d),
            ],
            [_("Lượt vắng không lý do"), total.unexcused, Pct(None)],
        ],
    )
    chart = Chart(
        "meetings",
        _("Tỷ lệ chi bộ theo số kỳ sinh hoạt định kỳ (%)"),
        [str(BUCKET_LABELS[b]) for b in (FULL, MID, LOW)],
        [chart_value(pct(total.buckets[b], total.cells, d)) for b in (FULL, MID, LOW)],
        "%",
    )
    return Section(
        "meetings", title, year, True, sentences, [compliance_table, attendance], [chart]
    )


# --- III. Admissions (ADM-11) -------------------------------------------------------------


def admissions_section(organization: Organization, year: int) -> Section:
    title = _("Phát triển đảng viên")
    results = results_for(organization, [year - 1, year])
    last, this = results.years
    if not (this.sympathizers or this.trained or this.admitted or this.full) and (
        this.target is None
    ):
        return empty_section("admissions", title, year, _("phát triển đảng viên"))
    sentences = [
        _("Năm %(year)s kết nạp %(n)s đảng viên") % {"year": year, "n": number(this.admitted)}
        + (
            _(", đạt %(a)s chỉ tiêu (%(t)s)")
            % {"a": Pct(this.achievement), "t": number(this.target)}
            if this.target
            else _(" (chưa giao chỉ tiêu)")
        )
        + _("; công nhận %(full)s đảng viên chính thức.") % {"full": number(this.full)}
    ]
    headers = [
        _("Năm"),
        _("Chỉ tiêu kết nạp"),
        _("Cảm tình đảng"),
        _("Học lớp nhận thức"),
        _("Kết nạp"),
        _("Đạt so với chỉ tiêu"),
        _("Chuyển chính thức"),
    ]
    rows: list[list[Cell]] = [
        [str(r.year), r.target, r.sympathizers, r.trained, r.admitted, Pct(r.achievement), r.full]
        for r in (last, this)
    ]
    table = ReportTable("admissions", _("Kết quả phát triển đảng viên"), headers, rows)
    bars = [
        (_("Cảm tình đảng"), this.sympathizers),
        (_("Học lớp nhận thức"), this.trained),
        (_("Kết nạp"), this.admitted),
        (_("Chuyển chính thức"), this.full),
    ]
    if this.target is not None:  # no target set: no bar (never a made-up 0)
        bars.insert(0, (_("Chỉ tiêu"), this.target))
    chart = Chart(
        "admissions",
        _("Phát triển đảng viên năm %(year)s") % {"year": year},
        [label for label, _value in bars],
        [value for _label, value in bars],
    )
    return Section("admissions", title, year, True, sentences, [table], [chart])


# --- IV. Review and classification (REV-06) --------------------------------------------


def reviews_section(organization: Organization, year: int) -> Section:
    title = _("Đánh giá, xếp loại chất lượng")
    data = results(organization, year, trend_years=1)
    if not data.grassroots.total and not data.members.total:
        return empty_section("reviews", title, year, _("đánh giá, xếp loại chất lượng"))
    sentences = [f"{data.grassroots.sentence}.", f"{data.members.sentence}."]
    sentences += [f"{line}." for line in data.grassroots.legacy_lines]
    headers = [_("Mức xếp loại"), _("Số lượng"), _("Tỷ lệ")]
    tables: list[ReportTable] = []
    charts: list[Chart] = []
    for key, t in (("review_orgs", data.grassroots), ("review_members", data.members)):
        if not t.total:
            continue
        rows: list[list[Cell]] = [[lv.label, lv.count, pct(lv.count, t.total)] for lv in t.levels]
        rows.append([_("Tổng số"), t.total, pct(t.total, t.total)])
        tables.append(ReportTable(key, t.title, headers, rows, True))
        charts.append(
            Chart(
                key,
                _("%(what)s theo mức xếp loại (%%)") % {"what": t.title},
                [lv.abbreviation for lv in t.levels],
                [chart_value(pct(lv.count, t.total)) for lv in t.levels],
                "%",
            )
        )
    return Section("reviews", title, year, True, sentences, tables, charts)


# --- V. Inspection and discipline (INS-02) -----------------------------------------------


def discipline_section(organization: Organization, year: int) -> Section:
    title = _("Kiểm tra, giám sát và kỷ luật đảng")
    stats = inspection_stats(organization, date(year, 1, 1), date(year, 12, 31))
    rows: list[list[Cell]] = [[label, value] for label, value in stats.rows()]
    if not any(value for _label, value in rows):
        return empty_section("discipline", title, year, _("kiểm tra, giám sát và kỷ luật đảng"))
    sentences = [
        _(
            "Năm %(year)s tiến hành %(i)s cuộc kiểm tra, %(s)s cuộc giám sát; "
            "%(do)s tổ chức đảng và %(dm)s đảng viên bị kỷ luật."
        )
        % {
            "year": year,
            "i": number(stats.inspections),
            "s": number(stats.supervisions),
            "do": number(stats.disciplined_orgs),
            "dm": number(stats.disciplined_members),
        }
    ]
    table = ReportTable(
        "discipline",
        _("Kiểm tra, giám sát, kỷ luật (INS-02)"),
        [_("Chỉ tiêu"), _("Số lượng")],
        rows,
    )
    return Section("discipline", title, year, True, sentences, [table])


# --- VI. Training and study of directives ---------------------------------------------------


def training_section(organization: Organization, year: int) -> Section:
    title = _("Đào tạo, bồi dưỡng và học tập nghị quyết, chỉ thị")
    start, end = date(year, 1, 1), date(year, 12, 31)
    courses = course_totals(organization, start=start, end=end)
    study = study_totals(organization, start=start, end=end)
    directives = study_totals_by_directive(organization, start=start, end=end)
    course_count = sum(c.courses for c in courses)
    if not course_count and not study.conferences:
        return empty_section("training", title, year, _("đào tạo, bồi dưỡng và học tập nghị quyết"))
    sentences = [
        _(
            "Mở %(c)s lớp bồi dưỡng với %(e)s lượt học viên, %(done)s lượt hoàn thành; "
            "tổ chức %(h)s hội nghị học tập, quán triệt nghị quyết, chỉ thị với %(a)s lượt "
            "cán bộ, đảng viên và quần chúng tham gia."
        )
        % {
            "c": number(course_count),
            "e": number(sum(c.enrolled for c in courses)),
            "done": number(sum(c.completed for c in courses)),
            "h": number(study.conferences),
            "a": number(study.attendances),
        }
    ]
    tables: list[ReportTable] = []
    course_rows: list[list[Cell]] = [
        [c.label, c.courses, c.enrolled, c.completed, c.certificates] for c in courses if c.courses
    ]
    if course_rows:
        course_rows.append(
            [
                _("Tổng số"),
                course_count,
                sum(c.enrolled for c in courses),
                sum(c.completed for c in courses),
                sum(c.certificates for c in courses),
            ]
        )
        tables.append(
            ReportTable(
                "courses",
                _("Lớp bồi dưỡng theo loại"),
                [
                    _("Loại lớp"),
                    _("Số lớp"),
                    _("Học viên"),
                    _("Hoàn thành"),
                    _("Được cấp giấy chứng nhận"),
                ],
                course_rows,
                True,
            )
        )
    if directives:
        rows: list[list[Cell]] = [
            [d.code, d.title, d.conferences, d.members, d.others] for d in directives
        ]
        rows.append(["", _("Tổng số"), study.conferences, study.members, study.others])
        tables.append(
            ReportTable(
                "directives",
                _("Học tập, quán triệt nghị quyết, chỉ thị"),
                [
                    _("Số hiệu"),
                    _("Văn bản"),
                    _("Hội nghị"),
                    _("Lượt đảng viên"),
                    _("Lượt người khác"),
                ],
                rows,
                True,
            )
        )
    return Section("training", title, year, True, sentences, tables)


# --- all sections -----------------------------------------------------------------------

SECTIONS: tuple[tuple[str, Callable[[Organization, int], Section]], ...] = (
    ("members", members_section),
    ("meetings", meetings_section),
    ("admissions", admissions_section),
    ("reviews", reviews_section),
    ("discipline", discipline_section),
    ("training", training_section),
)
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


def build_sections(
    organization: Organization,
    year: int,
    *,
    progress: Callable[[int, str], None] | None = None,
) -> list[Section]:
    """Every section in order; `progress(index, key)` after each one."""
    sections: list[Section] = []
    for index, (key, function) in enumerate(SECTIONS, start=1):
        sections.append(function(organization, year))
        if progress is not None:
            progress(index, key)
    return sections
