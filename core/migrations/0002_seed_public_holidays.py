"""Seed the public-holiday calendar with Vietnamese holidays for 2015–2030.

This is EDITABLE DATA, not code: administrators correct and extend it in the admin, on
the holiday page (/holidays/) or with `manage.py seed_holidays`. The rows come from
core.calendar.vietnam_holidays, whose docstring lists the sources and assumptions: the
official schedules for public servants where known (Tết breaks 2015–2026, the day swaps
of 2015, 2019, 2024 and 2025), otherwise the customary five Tết days (last day of the
lunar year and mùng 1–4, computed by core.lunar for UTC+7) and compensatory days off
for holidays that fall on a weekend. Reversing deletes only seeded rows left unchanged.
"""

from django.db import migrations

YEARS = range(2015, 2031)


def seed(apps, schema_editor):
    from core.calendar import vietnam_holidays

    PublicHoliday = apps.get_model("core", "PublicHoliday")
    existing = set(PublicHoliday.objects.values_list("date", flat=True))
    rows = [
        PublicHoliday(date=day.date, name=day.name, kind=day.kind, note=day.note)
        for year in YEARS
        for day in vietnam_holidays(year)
        if day.date not in existing
    ]
    PublicHoliday.objects.bulk_create(rows)


def unseed(apps, schema_editor):
    from core.calendar import vietnam_holidays

    PublicHoliday = apps.get_model("core", "PublicHoliday")
    for year in YEARS:
        for day in vietnam_holidays(year):
            PublicHoliday.objects.filter(date=day.date, name=day.name, kind=day.kind).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
