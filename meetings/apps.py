from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Sinh hoạt chi bộ")

    def ready(self) -> None:
        from . import permissions  # noqa: F401, PLC0415 (reason: app-registry)
