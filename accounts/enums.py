from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị hệ thống")
    OFFICER = "officer", _("Cán bộ cấp ủy")
    SECRETARY = "secretary", _("Bí thư chi bộ")
    INSPECTOR = "inspector", _("Ủy viên ủy ban kiểm tra")
    MEMBER = "member", _("Đảng viên")


# Roles whose reach is the whole subtree of their organization.
SUBTREE_READ_ROLES = frozenset({Role.ADMIN, Role.OFFICER, Role.INSPECTOR})
SUBTREE_WRITE_ROLES = frozenset({Role.ADMIN, Role.OFFICER})
