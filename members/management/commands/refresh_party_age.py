"""manage.py refresh_party_age

AGE-01: while a period out of contact is open, `Member.party_age_from` (what the lists,
badge lists and statistics read) moves one day later every day. This command brings it
up to date for the members with an open period out of contact; run it daily (cron).
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from simple_history.utils import bulk_update_with_history

from members.enums import PARTY_AGE_DEDUCTED
from members.models import Member
from members.services.events import refresh_party_age


class Command(BaseCommand):
    help = "Cập nhật tuổi đảng của đảng viên đang mất liên lạc với tổ chức đảng (AGE-01)."

    def handle(self, *args, **options):
        members = list(
            Member.objects.filter(
                non_participations__kind__in=PARTY_AGE_DEDUCTED,
                non_participations__ends_on__isnull=True,
            ).distinct()
        )
        changed = []
        for member in members:
            before = member.party_age_from
            refresh_party_age(member)
            if member.party_age_from != before:
                changed.append(member)
        with transaction.atomic():
            bulk_update_with_history(
                changed,
                Member,
                ["party_age_from"],
                default_change_reason="AGE-01: mất liên lạc",
            )
        self.stdout.write(f"Đã cập nhật tuổi đảng của {len(changed)} đảng viên.")
