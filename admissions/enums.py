"""Fixed lists of the admission pipeline (ADM-05) and of probation (PRB-01..04).

A leaf module: imports nothing from the app.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CandidateSource(models.TextChoices):
    # ADM-05: where an outstanding person (quần chúng ưu tú) comes from.
    YOUTH_UNION = "youth_union", _("Đoàn Thanh niên giới thiệu")
    TRADE_UNION = "trade_union", _("Công đoàn giới thiệu")
    WOMEN_UNION = "women_union", _("Hội Liên hiệp Phụ nữ giới thiệu")
    VETERANS = "veterans", _("Hội Cựu chiến binh giới thiệu")
    FARMERS = "farmers", _("Hội Nông dân giới thiệu")
    RESIDENCE = "residence", _("Nơi cư trú (thôn, tổ dân phố)")
    WORKPLACE = "workplace", _("Cơ quan, đơn vị, doanh nghiệp")
    ARMED_FORCES = "armed_forces", _("Lực lượng vũ trang")
    OTHER = "other", _("Khác")


class CandidateState(models.TextChoices):
    # ADM-05: on the list (outstanding), sympathizer, off the list; admitted at the end.
    OUTSTANDING = "outstanding", _("Quần chúng ưu tú")
    SYMPATHIZER = "sympathizer", _("Cảm tình đảng")
    REMOVED = "removed", _("Đã đưa ra khỏi danh sách")
    ADMITTED = "admitted", _("Đã kết nạp")


class Stage(models.TextChoices):
    # ADM-05: the pipeline, in order. Each stage is one CaseStep of the case.
    SOURCE = "source", _("Quần chúng ưu tú được giới thiệu")
    SYMPATHIZER = "sympathizer", _("Cảm tình đảng, phân công đảng viên giúp đỡ")
    COURSE = "course", _("Học lớp bồi dưỡng nhận thức về Đảng")
    APPLICATION = "application", _("Đơn xin vào Đảng (1-KNĐ)")
    HISTORY = "history", _("Lý lịch người xin vào Đảng (2-KNĐ)")
    VERIFICATION = "verification", _("Thẩm tra lý lịch")
    COMMENTS = "comments", _("Nhận xét của đoàn thể, chi ủy nơi cư trú (5-KNĐ)")
    SPONSORS = "sponsors", _("Giấy giới thiệu người vào Đảng (3-KNĐ, 4-KNĐ)")
    CELL_RESOLUTION = "cell_resolution", _("Nghị quyết của chi bộ (6-KNĐ)")
    COMMITTEE_RESOLUTION = "committee_resolution", _("Nghị quyết của đảng ủy cơ sở (8-KNĐ)")
    DECISION = "decision", _("Quyết định kết nạp (9-KNĐ)")
    CEREMONY = "ceremony", _("Lễ kết nạp")
    MEMBER_FILE = "member_file", _("Hoàn thiện lý lịch đảng viên, phiếu đảng viên")


STAGE_ORDER = list(Stage.values)


class Outcome(models.TextChoices):
    OPEN = "", _("Đang xét")
    ADMITTED = "admitted", _("Đã kết nạp")
    REFUSED = "refused", _("Không kết nạp")
    WITHDRAWN = "withdrawn", _("Dừng xem xét")


class DocKind(models.TextChoices):
    # ADM-05: the admission dossier; PRB-04: the full-membership dossier.
    CERTIFICATE = "certificate", _("Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng")
    APPLICATION = "application", _("Đơn xin vào Đảng (1-KNĐ)")
    HISTORY = "history", _("Lý lịch người xin vào Đảng (2-KNĐ)")
    VERIFICATION = "verification", _("Kết quả thẩm tra lý lịch")
    COMMENTS = "comments", _("Tổng hợp nhận xét của đoàn thể, chi ủy nơi cư trú (5-KNĐ)")
    SPONSOR_LETTERS = "sponsor_letters", _("Giấy giới thiệu (3-KNĐ) hoặc nghị quyết Đoàn (4-KNĐ)")
    CELL_RESOLUTION = "cell_resolution", _("Nghị quyết đề nghị kết nạp của chi bộ (6-KNĐ)")
    COMMITTEE_RESOLUTION = "committee_resolution", _("Nghị quyết của đảng ủy cơ sở (8-KNĐ)")
    DECISION = "decision", _("Quyết định kết nạp đảng viên (9-KNĐ)")
    MEMBER_FILE = "member_file", _("Lý lịch đảng viên, phiếu đảng viên (2-HSĐV)")
    # PRB-04
    NEW_MEMBER_COURSE = (
        "new_member_course",
        _("Giấy chứng nhận học lớp bồi dưỡng lý luận chính trị cho đảng viên mới"),
    )
    SELF_REVIEW = "self_review", _("Bản tự kiểm điểm của đảng viên dự bị (10-KNĐ)")
    HELPER_COMMENTS = "helper_comments", _("Bản nhận xét của đảng viên giúp đỡ (11-KNĐ)")
    MASS_COMMENTS = "mass_comments", _("Tổng hợp ý kiến nhận xét của đoàn thể, nơi cư trú (12-KNĐ)")
    FULL_CELL_RESOLUTION = "full_cell_resolution", _("Nghị quyết của chi bộ (13-KNĐ)")
    FULL_COMMITTEE_RESOLUTION = (
        "full_committee_resolution",
        _("Nghị quyết của đảng ủy cơ sở (15-KNĐ)"),
    )
    FULL_DECISION = "full_decision", _("Quyết định công nhận đảng viên chính thức")


# ADM-05: the dossier of an admission case, and the stage at which each piece is due.
ADMISSION_DOSSIER: dict[str, str] = {
    DocKind.CERTIFICATE: Stage.COURSE,
    DocKind.APPLICATION: Stage.APPLICATION,
    DocKind.HISTORY: Stage.HISTORY,
    DocKind.VERIFICATION: Stage.VERIFICATION,
    DocKind.COMMENTS: Stage.COMMENTS,
    DocKind.SPONSOR_LETTERS: Stage.SPONSORS,
    DocKind.CELL_RESOLUTION: Stage.CELL_RESOLUTION,
    DocKind.COMMITTEE_RESOLUTION: Stage.COMMITTEE_RESOLUTION,
    DocKind.DECISION: Stage.DECISION,
    DocKind.MEMBER_FILE: Stage.MEMBER_FILE,
}
STAGE_DOCUMENT: dict[str, str] = {stage: kind for kind, stage in ADMISSION_DOSSIER.items()}


class FullStage(models.TextChoices):
    # PRB-02..03
    OPEN = "open", _("Chuẩn bị hồ sơ")
    CELL_RESOLUTION = "cell_resolution", _("Nghị quyết của chi bộ (13-KNĐ)")
    COMMITTEE_RESOLUTION = "committee_resolution", _("Nghị quyết của đảng ủy cơ sở (15-KNĐ)")
    DECISION = "decision", _("Quyết định của cấp ủy có thẩm quyền")


FULL_STAGE_ORDER = list(FullStage.values)

# PRB-04: the full-membership dossier and the stage at which each piece is due.
FULL_DOSSIER: dict[str, str] = {
    DocKind.NEW_MEMBER_COURSE: FullStage.CELL_RESOLUTION,
    DocKind.SELF_REVIEW: FullStage.CELL_RESOLUTION,
    DocKind.HELPER_COMMENTS: FullStage.CELL_RESOLUTION,
    DocKind.MASS_COMMENTS: FullStage.CELL_RESOLUTION,
    DocKind.FULL_CELL_RESOLUTION: FullStage.CELL_RESOLUTION,
    DocKind.FULL_COMMITTEE_RESOLUTION: FullStage.COMMITTEE_RESOLUTION,
    DocKind.FULL_DECISION: FullStage.DECISION,
}
FULL_STAGE_DOCUMENT: dict[str, str] = {
    FullStage.CELL_RESOLUTION: DocKind.FULL_CELL_RESOLUTION,
    FullStage.COMMITTEE_RESOLUTION: DocKind.FULL_COMMITTEE_RESOLUTION,
    FullStage.DECISION: DocKind.FULL_DECISION,
}


class Proposal(models.TextChoices):
    # PRB-02: the cell proposes full membership, or striking the name off.
    FULL = "full", _("Công nhận đảng viên chính thức")
    STRIKE_OFF = "strike_off", _("Xóa tên trong danh sách đảng viên")


class DocStatus(models.TextChoices):
    RECEIVED = "received", _("Đã có")
    MISSING = "missing", _("Còn thiếu")
    EXPIRED = "expired", _("Hết hiệu lực")


class SponsorKind(models.TextChoices):
    # ADM-03
    MEMBER = "member", _("Đảng viên chính thức")
    YOUTH_UNION = "youth_union", _("Ban Chấp hành Đoàn cơ sở")


class LeavingWay(models.TextChoices):
    # ADM-10: how a former member left; some ways close re-admission for ever.
    STRUCK_OFF = "struck_off", _("Bị xóa tên (trường hợp khác)")
    ABANDONED = "abandoned", _("Bỏ sinh hoạt đảng")
    ASKED_TO_LEAVE = "asked_to_leave", _("Tự xin ra khỏi Đảng")
    DISUNITY = "disunity", _("Gây mất đoàn kết nghiêm trọng")
    CORRUPTION = "corruption", _("Tham nhũng")
    SERIOUS_CRIME = "serious_crime", _("Vi phạm pháp luật nghiêm trọng")
    EXPELLED_OTHER = "expelled_other", _("Bị khai trừ vì lý do khác")
    OTHER = "other", _("Lý do khác")


# ADM-10: never re-admitted.
NO_READMISSION = frozenset(
    {
        LeavingWay.ABANDONED,
        LeavingWay.ASKED_TO_LEAVE,
        LeavingWay.DISUNITY,
        LeavingWay.CORRUPTION,
        LeavingWay.SERIOUS_CRIME,
    }
)
