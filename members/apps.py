from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from accounts import links as accounts_links
from organizations import links as organizations_links


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Đảng viên")

    def ready(self) -> None:
        # Registers the register's django-rules permissions (they read organizations' models).
        from . import permissions  # noqa: F401, PLC0415 (reason: app-registry)

        # The organization page's member figures and committee seats, and the member
        # record of an account: lent to organizations and accounts, which sit below us
        # and import nothing of members (organizations.links, accounts.links).
        from .links import AccountRecords, OrganizationFigures  # noqa: PLC0415 (reason: app-registry)

        organizations_links.register_member_figures(OrganizationFigures())
        accounts_links.register(AccountRecords())
