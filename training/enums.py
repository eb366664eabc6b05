"""Fixed lists of the training records: course kinds, results, directive kinds, study levels."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from members.enums import TheoryLevel


class CourseKind(models.TextChoices):
    # ADM-04: the awareness course certificate (CN-NTVĐ) is needed for admission.
    PARTY_AWARENESS = "party_awareness", _("Bồi dưỡng nhận thức về Đảng")
    # PRB-04: the new-member course certificate belongs to the full-membership dossier.
    NEW_MEMBER = "new_member", _("Bồi dưỡng lý luận chính trị cho đảng viên mới")
    ELEMENTARY_THEORY = "elementary_theory", _("Sơ cấp lý luận chính trị")
    INTERMEDIATE_THEORY = "intermediate_theory", _("Trung cấp lý luận chính trị")
    COMMITTEE_WORK = "committee_work", _("Bồi dưỡng nghiệp vụ công tác đảng")
    KNOWLEDGE_UPDATE = "knowledge_update", _("Cập nhật kiến thức")


# Completing one of these courses raises the member's political theory level (STA-01).
THEORY_LEVEL_OF_COURSE: dict[str, str] = {
    CourseKind.ELEMENTARY_THEORY: TheoryLevel.ELEMENTARY,
    CourseKind.INTERMEDIATE_THEORY: TheoryLevel.INTERMEDIATE,
}

# Order of theory levels, lowest first; a level is only ever raised, never lowered.
# "Cử nhân" (bachelor of political theory) ranks with "cao cấp" (advanced).
THEORY_RANK = {
    "": 0,
    TheoryLevel.NONE: 0,
    TheoryLevel.ELEMENTARY: 1,
    TheoryLevel.INTERMEDIATE: 2,
    TheoryLevel.ADVANCED: 3,
    TheoryLevel.BACHELOR: 3,
}


class Result(models.TextChoices):
    ENROLLED = "enrolled", _("Đang học")
    COMPLETED = "completed", _("Hoàn thành")
    FAILED = "failed", _("Không đạt")
    ABSENT = "absent", _("Bỏ học, vắng")


class DirectiveKind(models.TextChoices):
    DIRECTIVE = "directive", _("Chỉ thị")
    RESOLUTION = "resolution", _("Nghị quyết")
    CONCLUSION = "conclusion", _("Kết luận")
    REGULATION = "regulation", _("Quy định")
    OTHER = "other", _("Văn bản khác")


# The symbol in a document number ("05-CT/TW") names its kind.
DIRECTIVE_KIND_OF_SYMBOL = {
    "CT": DirectiveKind.DIRECTIVE,
    "NQ": DirectiveKind.RESOLUTION,
    "KL": DirectiveKind.CONCLUSION,
    "QĐ": DirectiveKind.REGULATION,
    "QD": DirectiveKind.REGULATION,
}


class StudyLevel(models.TextChoices):
    """The level at which a study conference (hội nghị học tập, quán triệt) is held."""

    CENTRAL = "central", _("Trung ương")
    PROVINCE = "province", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện và tương đương")
    COMMUNE = "commune", _("Cấp xã, phường, đặc khu")
    GRASSROOTS = "grassroots", _("Cấp cơ sở")
    CELL = "cell", _("Chi bộ")


# organizations.enums.OrgKind → the level of a conference that organization holds.
STUDY_LEVEL_OF_KIND = {
    "province": StudyLevel.PROVINCE,
    "district": StudyLevel.DISTRICT,
    "bloc": StudyLevel.DISTRICT,
    "commune": StudyLevel.COMMUNE,
    "ward": StudyLevel.COMMUNE,
    "special_zone": StudyLevel.COMMUNE,
    "grassroots_committee": StudyLevel.GRASSROOTS,
    "grassroots_cell": StudyLevel.GRASSROOTS,
    "sub_committee": StudyLevel.GRASSROOTS,
    "cell": StudyLevel.CELL,
    "party_group": StudyLevel.CELL,
}
