"""Kinds, categories and other fixed lists of the party tree (ORG-01, ORG-03)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrgKind(models.TextChoices):
    # ORG-01: the kinds of node, covering both the pre-2025 and the current structure.
    PROVINCE = "province", _("Đảng bộ tỉnh, thành phố")
    DISTRICT = "district", _("Đảng bộ huyện, quận, thị xã")
    BLOC = "bloc", _("Đảng bộ khối")
    COMMUNE = "commune", _("Đảng bộ xã")
    WARD = "ward", _("Đảng bộ phường")
    SPECIAL_ZONE = "special_zone", _("Đảng bộ đặc khu")
    GRASSROOTS_COMMITTEE = "grassroots_committee", _("Đảng bộ cơ sở")
    GRASSROOTS_CELL = "grassroots_cell", _("Chi bộ cơ sở")
    SUB_COMMITTEE = "sub_committee", _("Đảng bộ bộ phận")
    CELL = "cell", _("Chi bộ trực thuộc")
    PARTY_GROUP = "party_group", _("Tổ đảng")


GRASSROOTS_KINDS = frozenset({OrgKind.GRASSROOTS_COMMITTEE, OrgKind.GRASSROOTS_CELL})
CELL_KINDS = frozenset({OrgKind.GRASSROOTS_CELL, OrgKind.CELL})
COMMUNE_KINDS = frozenset({OrgKind.COMMUNE, OrgKind.WARD, OrgKind.SPECIAL_ZONE})


class CellCategory(models.TextChoices):
    # ORG-03: categories used for meeting content and statistics.
    RURAL_VILLAGE = "rural_village", _("Thôn, bản, ấp")
    URBAN_BLOCK = "urban_block", _("Tổ dân phố, khu phố")
    AGENCY = "agency", _("Cơ quan hành chính")
    PUBLIC_SERVICE = "public_service", _("Đơn vị sự nghiệp")
    STATE_ENTERPRISE = "state_enterprise", _("Doanh nghiệp nhà nước")
    PRIVATE_ENTERPRISE = "private_enterprise", _("Doanh nghiệp ngoài nhà nước")
    ARMED_FORCES = "armed_forces", _("Lực lượng vũ trang")
    SCHOOL = "school", _("Trường học")


class ResidentialUnitKind(models.TextChoices):
    VILLAGE = "village", _("Thôn")
    HAMLET = "hamlet", _("Bản")
    AP = "ap", _("Ấp")
    RESIDENTIAL_GROUP = "residential_group", _("Tổ dân phố")
    QUARTER = "quarter", _("Khu phố")


class CommitteeKind(models.TextChoices):
    EXECUTIVE = "executive", _("Ban chấp hành (cấp ủy)")
    STANDING = "standing", _("Ban thường vụ")
    CELL_COMMITTEE = "cell_committee", _("Chi ủy")


class SuccessionKind(models.TextChoices):
    MERGE = "merge", _("Hợp nhất, sáp nhập")
    SPLIT = "split", _("Chia tách")
    RENAME = "rename", _("Đổi tên")
    REORGANIZE = "reorganize", _("Tổ chức lại")
