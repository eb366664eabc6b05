"""The day the demo generators treat as today.

The generators never read the clock: each takes `today` as an argument. The commands take it
from `--today dd/mm/yyyy`, else from the calendar in Viet Nam (TIME_ZONE) when they start, so
the same seed and the same `--today` give the same data on any machine at any hour.
"""

import argparse
from datetime import date, datetime

from django.utils import timezone


def parse_day(value: str) -> date:
    try:
        return datetime.strptime(value, "%d/%m/%Y").date()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"ngày không hợp lệ: {value!r} (cần dạng dd/mm/yyyy, ví dụ 07/12/2026)"
        ) from exc


def add_today_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today",
        type=parse_day,
        default=None,
        metavar="dd/mm/yyyy",
        help="Ngày coi là hôm nay: không có gì xảy ra sau ngày này (mặc định: hôm nay).",
    )


def today_from(options: dict[str, object]) -> date:
    value = options.get("today")
    if isinstance(value, date):
        return value
    return timezone.localdate()
