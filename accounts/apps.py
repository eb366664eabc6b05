from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from organizations import links as organizations_links

from . import scope


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Tài khoản")

    def ready(self) -> None:
        # Registers the django-rules permissions (it reads organizations' models).
        from . import permissions  # noqa: F401, PLC0415 (reason: app-registry)

        # organizations' queries and services filter by the user's reach without
        # importing accounts (organizations.links).
        organizations_links.register_reach(scope)
