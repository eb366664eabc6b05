"""The committee officer's home page: the key indicators of the user's
subtree for the current year with last year beside them, each linked to the page (and
the organizations) behind it.

Nothing is computed here: each figure is read from the function of the app that owns it
(meetings.queries.statistics.result.compliance, admissions.queries.results_for and, for the subordinate
organizations, admissions.queries_results.results_by_child, reviews.summary.good_or_better
for the organizations and members at "hoàn thành tốt nhiệm vụ" or above,
admissions.queries_due.due_rows_for, members.deadlines.deadlines_for). Each is a fixed number
of queries, so the page's query count does not grow with the data.

Meetings are compared over the same months: January to the last finished month of this
year against the same months of last year (the whole year in January: last year against
the year before), so a year in progress is not judged on months still to come.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from admissions.queries.due import due_rows_for
from admissions.queries.targets import results_by_child, results_for
from meetings.queries.statistics.base import FULL, LOW, Period
from meetings.queries.statistics.periods import last_finished_month
from meetings.queries.statistics.result import compliance
from members.queries.deadlines import deadlines_for
from reviews.queries.summary import good_or_better

from .sections import PERIODIC_DIGITS, SHARE_DIGITS, Pct, pct

if TYPE_CHECKING:
    from accounts.scope import RequestUser
    from admissions.queries.targets import YearResult
    from organizations.models import Organization
    from reviews.queries.summary import Tally


@dataclass
class Figure:
    """One indicator: this year's and last year's value (text), and where it comes from."""

    key: str
    label: str
    now: str
    before: str
    url: str
    note: str = ""
    detail_url: str = ""  # the organizations behind the note


@dataclass
class Indicators:
    organization: Organization
    year: int
    meeting_label: str
    figures: list[Figure]
    overdue: list[Figure]


def _meeting_periods(today: date) -> tuple[Period, Period]:
    last = last_finished_month(today.year, today)
    if last is None:  # January: the whole of last year, beside the year before
        return Period.year(today.year - 1), Period.year(today.year - 2)
    return (
        Period.months((today.year, 1), (today.year, last)),
        Period.months((today.year - 1, 1), (today.year - 1, last)),
    )


def _meeting_url(org: Organization, period: Period, **extra: str) -> str:
    query: dict[str, int | str] = {
        "year": period.starts_on.year,
        "month_from": period.starts_on.month,
        "month_to": period.ends_on.month,
        **extra,
    }
    name = "meeting_stats:cells" if extra else "meeting_stats:page"
    return f"{reverse(name, args=[org.pk])}?{urlencode(query)}"


def indicators(user: RequestUser, org: Organization, today: date) -> Indicators:
    year = today.year
    d = PERIODIC_DIGITS
    now_period, before_period = _meeting_periods(today)
    now_m, before_m = compliance(org, now_period).total, compliance(org, before_period).total
    figures = [
        Figure(
            "meetings_full",
            _("Chi bộ sinh hoạt định kỳ đủ các tháng"),
            str(pct(now_m.buckets[FULL], now_m.cells, d)),
            str(pct(before_m.buckets[FULL], before_m.cells, d)),
            _meeting_url(org, now_period),
            _("%(n)s/%(of)s chi bộ; %(low)s chi bộ dưới 3/4 số kỳ")
            % {"n": now_m.buckets[FULL], "of": now_m.cells, "low": now_m.buckets[LOW]},
            _meeting_url(org, now_period, bucket=LOW),
        ),
        Figure(
            "attendance",
            _("Tỷ lệ đảng viên dự sinh hoạt bình quân"),
            str(pct(now_m.present, now_m.base, d)),
            str(pct(before_m.present, before_m.base, d)),
            _meeting_url(org, now_period),
        ),
    ]
    figures.append(_admissions_figure(org, year))
    figures += _review_figures(org, year)
    due = due_rows_for(user, organization=org, today=today)
    transfers = deadlines_for(user, organization=org, today=today)
    overdue = [
        Figure(
            "admissions_overdue",
            _("Phát triển đảng viên: việc quá hạn"),
            str(sum(1 for r in due if r.overdue)),
            str(sum(1 for r in due if not r.overdue)),
            f"{reverse('admissions:dashboard')}?{urlencode({'organization': org.pk})}",
        ),
        Figure(
            "transfers_overdue",
            _("Chuyển sinh hoạt đảng: việc quá hạn"),
            str(sum(1 for r in transfers if r.overdue)),
            str(sum(1 for r in transfers if not r.overdue)),
            f"{reverse('members:transfer_deadlines')}?"
            f"{urlencode({'organization': org.pk, 'overdue': 'on'})}",
        ),
    ]
    return Indicators(org, year, now_period.label, figures, overdue)


def _admissions_figure(org: Organization, year: int) -> Figure:
    """Admitted against the target, this year and last; the note counts the subordinate
    organizations that reached their own target and links to that breakdown."""
    before, now = results_for(org, [year - 1, year]).years
    by_child = results_by_child(org, year)
    query = {"organization": org.pk, "year": year}
    url = f"{reverse('admissions:results')}?{urlencode(query)}#by-organization"
    if by_child.with_target:
        note = _("%(n)s/%(of)s tổ chức trực thuộc đạt chỉ tiêu năm %(y)s") % {
            "n": by_child.reached,
            "of": len(by_child.with_target),
            "y": year,
        }
    elif by_child.rows:
        note = _("Theo %(n)s tổ chức trực thuộc") % {"n": len(by_child.rows)}
    else:
        note = ""
    return Figure(
        "admitted",
        _("Kết nạp đảng viên / chỉ tiêu"),
        _admitted(now),
        _admitted(before),
        url,
        note,
        url if note else "",
    )


def _admitted(r: YearResult) -> str:
    if r.target:
        return _("%(n)s / %(t)s (%(a)s)") % {
            "n": r.admitted,
            "t": r.target,
            "a": Pct(r.achievement, SHARE_DIGITS),
        }
    return _("%(n)s (chưa giao chỉ tiêu)") % {"n": r.admitted}


def _review_figures(org: Organization, year: int) -> list[Figure]:
    """The classification results (REV-06): the share of organizations and of members
    decided at "hoàn thành tốt nhiệm vụ" or above, by the rule set of each year. Before
    this year's review is decided, the links and notes go to last year's."""
    summary = good_or_better(org, [year - 1, year])
    now, before = summary[year], summary[year - 1]

    def figure(key: str, label: str, now_tally: Tally, before_tally: Tally, what: str) -> Figure:
        reviewed = year if now_tally.total else year - 1
        tally = now_tally if reviewed == year else before_tally
        url = reverse("reviews:results", args=[org.pk, reviewed])
        if not tally.total:  # nothing decided in either year: no note, no made-up 0/0
            return Figure(key, label, _share(now_tally), _share(before_tally), url)
        # "1 of the 2 organizations classified in 2026", each listed on the round page.
        note = _("%(n)s trong %(of)s %(what)s được xếp loại năm %(y)s") % {
            "n": tally.good,
            "of": tally.total,
            "what": what,
            "y": reviewed,
        }
        detail = reverse("reviews:round", args=[org.pk, reviewed])
        return Figure(key, label, _share(now_tally), _share(before_tally), url, note, detail)

    return [
        figure(
            "reviews_orgs",
            _("Tổ chức đảng hoàn thành tốt nhiệm vụ trở lên"),
            now.organizations,
            before.organizations,
            _("tổ chức đảng"),
        ),
        figure(
            "reviews",
            _("Đảng viên hoàn thành tốt nhiệm vụ trở lên"),
            now.members,
            before.members,
            _("đảng viên"),
        ),
    ]


def _share(tally: Tally) -> str:
    if not tally.total:
        return _("Chưa xếp loại")
    return str(pct(tally.good, tally.total, SHARE_DIGITS))
