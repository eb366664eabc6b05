"""Fixed lists of inspection, supervision and discipline (INS-01, DIS-01..04)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Activity(models.TextChoices):
    INSPECTION = "inspection", _("Kiểm tra")
    SUPERVISION = "supervision", _("Giám sát")


class InspectionKind(models.TextChoices):
    # INS-01
    REGULAR = "regular", _("Thường xuyên")
    THEMATIC = "thematic", _("Chuyên đề, định kỳ")
    SIGNS_OF_VIOLATION = "signs", _("Khi có dấu hiệu vi phạm")


class Area(models.TextChoices):
    # INS-01: the areas named in the seeds.
    DEMOCRATIC_CENTRALISM = "democratic_centralism", _("Nguyên tắc tập trung dân chủ")
    WORKING_RULES = "working_rules", _("Quy chế làm việc, chế độ công tác")
    UNITY = "unity", _("Giữ gìn đoàn kết nội bộ")
    FINANCES = "finances", _("Tài chính đảng")
    THRIFT_ANTI_CORRUPTION = "thrift", _("Thực hành tiết kiệm, phòng chống tham nhũng, lãng phí")
    RESOLUTIONS = "resolutions", _("Thực hiện nghị quyết, chỉ thị")
    ADMISSION = "admission", _("Công tác phát triển đảng viên")


class SubjectKind(models.TextChoices):
    ORGANIZATION = "organization", _("Tổ chức đảng")
    MEMBER = "member", _("Đảng viên")


class DisciplineForm(models.TextChoices):
    # DIS-01, in increasing severity.
    REPRIMAND = "reprimand", _("Khiển trách")
    WARNING = "warning", _("Cảnh cáo")
    DISMISSAL = "dismissal", _("Cách chức")
    EXPULSION = "expulsion", _("Khai trừ")
    DISSOLUTION = "dissolution", _("Giải tán")


# Severity order (warning and above matter to REV-02).
SEVERITY: dict[str, int] = {
    DisciplineForm.REPRIMAND: 1,
    DisciplineForm.WARNING: 2,
    DisciplineForm.DISMISSAL: 3,
    DisciplineForm.EXPULSION: 4,
    DisciplineForm.DISSOLUTION: 4,
}


class DecidingBody(models.TextChoices):
    # DIS-02: who decides, named by the body of the deciding organization.
    CELL = "cell", _("Chi bộ")
    CELL_COMMITTEE = "cell_committee", _("Chi ủy")
    COMMITTEE = "committee", _("Cấp ủy (ban chấp hành)")
    STANDING_COMMITTEE = "standing_committee", _("Ban thường vụ cấp ủy")
    INSPECTION_COMMISSION = "inspection_commission", _("Ủy ban kiểm tra")


class DeferralReason(models.TextChoices):
    # DIS-04
    PREGNANT = "pregnant", _("Đang mang thai")
    CHILD_UNDER_12_MONTHS = "child", _("Đang nuôi con dưới 12 tháng tuổi")
    SERIOUSLY_ILL = "ill", _("Ốm nặng đang điều trị nội trú")


class AppealOutcome(models.TextChoices):
    PENDING = "pending", _("Đang giải quyết")
    UPHELD = "upheld", _("Giữ nguyên hình thức kỷ luật")
    REDUCED = "reduced", _("Giảm hình thức kỷ luật")
    ANNULLED = "annulled", _("Xóa kỷ luật")
    INCREASED = "increased", _("Tăng hình thức kỷ luật")
