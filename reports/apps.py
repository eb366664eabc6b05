from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = _("Báo cáo, thống kê")

    def ready(self) -> None:
        # Registers reports' django-rules permissions.
        from . import permissions  # noqa: F401, PLC0415 (reason: app-registry)
