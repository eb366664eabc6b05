from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisciplineConfig(AppConfig):
    name = "discipline"
    verbose_name = _("Kiểm tra, giám sát, kỷ luật")

    def ready(self) -> None:
        # discipline.* permissions (django-rules), asked by views and templates.
        from . import permissions  # noqa: F401, PLC0415 (reason: app-registry)
