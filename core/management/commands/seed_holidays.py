"""Add the Vietnamese public holidays of some years to the holiday table.

    manage.py seed_holidays 2031            # one year
    manage.py seed_holidays 2031 2035       # a range, both ends included
    manage.py seed_holidays 2027 --dry-run  # show what would be added

Dates already in the table are left as they are (an administrator's correction wins);
use --replace to delete the year's rows first and seed it afresh.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from core.calendar import clear_cache, vietnam_holidays
from core.models import PublicHoliday


class Command(BaseCommand):
    help = "Seed Vietnamese public holidays (editable data) for a year or a range of years."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("first_year", type=int)
        parser.add_argument("last_year", type=int, nargs="?")
        parser.add_argument("--dry-run", action="store_true", help="Show, change nothing.")
        parser.add_argument("--replace", action="store_true", help="Delete the years' rows first.")

    def handle(
        self,
        first_year: int,
        last_year: int | None = None,
        dry_run: bool = False,
        replace: bool = False,
        **options: Any,
    ) -> None:
        last_year = last_year or first_year
        if not 1900 <= first_year <= last_year <= 2199:
            raise CommandError("Years must be 1900–2199, the first not after the last.")
        added = 0
        with transaction.atomic():
            for year in range(first_year, last_year + 1):
                if replace and not dry_run:
                    for holiday in PublicHoliday.objects.filter(date__year=year):
                        holiday.delete()
                existing = set(
                    PublicHoliday.objects.filter(date__year=year).values_list("date", flat=True)
                )
                for day in vietnam_holidays(year):
                    if day.date in existing:
                        continue
                    self.stdout.write(f"{day.date:%d/%m/%Y}  {day.kind:<16} {day.name}")
                    if not dry_run:
                        PublicHoliday(
                            date=day.date, name=day.name, kind=day.kind, note=day.note
                        ).save()
                    added += 1
        clear_cache()
        verb = "Would add" if dry_run else "Added"
        self.stdout.write(self.style.SUCCESS(f"{verb} {added} day(s)."))
