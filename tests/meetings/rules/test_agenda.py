"""MTG-04: the pre-filled agenda, adapted to the cell's category (ORG-03)."""

from meetings.enums import MeetingKind
from meetings.rules.agenda import AGENDA, agenda_for


def test_mtg04_agenda_order_and_category():
    village = agenda_for(MeetingKind.PERIODIC, "rural_village")
    assert village[0] == "Thu đảng phí"
    assert village[-1] == "Tự đánh giá chất lượng buổi sinh hoạt"
    assert any("thôn, bản" in t for t in village)
    agency = agenda_for(MeetingKind.PERIODIC, "agency")
    assert len(agency) == len(AGENDA) + 1
    review = agency.index("Kiểm điểm việc thực hiện nhiệm vụ, nghị quyết tháng trước")
    assert agency[review + 1] == "Lãnh đạo thực hiện nhiệm vụ chính trị của cơ quan"
    thematic = agenda_for(MeetingKind.THEMATIC, "agency", "Chỉ thị 05")
    assert "Trình bày chuyên đề: Chỉ thị 05" in thematic


def test_stored_standard_titles_are_shown_in_the_active_language():
    from django.utils import translation

    from meetings.rules.agenda import shown_title

    with translation.override("en"):
        assert shown_title("Thu đảng phí") == "Collect party dues"
        assert (
            shown_title("Trình bày chuyên đề: Chỉ thị 05")
            == "Presentation of the topic: Chỉ thị 05"
        )
        assert shown_title("Việc riêng của chi bộ") == "Việc riêng của chi bộ"
    with translation.override("vi"):
        assert shown_title("Thu đảng phí") == "Thu đảng phí"
