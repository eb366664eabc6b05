"""Official reference lists kept as data (ethnic groups, religions)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Ethnicity(models.Model):
    """One of the 54 ethnic groups of Viet Nam (Danh mục các dân tộc Việt Nam)."""

    code = models.CharField(_("mã"), max_length=4, unique=True)
    name = models.CharField(_("dân tộc"), max_length=64, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("dân tộc")
        verbose_name_plural = _("dân tộc")

    def __str__(self) -> str:
        return self.name


class Religion(models.Model):
    """A religion recognized in Viet Nam, or none."""

    code = models.CharField(_("mã"), max_length=4, unique=True)
    name = models.CharField(_("tôn giáo"), max_length=64, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("tôn giáo")
        verbose_name_plural = _("tôn giáo")

    def __str__(self) -> str:
        return self.name
