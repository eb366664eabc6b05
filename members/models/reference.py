"""Official reference lists kept as data (ethnic groups, religions).

ETHNICITIES and RELIGIONS are the lists migration 0003 loads (editable in the admin
afterwards). ETHNICITIES: Danh mục các dân tộc Việt Nam (Quyết định 121-TCTK/PPCĐ, 1979),
codes 01-54. RELIGIONS: religions recognized by the State (Ban Tôn giáo Chính phủ), with 00
for none.
"""

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


ETHNICITIES = [
    ("01", "Kinh"), ("02", "Tày"), ("03", "Thái"), ("04", "Hoa"), ("05", "Khơ-me"),
    ("06", "Mường"), ("07", "Nùng"), ("08", "Hmông"), ("09", "Dao"), ("10", "Gia-rai"),
    ("11", "Ngái"), ("12", "Ê-đê"), ("13", "Ba-na"), ("14", "Xơ-đăng"), ("15", "Sán Chay"),
    ("16", "Cơ-ho"), ("17", "Chăm"), ("18", "Sán Dìu"), ("19", "Hrê"), ("20", "Mnông"),
    ("21", "Ra-glai"), ("22", "Xtiêng"), ("23", "Bru-Vân Kiều"), ("24", "Thổ"), ("25", "Giáy"),
    ("26", "Cơ-tu"), ("27", "Gié-Triêng"), ("28", "Mạ"), ("29", "Khơ-mú"), ("30", "Co"),
    ("31", "Ta-ôi"), ("32", "Chơ-ro"), ("33", "Kháng"), ("34", "Xinh-mun"), ("35", "Hà Nhì"),
    ("36", "Chu-ru"), ("37", "Lào"), ("38", "La Chí"), ("39", "La Ha"), ("40", "Phù Lá"),
    ("41", "La Hủ"), ("42", "Lự"), ("43", "Lô Lô"), ("44", "Chứt"), ("45", "Mảng"),
    ("46", "Pà Thẻn"), ("47", "Cơ Lao"), ("48", "Cống"), ("49", "Bố Y"), ("50", "Si La"),
    ("51", "Pu Péo"), ("52", "Brâu"), ("53", "Ơ Đu"), ("54", "Rơ-măm"),
]  # fmt: skip

RELIGIONS = [
    ("00", "Không"),
    ("01", "Phật giáo"),
    ("02", "Công giáo"),
    ("03", "Tin lành"),
    ("04", "Cao Đài"),
    ("05", "Phật giáo Hòa Hảo"),
    ("06", "Hồi giáo"),
    ("07", "Tôn giáo Baha'i"),
    ("08", "Tịnh độ Cư sĩ Phật hội Việt Nam"),
    ("09", "Cơ đốc Phục lâm"),
    ("10", "Phật giáo Tứ Ân Hiếu Nghĩa"),
    ("11", "Minh Sư đạo"),
    ("12", "Minh Lý đạo"),
    ("13", "Bà-la-môn"),
    ("14", "Mặc môn"),
    ("15", "Phật giáo Hiếu Nghĩa Tà Lơn"),
    ("16", "Bửu Sơn Kỳ Hương"),
    ("17", "Các Thánh hữu Ngày sau của Chúa Giê-su Ki-tô"),
]
