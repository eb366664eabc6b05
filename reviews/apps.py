from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Đánh giá, xếp loại chất lượng")

    def ready(self) -> None:
        # reviews.* permissions (django-rules), asked by views and templates.
        from . import permissions  # noqa: F401, PLC0415 (reason: app-registry)
