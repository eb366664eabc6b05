from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Đào tạo, bồi dưỡng và học tập nghị quyết")

    def ready(self) -> None:
        # training.* permissions (django-rules), asked by views, templates and services.
        from . import permissions  # noqa: F401, PLC0415 (reason: app-registry)
