from django.apps import AppConfig
from django.core.signals import request_started
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Lõi hệ thống")

    def ready(self) -> None:
        # The calendar caches the holiday table: clear it when a row changes and at the
        # start of each request (another process may have edited it).
        from . import calendar  # noqa: PLC0415 (reason: app-registry)
        from .models import PublicHoliday  # noqa: PLC0415 (reason: app-registry)

        for signal in (post_save, post_delete):
            signal.connect(
                calendar.on_holiday_saved_or_deleted,
                sender=PublicHoliday,
                dispatch_uid=f"core.calendar.holidays_changed.{signal is post_save}",
            )
        request_started.connect(calendar.request_started, dispatch_uid="core.calendar.request")
