"""Levels and steps of the annual review (REV-01..05)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    # REV-02..04 (132-QĐ/TW, 124-QĐ/TW, 366-QĐ/TW); the labels of REV-01 years are in rules.
    EXCELLENT = "excellent", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "good", _("Hoàn thành tốt nhiệm vụ")
    COMPLETED = "completed", _("Hoàn thành nhiệm vụ")
    FAILED = "failed", _("Không hoàn thành nhiệm vụ")
    # REV-01 (up to 2017): legacy levels of organizations.
    CLEAN_STRONG = "clean_strong", _("Trong sạch, vững mạnh")
    WEAK = "weak", _("Yếu kém")


# Higher is better; a legacy level ranks with its modern counterpart.
RANK: dict[str, int] = {
    Level.EXCELLENT: 4,
    Level.CLEAN_STRONG: 4,
    Level.GOOD: 3,
    Level.COMPLETED: 2,
    Level.FAILED: 1,
    Level.WEAK: 1,
}


class Step(models.TextChoices):
    # REV-05: self-assessment → collective review and proposal → decision → publication.
    SELF = "self", _("Tự đánh giá, xếp loại")
    PROPOSAL = "proposal", _("Tập thể nhận xét, đề xuất")
    DECISION = "decision", _("Cấp có thẩm quyền quyết định")


STEP_ORDER = (Step.SELF, Step.PROPOSAL, Step.DECISION)


class Subject(models.TextChoices):
    ORGANIZATION = "organization", _("Tổ chức đảng")
    MEMBER = "member", _("Đảng viên")
