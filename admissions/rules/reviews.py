"""ADM-05: the monthly review of a person on the list (quần chúng ưu tú, cảm tình đảng).

RULES.md ADM-05 says the sympathizer is reviewed monthly; the due dashboard applies the
same rhythm to every person still on the list (outstanding or sympathizer) until the
cell's resolution. Decision (tested by its ID): the review of a month is due by that
month's last day (calendar days: the rule names no working-day deadline); the first
month due is the month the person took their present state, the next one the month after
the last review recorded.
"""

from __future__ import annotations

from datetime import date, timedelta

from members.rules import add_months


def month_end(day: date) -> date:
    return add_months(day.replace(day=1), 1) - timedelta(days=1)


def review_due(since: date, last_review_month: date | None) -> date:
    """ADM-05: the last day for the next monthly review."""
    if last_review_month is not None and last_review_month >= since.replace(day=1):
        return month_end(add_months(last_review_month.replace(day=1), 1))
    return month_end(since)
