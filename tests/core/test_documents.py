"""DOC-01 document machinery: Vietnamese helpers, the frame, DOCX and PDF rendering."""

import io
import re
import socket
import subprocess
from datetime import date
from decimal import Decimal

import pytest
from docx import Document
from docx.shared import Pt
from jinja2 import UndefinedError

from core import docx_builder
from core.documents import (
    DocType,
    DocumentHeader,
    long_date,
    number,
    page_texts,
    pdf_document,
    percent,
    render_docx,
    render_pdf,
    short_date,
    static_bytes,
    year,
)


def make_header(**overrides):
    values = dict(
        superior_name="Đảng ủy xã Tân Lập",
        body_name="Chi bộ thôn Nà Phát",
        body_abbreviation="CB",
        doc_type=DocType.THONG_BAO,
        number=1,
        place="Lạng Sơn",
        date=date(2026, 3, 5),
        summary="Về việc sinh hoạt chuyên đề quý I",
        authority="T/M Chi bộ",
        signer_title="Bí thư",
        signer_name="Hoàng Văn Đức",
        recipients=["Đảng ủy xã (b/c)", "Đảng viên trong chi bộ", "Lưu"],
    )
    values.update(overrides)
    return DocumentHeader(**values)


NOTICE_CONTEXT = {
    "meeting_date": date(2026, 3, 20),
    "topic": "Học tập & làm theo <tư tưởng> Hồ Chí Minh",
    "venue": "Nhà văn hóa thôn Nà Phát",
    "attendance_rate": 0.9123,
    "members": [
        {"name": "Nguyễn Văn An", "role": "Đảng viên"},
        {"name": "Lê Thị Hoa", "role": "Phó Bí thư"},
    ],
}


# --- Vietnamese helpers ------------------------------------------------------------


@pytest.mark.parametrize(
    "day, expected",
    [
        (date(2026, 3, 5), "ngày 05 tháng 3 năm 2026"),
        (date(2026, 12, 15), "ngày 15 tháng 12 năm 2026"),
        (date(2026, 1, 1), "ngày 01 tháng 01 năm 2026"),
        (date(2026, 2, 9), "ngày 09 tháng 02 năm 2026"),
        (date(2026, 10, 10), "ngày 10 tháng 10 năm 2026"),
    ],
)
def test_long_date_doc01_leading_zeros(day, expected):
    """DOC-01 (36-HD/VPTW): days below 10 and months 1–2 take a leading zero."""
    assert long_date(day) == expected


def test_long_date_blank_for_a_draft():
    assert long_date(None).startswith("ngày ")
    assert "tháng" in long_date(None) and not any(c.isdigit() for c in long_date(None))


def test_short_date():
    assert short_date(date(2026, 3, 5)) == "05/03/2026"
    assert short_date(None) == ""


@pytest.mark.parametrize(
    "value, digits, expected",
    [
        (0.3612, 2, "36,12%"),
        (0.085, 1, "8,5%"),
        (Decimal("0.4749"), 2, "47,49%"),
        (1, 0, "100%"),
        (0.98425, 2, "98,43%"),  # half up, not banker's rounding
        (12.345, 1, "1.234,5%"),
        (None, 2, ""),
    ],
)
def test_percent_vietnamese_comma(value, digits, expected):
    assert percent(value, digits) == expected


def test_percent_default_two_digits():
    assert percent(0.3612) == "36,12%"


@pytest.mark.parametrize(
    "value, digits, expected",
    [
        (1234567, 0, "1.234.567"),
        (999, 0, "999"),
        (0, 0, "0"),
        (-1234.5, 1, "-1.234,5"),
        (21000, 0, "21.000"),
        (Decimal("1234.567"), 2, "1.234,57"),
        (None, 0, ""),
    ],
)
def test_number_vietnamese_grouping(value, digits, expected):
    assert number(value, digits) == expected


# --- the frame -------------------------------------------------------------------------


def test_header_lines():
    doc = make_header()
    assert doc.heading == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert doc.superior_line == "ĐẢNG ỦY XÃ TÂN LẬP"
    assert doc.body_line == "CHI BỘ THÔN NÀ PHÁT"
    assert doc.symbol == "TB/CB"
    assert doc.number_line == "Số 01-TB/CB"
    assert doc.place_date == "Lạng Sơn, ngày 05 tháng 3 năm 2026"
    assert doc.type_line == "THÔNG BÁO"
    assert doc.summary_line == "Về việc sinh hoạt chuyên đề quý I"
    assert doc.summary_under_number == ""
    assert doc.authority_line == "T/M CHI BỘ"
    assert doc.signer_title_line == "BÍ THƯ"
    assert doc.recipient_lines == ["- Đảng ủy xã (b/c),", "- Đảng viên trong chi bộ,", "- Lưu."]


def test_header_number_above_nine_and_explicit_symbol():
    doc = make_header(number=12, doc_type=DocType.NGHI_QUYET, body_abbreviation="ĐU")
    assert doc.number_line == "Số 12-NQ/ĐU"
    assert make_header(symbol="NQ/ĐUK").number_line == "Số 01-NQ/ĐUK"


def test_draft_has_a_blank_number():
    line = make_header(number=None).number_line
    assert line.startswith("Số ") and line.endswith("-TB/CB")
    assert not any(c.isdigit() for c in line)


def test_cong_van_prints_its_summary_under_the_number():
    doc = make_header(doc_type=DocType.CONG_VAN, summary="triển khai thu đảng phí")
    assert doc.type_line == ""
    assert doc.summary_line == ""
    assert doc.summary_under_number == "V/v triển khai thu đảng phí"
    assert doc.number_line == "Số 01-CV/CB"


# --- DOCX ------------------------------------------------------------------------------


def _paragraph_texts(cell):
    return [p.text for p in cell.paragraphs if p.text.strip()]


def _find(paragraphs, text):
    return next(p for p in paragraphs if p.text == text)


def test_docx_notice_has_the_doc01_header_in_place():
    """DOC-01: header table, left the issuing body and number, right the heading and date."""
    data = render_docx(
        "documents/docx/example_notice.docx", {"doc": make_header(), **NOTICE_CONTEXT}
    )
    document = Document(io.BytesIO(data))
    header = document.tables[0]
    left, right = header.rows[0].cells
    assert _paragraph_texts(left) == [
        "ĐẢNG ỦY XÃ TÂN LẬP",
        "CHI BỘ THÔN NÀ PHÁT",
        "*",
        "Số 01-TB/CB",
    ]
    assert _find(left.paragraphs, "CHI BỘ THÔN NÀ PHÁT").runs[0].bold
    assert not _find(left.paragraphs, "ĐẢNG ỦY XÃ TÂN LẬP").runs[0].bold
    assert _paragraph_texts(right) == [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Lạng Sơn, ngày 05 tháng 3 năm 2026",
    ]
    heading = _find(right.paragraphs, "ĐẢNG CỘNG SẢN VIỆT NAM").runs[0]
    assert heading.bold and heading.underline
    date_run = _find(right.paragraphs, "Lạng Sơn, ngày 05 tháng 3 năm 2026").runs[0]
    assert date_run.italic

    body = [p.text for p in document.paragraphs if p.text.strip()]
    assert body[:3] == ["THÔNG BÁO", "Về việc sinh hoạt chuyên đề quý I", "-----"]
    assert _find(document.paragraphs, "THÔNG BÁO").runs[0].bold
    assert "Thời gian: ngày 20 tháng 3 năm 2026; địa điểm: Nhà văn hóa thôn Nà Phát." in body
    assert "Tỷ lệ đảng viên dự sinh hoạt tháng trước: 91,23%." in body
    # Values are escaped, not injected as XML.
    assert "Chuyên đề: Học tập & làm theo <tư tưởng> Hồ Chí Minh." in body
    # No tag survives rendering.
    assert not any("{{" in text or "{%" in text for text in body)


def test_docx_notice_members_table_and_footer():
    data = render_docx(
        "documents/docx/example_notice.docx", {"doc": make_header(), **NOTICE_CONTEXT}
    )
    document = Document(io.BytesIO(data))
    members, footer = document.tables[1], document.tables[2]
    assert [[c.text for c in row.cells] for row in members.rows] == [
        ["STT", "Họ và tên", "Chức vụ"],
        ["1", "Nguyễn Văn An", "Đảng viên"],
        ["2", "Lê Thị Hoa", "Phó Bí thư"],
    ]
    recipients, signature = footer.rows[0].cells
    assert _paragraph_texts(recipients) == [
        "Nơi nhận:",
        "- Đảng ủy xã (b/c),",
        "- Đảng viên trong chi bộ,",
        "- Lưu.",
    ]
    assert _find(recipients.paragraphs, "Nơi nhận:").runs[0].underline
    assert _paragraph_texts(signature) == ["T/M CHI BỘ", "BÍ THƯ", "Hoàng Văn Đức"]
    assert all(p.runs[0].bold for p in signature.paragraphs if p.text.strip())


def test_docx_base_template_page_setup_and_font():
    """A4, 36-HD margins, Times New Roman 14 pt, page numbers from page 2."""
    data = render_docx("documents/docx/base.docx", {"doc": make_header(), "body": ["Một.", "Hai."]})
    document = Document(io.BytesIO(data))
    section = document.sections[0]
    mm = {
        name: round(getattr(section, name).mm)
        for name in ("page_width", "page_height", "top_margin", "bottom_margin")
        + ("left_margin", "right_margin")
    }
    assert mm == {
        "page_width": 210,
        "page_height": 297,
        "top_margin": 20,
        "bottom_margin": 20,
        "left_margin": 30,
        "right_margin": 15,
    }
    assert section.different_first_page_header_footer
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    body = [p.text for p in document.paragraphs if p.text.strip()]
    assert body[body.index("-----") + 1 :] == ["Một.", "Hai."]


def test_docx_without_superior_summary_or_recipients_drops_those_lines():
    doc = make_header(superior_name="", summary="", recipients=[], authority="")
    data = render_docx("documents/docx/base.docx", {"doc": doc, "body": []})
    document = Document(io.BytesIO(data))
    left, _right = document.tables[0].rows[0].cells
    assert _paragraph_texts(left) == ["CHI BỘ THÔN NÀ PHÁT", "*", "Số 01-TB/CB"]
    recipients, signature = document.tables[1].rows[0].cells
    assert _paragraph_texts(recipients) == []
    assert _paragraph_texts(signature) == ["BÍ THƯ", "Hoàng Văn Đức"]
    assert [p.text for p in document.paragraphs if p.text.strip()] == ["THÔNG BÁO", "-----"]


def test_docx_second_signature_for_minutes():
    doc = make_header(
        doc_type=DocType.BIEN_BAN,
        recipients=[],
        authority="",
        signer_title="Chủ trì",
        left_signer_title="Thư ký",
        left_signer_name="Lê Thị Hoa",
    )
    data = render_docx("documents/docx/base.docx", {"doc": doc, "body": []})
    left, right = Document(io.BytesIO(data)).tables[1].rows[0].cells
    assert _paragraph_texts(left) == ["THƯ KÝ", "Lê Thị Hoa"]
    assert _paragraph_texts(right) == ["CHỦ TRÌ", "Hoàng Văn Đức"]


def test_docx_undefined_name_is_an_error():
    with pytest.raises(UndefinedError, match="'meeting_date' is undefined"):
        render_docx("documents/docx/example_notice.docx", {"doc": make_header()})


def test_docx_unknown_template():
    with pytest.raises(
        FileNotFoundError, match=r"Không tìm thấy mẫu văn bản documents/docx/nothing\.docx"
    ):
        render_docx("documents/docx/nothing.docx", {"doc": make_header()})
    with pytest.raises(
        FileNotFoundError, match=r"Không tìm thấy mẫu văn bản \.\./\.\./chibo/settings\.py"
    ):
        render_docx("../../chibo/settings.py", {})


def test_docx_templates_are_rebuilt_from_the_script(tmp_path):
    """The committed binaries are exactly what core/docx_builder.py makes."""
    committed = docx_builder.TEMPLATE_DIR
    assert (
        docx_builder.build_base(tmp_path / "base.docx").read_bytes()
        == (committed / "base.docx").read_bytes()
    ), "run: python -m core.docx_builder"
    assert (
        docx_builder.build_example_notice(tmp_path / "n.docx").read_bytes()
        == (committed / "example_notice.docx").read_bytes()
    ), "run: python -m core.docx_builder"


# --- PDF -------------------------------------------------------------------------------


PDF_CONTEXT = {"doc": make_header(), "body": ["Chi bộ thông báo nội dung sinh hoạt."]}


def test_pdf_text_and_order():
    document = pdf_document("documents/base.html", PDF_CONTEXT)
    texts = page_texts(document)
    assert len(texts) == 1
    lines = texts[0].split("\n")
    expected = [
        "ĐẢNG ỦY XÃ TÂN LẬP",
        "CHI BỘ THÔN NÀ PHÁT",
        "*",
        "Số 01-TB/CB",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Lạng Sơn, ngày 05 tháng 3 năm 2026",
        "THÔNG BÁO",
        "Về việc sinh hoạt chuyên đề quý I",
        "Chi bộ thông báo nội dung sinh hoạt.",
        "Nơi nhận:",
        "- Lưu.",
        "T/M CHI BỘ",
        "BÍ THƯ",
        "Hoàng Văn Đức",
    ]
    positions = [lines.index(line) for line in expected]
    assert positions == sorted(positions)


def _boxes(document):
    for page in document.pages:
        for box in page._page_box.descendants():
            if box.__class__.__name__ == "TextBox":
                yield box


def test_pdf_styles_fonts_and_page():
    document = pdf_document("documents/base.html", PDF_CONTEXT)
    boxes = {box.text: box for box in _boxes(document)}
    assert boxes["Lạng Sơn, ngày 05 tháng 3 năm 2026"].style["font_style"] == "italic"
    assert boxes["ĐẢNG CỘNG SẢN VIỆT NAM"].style["font_weight"] == 700
    assert "underline" in boxes["ĐẢNG CỘNG SẢN VIỆT NAM"].style["text_decoration_line"]
    assert boxes["CHI BỘ THÔN NÀ PHÁT"].style["font_weight"] == 700
    assert boxes["ĐẢNG ỦY XÃ TÂN LẬP"].style["font_weight"] == 400
    family = boxes["Số 01-TB/CB"].style["font_family"]
    assert family[:2] == ("Times New Roman", "Liberation Serif")
    assert boxes["Số 01-TB/CB"].style["font_size"] == pytest.approx(14 * 4 / 3)  # 14 pt in px
    page = document.pages[0]
    assert round(page.width * 25.4 / 96) == 210 and round(page.height * 25.4 / 96) == 297


def test_render_pdf_bytes_embed_a_times_compatible_font():
    assert render_pdf("documents/base.html", PDF_CONTEXT).startswith(b"%PDF-")
    raw = pdf_document("documents/base.html", PDF_CONTEXT).write_pdf(uncompressed_pdf=True)
    assert b"/BaseFont /" in raw
    assert b"Times" in raw or b"Liberation-Serif" in raw


def test_pdf_text_read_back_by_pdftotext(tmp_path):
    path = tmp_path / "notice.pdf"
    path.write_bytes(render_pdf("documents/base.html", PDF_CONTEXT))
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    for line in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Số 01-TB/CB", "Lạng Sơn, ngày 05 tháng 3 năm 2026"):
        assert line in text


def test_pdf_is_rendered_in_vietnamese_whatever_the_language():
    from django.utils import translation

    with translation.override("en"):
        text = page_texts(pdf_document("documents/base.html", PDF_CONTEXT))[0]
    assert "Nơi nhận:" in text and "THÔNG BÁO" in text


# --- no network ----------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a document tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_static_files_are_served_locally(no_network):
    body, content_type = static_bytes("http://chibo.invalid/static/img/favicon.svg")
    assert body.lstrip().startswith(b"<") and content_type == "image/svg+xml"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://example.com/logo.png", "Documents may only use local static files, not https"),
        ("http://chibo.invalid/media/secret.pdf", "Documents may only use local static files"),
        ("http://chibo.invalid/static/../chibo/settings.py", "No static file ../chibo/settings.py"),
        ("http://chibo.invalid/static/%2e%2e/chibo/settings.py", "No static file ../chibo/"),
        ("file:///etc/passwd", "Documents may only use local static files, not file:"),
        ("http://chibo.invalid/static/img/missing.png", "No static file img/missing.png"),
    ],
)
def test_anything_else_is_refused(no_network, url, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        static_bytes(url)


def test_weasyprint_never_fetches_remote_resources(no_network):
    from weasyprint import HTML

    from core.documents import LOCAL_BASE_URL, static_fetcher

    html = (
        '<img src="https://example.com/tracker.png">'
        '<img src="file:///etc/hostname">'
        '<img src="/static/img/favicon.svg">'
        '<img src="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 '
        'width=%225%22 height=%225%22/%3E">'
    )
    document = HTML(string=html, base_url=LOCAL_BASE_URL, url_fetcher=static_fetcher()).render()
    images = [
        box
        for box in document.pages[0]._page_box.descendants()
        if box.__class__.__name__ == "InlineReplacedBox"
    ]
    assert len(images) == 2  # the local static file and the data: URL; the rest skipped


def test_year_is_never_grouped():
    assert year(date(2026, 3, 5)) == "2026"
    assert year(2026) == "2026"
    assert year(None) == ""
