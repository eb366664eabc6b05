from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Sex(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")


class MemberStatus(models.TextChoices):
    # MEM-02: probationary → full; leaving states end the membership.
    PROBATIONARY = "probationary", _("Dự bị")
    FULL = "full", _("Chính thức")
    TRANSFERRED_OUT = "transferred_out", _("Đã chuyển đi")
    STRUCK_OFF = "struck_off", _("Xóa tên")
    EXPELLED = "expelled", _("Khai trừ")
    RESIGNED = "resigned", _("Xin ra khỏi Đảng")
    DECEASED = "deceased", _("Từ trần")


ACTIVE_STATUSES = frozenset({MemberStatus.PROBATIONARY, MemberStatus.FULL})


class SeatRole(models.TextChoices):
    SECRETARY = "secretary", _("Bí thư")
    DEPUTY = "deputy", _("Phó Bí thư")
    STANDING = "standing", _("Ủy viên Ban Thường vụ")
    MEMBER = "member", _("Cấp ủy viên")


# --- The register (MEM-01) ---


class Education(models.TextChoices):
    # Trình độ giáo dục phổ thông (7-HSĐV)
    PRIMARY = "primary", _("Tiểu học")
    LOWER_SECONDARY = "lower_secondary", _("Trung học cơ sở")
    UPPER_SECONDARY = "upper_secondary", _("Trung học phổ thông")


class Qualification(models.TextChoices):
    # Trình độ chuyên môn, nghiệp vụ
    NONE = "none", _("Chưa qua đào tạo")
    VOCATIONAL = "vocational", _("Sơ cấp nghề")
    INTERMEDIATE = "intermediate", _("Trung cấp")
    COLLEGE = "college", _("Cao đẳng")
    UNIVERSITY = "university", _("Đại học")
    MASTER = "master", _("Thạc sĩ")
    DOCTOR = "doctor", _("Tiến sĩ")


class TheoryLevel(models.TextChoices):
    # Trình độ lý luận chính trị (STA-01)
    NONE = "none", _("Chưa qua đào tạo")
    ELEMENTARY = "elementary", _("Sơ cấp")
    INTERMEDIATE = "intermediate", _("Trung cấp")
    ADVANCED = "advanced", _("Cao cấp")
    BACHELOR = "bachelor", _("Cử nhân")


class Occupation(models.TextChoices):
    CIVIL_SERVANT = "civil_servant", _("Cán bộ, công chức")
    PUBLIC_EMPLOYEE = "public_employee", _("Viên chức")
    ARMED_FORCES = "armed_forces", _("Lực lượng vũ trang")
    WORKER = "worker", _("Công nhân")
    FARMER = "farmer", _("Nông dân")
    BUSINESS = "business", _("Chủ doanh nghiệp, kinh doanh")
    ENTERPRISE_EMPLOYEE = "enterprise_employee", _("Người lao động trong doanh nghiệp")
    STUDENT = "student", _("Học sinh, sinh viên")
    RETIRED = "retired", _("Hưu trí")
    FREELANCE = "freelance", _("Lao động tự do")
    OTHER = "other", _("Khác")


class MembershipKind(models.TextChoices):
    # TRF-01: a temporarily transferred member is not counted in the host's membership.
    HOME = "home", _("Sinh hoạt chính thức")
    TEMPORARY = "temporary", _("Sinh hoạt tạm thời")


class EventKind(models.TextChoices):
    # MEM-02: every change of status is dated and kept.
    ADMITTED = "admitted", _("Kết nạp (đảng viên dự bị)")
    READMITTED = "readmitted", _("Kết nạp lại")
    FULL_MEMBERSHIP = "full_membership", _("Công nhận đảng viên chính thức")
    EXEMPTION_STARTED = "exemption_started", _("Bắt đầu miễn công tác và sinh hoạt")
    EXEMPTION_ENDED = "exemption_ended", _("Hết miễn công tác và sinh hoạt")
    TRANSFER_OUT = "transfer_out", _("Chuyển sinh hoạt chính thức đi")
    TRANSFER_IN = "transfer_in", _("Chuyển sinh hoạt chính thức đến")
    TEMPORARY_OUT = "temporary_out", _("Chuyển sinh hoạt tạm thời đi")
    TEMPORARY_IN = "temporary_in", _("Chuyển sinh hoạt tạm thời đến")
    TEMPORARY_RETURNED = "temporary_returned", _("Trở lại sau sinh hoạt tạm thời")
    STRUCK_OFF = "struck_off", _("Xóa tên")
    EXPELLED = "expelled", _("Khai trừ")
    RESIGNED = "resigned", _("Xin ra khỏi Đảng")
    DECEASED = "deceased", _("Từ trần")
    # DIS-04/DIS-05: an expulsion annulled or reduced on appeal; the membership it ended
    # is reopened as if never closed (no gap in party age).
    EXPULSION_ANNULLED = (
        "expulsion_annulled",
        _("Khôi phục sinh hoạt đảng (hủy, giảm kỷ luật khai trừ)"),
    )


# The status a member has after each kind of event (None: status unchanged).
STATUS_AFTER_EVENT: dict[str, str] = {
    EventKind.ADMITTED: MemberStatus.PROBATIONARY,
    EventKind.READMITTED: MemberStatus.PROBATIONARY,
    EventKind.FULL_MEMBERSHIP: MemberStatus.FULL,
    EventKind.STRUCK_OFF: MemberStatus.STRUCK_OFF,
    EventKind.EXPELLED: MemberStatus.EXPELLED,
    EventKind.RESIGNED: MemberStatus.RESIGNED,
    EventKind.DECEASED: MemberStatus.DECEASED,
}
LEAVING_EVENTS = frozenset(
    {EventKind.STRUCK_OFF, EventKind.EXPELLED, EventKind.RESIGNED, EventKind.DECEASED}
)


class ExemptionGround(models.TextChoices):
    # EXM-01: age needs all three conditions; the others are dated with a reason.
    AGE = "age", _("Tuổi cao, sức khỏe yếu")
    LONG_TREATMENT = "long_treatment", _("Điều trị bệnh dài ngày")
    WORKING_FAR = "working_far", _("Làm việc một mình ở xa")
    MOBILE_WORK = "mobile_work", _("Làm việc lưu động dưới 1 năm")
    MATERNITY = "maternity", _("Nghỉ thai sản")
    AWAITING_RETIREMENT = "awaiting_retirement", _("Chờ nghỉ hưu")
    OTHER = "other", _("Lý do khác")


class TransferKind(models.TextChoices):
    OFFICIAL = "official", _("Chính thức")
    TEMPORARY = "temporary", _("Tạm thời")


class TransferReason(models.TextChoices):
    JOB_MOVE = "job_move", _("Chuyển công tác")
    RETIREMENT = "retirement", _("Nghỉ hưu")
    RESIDENCE = "residence", _("Thay đổi nơi cư trú")
    STUDY = "study", _("Đi học tập trung")
    TEMPORARY_WORK = "temporary_work", _("Đi công tác, lao động có thời hạn")
    OTHER = "other", _("Khác")


class TransferState(models.TextChoices):
    PENDING = "pending", _("Chờ giới thiệu")
    SENT = "sent", _("Đã cấp giấy giới thiệu")
    RECEIVED = "received", _("Nơi đến đã tiếp nhận")
    RETURNED = "returned", _("Đã trở về (sinh hoạt tạm thời)")
    CANCELLED = "cancelled", pgettext_lazy("transfer state", "Hủy")


class NonParticipationKind(models.TextChoices):
    # AGE-01: out of contact is deducted from party age; MTG-07: suspended, prosecuted and
    # detained members are left out of a resolution's vote base.
    OUT_OF_CONTACT = "out_of_contact", _("Mất liên lạc với tổ chức đảng")
    SUSPENDED = "suspended", _("Đình chỉ sinh hoạt đảng")
    PROSECUTED = "prosecuted", _("Bị truy tố")
    DETAINED = "detained", _("Bị tạm giam")


# AGE-01: the periods of non-participation deducted from party age (the others named by
# AGE-01, expulsion, striking off and transfer gaps, are the gaps between memberships).
PARTY_AGE_DEDUCTED = frozenset({NonParticipationKind.OUT_OF_CONTACT})
# MTG-07: left out of the vote base of a resolution on the days they last.
VOTE_BASE_EXCLUDED = frozenset(
    {
        NonParticipationKind.SUSPENDED,
        NonParticipationKind.PROSECUTED,
        NonParticipationKind.DETAINED,
    }
)
