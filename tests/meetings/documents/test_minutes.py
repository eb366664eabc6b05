"""Biên bản and nghị quyết documents: DOCX text (python-docx), PDF, numbering across a term."""

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document

from meetings.documents import minutes as documents
from meetings.enums import AttendanceStatus as S
from meetings.services.documents import issue_minutes, issue_resolution
from meetings.services.plan import update_minutes
from meetings.services.resolutions import add_resolution, add_task
from organizations.models import Term
from tests.meetings.conftest import YEAR, held, mark

pytestmark = pytest.mark.django_db


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    return "\n".join(parts)


@pytest.fixture
def meeting(cell, secretary, people):
    m = mark(
        held(cell, date(YEAR, 3, 5), by=secretary),
        secretary,
        {
            people[0]: S.PRESENT,
            people[1]: S.PRESENT,
            people[2]: S.PRESENT,
            people[3]: S.EXCUSED,
            people[4]: S.UNEXCUSED,
        },
    )
    update_minutes(
        m,
        version=m.version,
        by=secretary,
        chair=people[0],
        minute_taker=people[1],
        place="Nhà văn hóa thôn Nà Phát",
        discussion="Bàn việc làm đường liên thôn.",
        self_rating="fair",
    )
    add_resolution(
        m, by=secretary, title="Nghị quyết tháng 3", text="Hoàn thành đường liên thôn.", votes_for=3
    )
    add_task(m, by=secretary, text="Vận động nhân dân hiến đất", assignee=people[2])
    return m


def test_doc02_minutes_docx_content(meeting, client, login, secretary):
    login(secretary)
    response = client.get(reverse("meetings:minutes_docx", args=[meeting.pk]))
    assert response.status_code == 200
    text = _text(response.content)
    for expected in [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "CHI BỘ THÔN NÀ PHÁT",
        "BIÊN BẢN",
        "ngày 05 tháng 3 năm 2025",
        "Nhà văn hóa thôn Nà Phát",
        "Chủ trì: đồng chí Nguyễn Văn Bảo. Thư ký: đồng chí Trần Thị Cúc.",
        "Tổng số đảng viên của chi bộ: 5; có mặt: 3; được miễn sinh hoạt: 0; vắng có lý do: 1; vắng không có lý do: 1.",
        "Vắng không lý do: Hoàng Văn Khải.",
        "Thu đảng phí",
        "Bàn việc làm đường liên thôn.",
        "tán thành 3, không tán thành 0, không biểu quyết 0 (trên 4 đảng viên làm căn cứ)",
        "- Vận động nhân dân hiến đất — Lê Văn Dũng",
        "Chi bộ tự đánh giá chất lượng buổi sinh hoạt: Khá",
        "Buổi sinh hoạt kết thúc lúc 21 giờ 00",
        "CHỦ TRÌ",
        "THƯ KÝ",
    ]:
        assert expected in text, expected
    assert "Số \u00a0" in text  # a draft until a number is issued


def test_minutes_pdf(meeting, client, login, member_user):
    login(member_user)  # members of the cell read the minutes
    response = client.get(reverse("meetings:minutes_pdf", args=[meeting.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_doc01_numbers_run_per_type_across_the_term(cell, secretary, people, client, login):
    Term.objects.create(
        organization=cell, name="2020–2025", starts_on=date(2020, 10, 1), ends_on=date(YEAR, 6, 30)
    )
    Term.objects.create(organization=cell, name="2025–2030", starts_on=date(YEAR, 7, 1))
    numbers = []
    for month in (3, 5, 8):
        m = held(cell, date(YEAR, month, 5), by=secretary)
        numbers.append(issue_minutes(m, by=secretary).number)
    assert numbers == [1, 2, 1]  # the new term starts again at 01
    again = issue_minutes(m, by=secretary)
    assert again.number == 1  # the same meeting keeps its number
    login(secretary)
    text = _text(client.get(reverse("meetings:minutes_docx", args=[m.pk])).content)
    assert "Số 01-BB/CB" in text


def test_resolution_number_written_and_document(meeting, secretary, client, login):
    resolution = meeting.resolutions.get()
    issue_resolution(resolution, by=secretary)
    resolution.refresh_from_db()
    assert resolution.number == "01-NQ/CB"
    login(secretary)
    text = _text(client.get(reverse("meetings:resolution_docx", args=[resolution.pk])).content)
    assert (
        "NGHỊ QUYẾT" in text
        and "Nghị quyết tháng 3" in text
        and "Hoàn thành đường liên thôn." in text
    )


@pytest.mark.parametrize(
    "name, status", [("other_secretary", 404), ("outsider", 404), ("officer", 200)]
)
def test_documents_scoped(name, status, meeting, persona, client, login):
    login(persona(name))
    assert client.get(reverse("meetings:minutes_docx", args=[meeting.pk])).status_code == status
    resolution = meeting.resolutions.get()
    assert (
        client.get(reverse("meetings:resolution_docx", args=[resolution.pk])).status_code == status
    )


def test_member_cannot_issue_numbers(meeting, member_user, client, login):
    login(member_user)
    assert client.post(reverse("meetings:issue_minutes", args=[meeting.pk])).status_code == 403
    assert documents.issued(meeting.organization, "BB", documents.minutes_ref(meeting)) is None


def test_minutes_print_the_score_with_a_decimal_comma(
    meeting, client, login, secretary, monkeypatch, tmp_path
):
    import dataclasses
    import subprocess
    from decimal import Decimal

    real = documents.meeting_page

    def page(m):
        found = real(m)
        evaluation = found["evaluation"]
        evaluation.score = dataclasses.replace(evaluation.score, points=Decimal("88.8"))
        return found

    monkeypatch.setattr(documents, "meeting_page", page)
    login(secretary)
    text = _text(client.get(reverse("meetings:minutes_docx", args=[meeting.pk])).content)
    assert "(điểm 88,8/100:" in text and "88.8" not in text
    pdf = client.get(reverse("meetings:minutes_pdf", args=[meeting.pk])).content
    path = tmp_path / "minutes.pdf"
    path.write_bytes(pdf)
    ptext = " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split()
    )
    assert "88,8/100" in ptext and "88.8" not in ptext
    assert "năm 2025" in ptext and "2.025" not in ptext
