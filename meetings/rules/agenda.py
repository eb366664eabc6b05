"""The MTG-04 agenda of a meeting, adapted to the cell's category (ORG-03).

A leaf module: titles are lazily translated so that they follow the active language.
"""

from django.utils import translation
from django.utils.translation import gettext_lazy

from ..enums import MeetingKind

# --- MTG-04: the agenda ------------------------------------------------------------------

# (key, title); titles are lazily translated so that they follow the active language.
AGENDA = [
    ("dues", gettext_lazy("Thu đảng phí")),
    (
        "attendance",
        gettext_lazy(
            "Báo cáo tình hình đảng viên dự sinh hoạt (có mặt, miễn, vắng có và không có lý do)"
        ),
    ),
    ("adopt", gettext_lazy("Thông qua chương trình sinh hoạt")),
    ("minute_taker", gettext_lazy("Cử thư ký ghi biên bản")),
    ("news", gettext_lazy("Thông tin thời sự, chủ trương, chính sách; chỉ đạo của cấp trên")),
    ("ideology", gettext_lazy("Tình hình tư tưởng đảng viên")),
    ("review", gettext_lazy("Kiểm điểm việc thực hiện nhiệm vụ, nghị quyết tháng trước")),
    ("hcm", gettext_lazy("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh")),
    ("residence", gettext_lazy("Đảng viên giữ mối liên hệ và thực hiện nhiệm vụ ở nơi cư trú")),
    ("discussion", gettext_lazy("Thảo luận")),
    ("next_tasks", gettext_lazy("Nhiệm vụ tháng tới và phân công đảng viên thực hiện")),
    ("conclusion", gettext_lazy("Kết luận, thông qua nghị quyết")),
    ("self_rating", gettext_lazy("Tự đánh giá chất lượng buổi sinh hoạt")),
]

# ORG-03 categories: what replaces or follows an item of the common order.
CATEGORY_AGENDA = {
    # Village and block cells: their members live where they meet; the residence item
    # becomes the village's own affairs.
    "rural_village": {
        "residence": gettext_lazy(
            "Tình hình thôn, bản: phát triển kinh tế, xây dựng nông thôn mới, an ninh trật tự"
        )
    },
    "urban_block": {
        "residence": gettext_lazy(
            "Tình hình tổ dân phố: trật tự đô thị, vệ sinh môi trường, an ninh trật tự"
        )
    },
    "agency": {"after:review": gettext_lazy("Lãnh đạo thực hiện nhiệm vụ chính trị của cơ quan")},
    "public_service": {
        "after:review": gettext_lazy("Lãnh đạo thực hiện nhiệm vụ chuyên môn của đơn vị")
    },
    "state_enterprise": {
        "after:review": gettext_lazy("Lãnh đạo sản xuất, kinh doanh; đời sống người lao động")
    },
    "private_enterprise": {
        "after:review": gettext_lazy("Tình hình sản xuất, kinh doanh; quan hệ lao động")
    },
    "armed_forces": {
        "after:review": gettext_lazy(
            "Lãnh đạo nhiệm vụ quân sự, quốc phòng, an ninh; kỷ luật của đơn vị"
        )
    },
    "school": {"after:review": gettext_lazy("Lãnh đạo nhiệm vụ dạy và học")},
}

THEMATIC_AGENDA = [
    ("attendance", gettext_lazy("Báo cáo tình hình đảng viên dự sinh hoạt")),
    ("topic", gettext_lazy("Trình bày chuyên đề")),
    ("discussion", gettext_lazy("Thảo luận")),
    ("conclusion", gettext_lazy("Kết luận, thống nhất nhiệm vụ")),
]


def agenda_for(kind: str, category: str, topic: str = "") -> list[str]:
    """The pre-filled agenda titles (MTG-04), adapted to the cell's category (ORG-03)."""
    if kind == MeetingKind.THEMATIC:
        return [
            f"{title}: {topic}" if key == "topic" and topic else str(title)
            for key, title in THEMATIC_AGENDA
        ]
    changes = CATEGORY_AGENDA.get(category, {})
    titles = []
    for key, title in AGENDA:
        titles.append(str(changes.get(key, title)))
        if f"after:{key}" in changes:
            titles.append(str(changes[f"after:{key}"]))
    return titles


def shown_title(title: str) -> str:
    """A stored agenda title in the active language.

    The agenda is the meeting's record, stored in Vietnamese (the minutes print it); a
    title that is one of the standard ones above (a thematic topic after its colon) is
    shown translated, a title the cell typed itself is shown as it is.
    """
    standard = [title for _key, title in AGENDA + THEMATIC_AGENDA] + [
        title for changes in CATEGORY_AGENDA.values() for title in changes.values()
    ]
    with translation.override("vi"):
        known = {str(lazy): lazy for lazy in standard}
    if title in known:
        return str(known[title])
    head, sep, rest = title.partition(": ")
    if sep and head in known:
        return f"{known[head]}: {rest}"
    return title
