from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "organizations"
    verbose_name = _("Tổ chức đảng")

    def ready(self) -> None:
        # Registers organizations' django-rules permissions.
        from . import permissions  # noqa: F401, PLC0415 (reason: app-registry)
