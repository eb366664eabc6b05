"""The shares and texts the demo meeting generator (demo.meetings) draws from."""

from organizations.enums import CellCategory

C = CellCategory

# (share of cells holding every month, share holding 9–11 of 12): the rest hold fewer.
REGULARITY = {
    C.RURAL_VILLAGE: (0.3612, 0.4749),
    C.URBAN_BLOCK: (0.40, 0.46),
    C.AGENCY: (0.55, 0.42),
    C.PUBLIC_SERVICE: (0.50, 0.44),
    C.STATE_ENTERPRISE: (0.45, 0.45),
    C.PRIVATE_ENTERPRISE: (0.25, 0.45),
    C.ARMED_FORCES: (0.80, 0.18),
    C.SCHOOL: (0.55, 0.40),
}
DEFAULT_REGULARITY = (0.40, 0.45)
THEMATIC_SHARE = 0.85
CANCELLED_SHARE = 0.7  # of the missed months; the rest stay planned, never held
UNEXCUSED_OF_ABSENCES = (0.05, 0.30)  # per cell
EXEMPT_ATTENDING = 0.10
SPECIAL_DUTY_OF_ABSENCES = 0.5  # armed-forces members absent

TOPICS = [
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Nâng cao chất lượng sinh hoạt chi bộ",
    "Phát triển kinh tế, xây dựng nông thôn mới",
    "Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác quan điểm sai trái",
    "Phòng, chống tham nhũng, lãng phí, tiêu cực",
    "Công tác phát triển đảng viên",
    "Chuyển đổi số trong công tác đảng",
    "An ninh trật tự, an toàn giao thông",
    "Vệ sinh môi trường, ứng phó thiên tai",
    "Thực hiện quy định về những điều đảng viên không được làm",
]
CANCEL_REASONS = [
    "Trùng lịch thu hoạch mùa vụ",
    "Cấp ủy viên đi công tác, lùi sang tháng sau",
    "Mưa lũ, không tổ chức được",
    "Gộp với hội nghị của đảng ủy",
]
PLACES = {
    C.RURAL_VILLAGE: "Nhà văn hóa thôn",
    C.URBAN_BLOCK: "Nhà văn hóa tổ dân phố",
    C.ARMED_FORCES: "Hội trường đơn vị",
    C.SCHOOL: "Phòng họp nhà trường",
}
EXCUSED_REASONS = ["Ốm", "Đi công tác", "Việc gia đình", "Đi làm ăn xa", "Đi học"]
