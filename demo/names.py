"""Name lists for the demo data: people, villages and organizations of a Lạng Sơn district.

Everything here is illustrative. Family names are the ones common among the Tày, Nùng
and Kinh people of Lạng Sơn; village names are built from Tày place-name syllables
(nà: field, khau: hill, pác: mouth of a valley, khuổi: stream, bó: spring ...), so
they sound right without claiming to be the real villages of any commune.
"""

from organizations.enums import CellCategory as C

# (family name, relative weight): Tày and Nùng names first, then Kinh names.
FAMILY_NAMES = [
    ("Hoàng", 16),
    ("Nông", 10),
    ("Nguyễn", 10),
    ("Vi", 6),
    ("Lường", 5),
    ("Lộc", 5),
    ("Triệu", 5),
    ("Hà", 5),
    ("Lý", 4),
    ("Lương", 4),
    ("Chu", 3),
    ("Đinh", 3),
    ("Dương", 3),
    ("Trần", 3),
    ("Lăng", 2),
    ("Hứa", 2),
    ("Mã", 2),
    ("Bế", 2),
    ("Đàm", 2),
    ("Lâm", 2),
    ("Lê", 2),
    ("Phạm", 1),
    ("Đặng", 1),
    ("Ma", 1),
]

MALE_MIDDLE = [
    ("Văn", 40),
    ("Đức", 6),
    ("Minh", 6),
    ("Quang", 5),
    ("Thanh", 4),
    ("Hữu", 4),
    ("Xuân", 4),
    ("Công", 3),
    ("Tiến", 3),
    ("Ngọc", 3),
    ("Đình", 3),
    ("Trung", 2),
    ("Mạnh", 2),
]
FEMALE_MIDDLE = [
    ("Thị", 50),
    ("Thu", 5),
    ("Thanh", 4),
    ("Ngọc", 4),
    ("Hồng", 4),
    ("Minh", 3),
    ("Kim", 3),
    ("Phương", 3),
    ("Thúy", 2),
    ("Bích", 2),
    ("Diệu", 1),
]

MALE_GIVEN = (
    "An Bảo Bình Chiến Chung Cường Dũng Duy Đạt Đông Đức Giang Hải Hào Hiếu Hiệp Hoà Hoàn "
    "Hùng Huy Hưng Khánh Khải Khoa Kiên Lâm Lân Lợi Long Luân Mạnh Minh Nam Nghĩa Ngọc "
    "Nguyên Nhất Ninh Phong Phúc Quân Quang Quyết Sơn Sinh Tài Tâm Thắng Thành Thăng "
    "Thiện Thịnh Thuận Tiến Toàn Trọng Trung Tuấn Tùng Tường Việt Vinh Vũ Xuân"
).split()
FEMALE_GIVEN = (
    "An Anh Ánh Bích Chi Châm Dung Duyên Đào Giang Hà Hạnh Hằng Hiền Hoa Hồng Huế Huyền "
    "Hương Lan Liên Liễu Linh Loan Lụa Mai Mến Minh Nga Ngân Nhung Nguyệt Oanh Phương "
    "Quyên Quỳnh Sen Sinh Tâm Thảo Thắm Thơm Thu Thủy Thúy Thư Thương Trang Tuyết Uyên "
    "Vân Xuân Yến"
).split()

# Tày place-name syllables: a first and a second part ("Nà" + "Pài" = "Nà Pài").
PLACE_HEADS = (
    "Nà Bản Khau Pác Phai Cốc Khuổi Pò Lũng Bó Còn Nặm Kéo Khòn Thâm Pắc Vằng Tà Khun Phja"
).split()
PLACE_TAILS = (
    "Pài Lùng Cạn Slậy Mạ Khuông Phầy Mò Luông Ngần Rọ Sla Tèo Nưa Cáy Thin Đăm Hin Lẹng "
    "Sào Phục Chang Cuồng Lầu Quân Nhàm Pẻn Mìn Tồng Khiêng Slảng Làng Rào Hẩu Vài Khoang"
).split()

# Blocks of a small town (khu phố), Kinh-style names.
TOWN_QUARTERS = [
    "Hòa Bình",
    "Độc Lập",
    "Thống Nhất",
    "Đoàn Kết",
    "Phố Mới",
    "Hoàng Văn Thụ",
    "Lê Lợi",
    "Trần Hưng Đạo",
    "Bắc Sơn",
    "Nà Cạn",
]

DISTRICT_NAME = "Tràng Định"
PROVINCE_NAME = "Lạng Sơn"

# The 22 commune-level party committees of the pre-2025 district (đảng bộ cơ sở):
# (unit word, name, especially difficult). Names follow the communes of Tràng Định;
# which of them are marked especially difficult is illustrative.
OLD_COMMUNES = [
    ("thị trấn", "Thất Khê", False),
    ("xã", "Quốc Khánh", True),
    ("xã", "Tri Phương", False),
    ("xã", "Chi Lăng", False),
    ("xã", "Đại Đồng", False),
    ("xã", "Hùng Sơn", False),
    ("xã", "Kim Đồng", False),
    ("xã", "Chí Minh", False),
    ("xã", "Cao Minh", True),
    ("xã", "Đào Viên", True),
    ("xã", "Đề Thám", False),
    ("xã", "Đoàn Kết", False),
    ("xã", "Đội Cấn", True),
    ("xã", "Hùng Việt", False),
    ("xã", "Kháng Chiến", False),
    ("xã", "Khánh Long", True),
    ("xã", "Quốc Việt", True),
    ("xã", "Tân Minh", True),
    ("xã", "Tân Tiến", False),
    ("xã", "Tân Yên", False),
    ("xã", "Trung Thành", False),
    ("xã", "Vĩnh Tiến", True),
]

# The district's three agency đảng bộ cơ sở: name, category, cells directly under it,
# đảng bộ bộ phận (name, cells).
DISTRICT_AGENCY_COMMITTEES = [
    (
        "Đảng bộ Cơ quan Chính quyền huyện",
        C.AGENCY,
        [
            "Chi bộ Văn phòng HĐND và UBND huyện",
            "Chi bộ Phòng Nội vụ",
            "Chi bộ Phòng Tư pháp",
            "Chi bộ Thanh tra huyện",
        ],
        [
            (
                "Đảng bộ bộ phận Khối Kinh tế",
                [
                    "Chi bộ Phòng Tài chính - Kế hoạch",
                    "Chi bộ Phòng Nông nghiệp và Phát triển nông thôn",
                    "Chi bộ Phòng Kinh tế và Hạ tầng",
                    "Chi bộ Phòng Tài nguyên và Môi trường",
                ],
            ),
            (
                "Đảng bộ bộ phận Khối Văn hóa - Xã hội",
                [
                    "Chi bộ Phòng Giáo dục và Đào tạo",
                    "Chi bộ Phòng Văn hóa và Thông tin",
                    "Chi bộ Phòng Lao động - Thương binh và Xã hội",
                    "Chi bộ Phòng Dân tộc",
                ],
            ),
        ],
    ),
    (
        "Đảng bộ Công an huyện",
        C.ARMED_FORCES,
        [
            "Chi bộ Đội Cảnh sát điều tra",
            "Chi bộ Đội An ninh",
            "Chi bộ Đội Cảnh sát giao thông - Trật tự",
            "Chi bộ Đội Tham mưu - Tổng hợp",
            "Chi bộ Công an thị trấn Thất Khê",
        ],
        [],
    ),
    (
        "Đảng bộ Trung tâm Y tế huyện",
        C.PUBLIC_SERVICE,
        [
            "Chi bộ Khoa Khám bệnh - Hồi sức cấp cứu",
            "Chi bộ Khoa Nội - Nhi - Truyền nhiễm",
            "Chi bộ Khoa Ngoại - Sản",
            "Chi bộ Phòng Hành chính - Tổng hợp",
        ],
        [
            (
                "Đảng bộ bộ phận Khối Y tế dự phòng",
                [
                    "Chi bộ Khoa Kiểm soát bệnh tật",
                    "Chi bộ Khoa Dược - Xét nghiệm",
                ],
            )
        ],
    ),
]

# The district's 34 chi bộ cơ sở (name, category).
DISTRICT_GRASSROOTS_CELLS = [
    ("Chi bộ Cơ quan Văn phòng Huyện ủy", C.AGENCY),
    ("Chi bộ Cơ quan Tổ chức - Kiểm tra Huyện ủy", C.AGENCY),
    ("Chi bộ Cơ quan Tuyên giáo - Dân vận Huyện ủy", C.AGENCY),
    ("Chi bộ Cơ quan Ủy ban Mặt trận Tổ quốc và các đoàn thể huyện", C.AGENCY),
    ("Chi bộ Tòa án nhân dân huyện", C.AGENCY),
    ("Chi bộ Viện Kiểm sát nhân dân huyện", C.AGENCY),
    ("Chi bộ Chi cục Thi hành án dân sự huyện", C.AGENCY),
    ("Chi bộ Chi cục Thuế huyện", C.AGENCY),
    ("Chi bộ Kho bạc Nhà nước huyện", C.AGENCY),
    ("Chi bộ Chi cục Thống kê huyện", C.AGENCY),
    ("Chi bộ Hạt Kiểm lâm huyện", C.AGENCY),
    ("Chi bộ Đội Quản lý thị trường huyện", C.AGENCY),
    ("Chi bộ Ban Chỉ huy Quân sự huyện", C.ARMED_FORCES),
    ("Chi bộ Bảo hiểm xã hội huyện", C.PUBLIC_SERVICE),
    ("Chi bộ Trung tâm Chính trị huyện", C.PUBLIC_SERVICE),
    ("Chi bộ Trung tâm Văn hóa, Thể thao và Truyền thông huyện", C.PUBLIC_SERVICE),
    ("Chi bộ Ban Quản lý dự án đầu tư xây dựng huyện", C.PUBLIC_SERVICE),
    ("Chi bộ Trung tâm Dịch vụ nông nghiệp huyện", C.PUBLIC_SERVICE),
    ("Chi bộ Phòng Giao dịch Ngân hàng Chính sách xã hội huyện", C.PUBLIC_SERVICE),
    ("Chi bộ Chi nhánh Văn phòng Đăng ký đất đai huyện", C.PUBLIC_SERVICE),
    ("Chi bộ Trung tâm Phát triển quỹ đất huyện", C.PUBLIC_SERVICE),
    ("Chi bộ Hạt Quản lý đường bộ huyện", C.PUBLIC_SERVICE),
    ("Chi bộ Trường THPT Tràng Định", C.SCHOOL),
    ("Chi bộ Trường THPT Bình Độ", C.SCHOOL),
    ("Chi bộ Trường Phổ thông Dân tộc nội trú THCS và THPT huyện", C.SCHOOL),
    ("Chi bộ Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện", C.SCHOOL),
    ("Chi bộ Điện lực Tràng Định", C.STATE_ENTERPRISE),
    ("Chi bộ Bưu điện huyện", C.STATE_ENTERPRISE),
    ("Chi bộ Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh huyện", C.STATE_ENTERPRISE),
    ("Chi bộ Viettel Tràng Định", C.STATE_ENTERPRISE),
    ("Chi bộ Trung tâm Viễn thông Tràng Định", C.STATE_ENTERPRISE),
    ("Chi bộ Chi nhánh Cấp nước Tràng Định", C.STATE_ENTERPRISE),
    ("Chi bộ Công ty Cổ phần Xây dựng và Thương mại Thất Khê", C.PRIVATE_ENTERPRISE),
    ("Chi bộ Hợp tác xã Dịch vụ nông lâm nghiệp Tràng Định", C.PRIVATE_ENTERPRISE),
]

# The two current-style communes (from 1/7/2025): name, old communes whose villages
# they take over. The mapping is illustrative, not the text of a merger resolution.
NEW_COMMUNES = [
    ("Thất Khê", ["Thất Khê", "Chi Lăng", "Đề Thám"]),
    ("Quốc Khánh", ["Quốc Khánh", "Tri Phương", "Đội Cấn"]),
]

# Cells of a current commune's own agencies (chi bộ cơ sở): name template, category.
NEW_COMMUNE_CELLS = [
    ("Chi bộ Cơ quan Đảng - Mặt trận Tổ quốc và các đoàn thể xã {c}", C.AGENCY),
    ("Chi bộ Công an xã {c}", C.ARMED_FORCES),
    ("Chi bộ Quân sự xã {c}", C.ARMED_FORCES),
    ("Chi bộ Trạm Y tế xã {c}", C.PUBLIC_SERVICE),
    ("Chi bộ Trường THCS {c}", C.SCHOOL),
    ("Chi bộ Trường Tiểu học {c}", C.SCHOOL),
]

# A current commune's đảng bộ cơ sở of its people's committee and its cells.
NEW_COMMUNE_COMMITTEE = (
    "Đảng bộ Ủy ban nhân dân xã {c}",
    [
        "Chi bộ Văn phòng HĐND và UBND xã",
        "Chi bộ Phòng Kinh tế",
        "Chi bộ Phòng Văn hóa - Xã hội",
        "Chi bộ Trung tâm Phục vụ hành chính công xã",
    ],
)
