"""DOC-01 numbering (per document type across the committee's term) and header_for."""

import io
import threading
from datetime import date

import pytest
from django.db import connection, connections
from docx import Document

from core.documents import DocType, render_docx
from organizations.documents import abbreviation_of, header_for, issuing_name, place_of
from organizations.enums import OrgKind
from organizations.models import DocumentNumber, Term
from organizations.services.numbering import next_number, term_in_force
from tests.factories import OrganizationFactory, UserFactory

NQ, BB, TB = DocType.NGHI_QUYET, DocType.BIEN_BAN, DocType.THONG_BAO


@pytest.fixture
def cell(tree):
    return tree["cell_a"]


@pytest.fixture
def terms(cell):
    """DOC-01: the 2020–2025 term ends on 30/09/2025, the 2025–2030 term starts 01/10/2025."""
    old = Term.objects.create(
        organization=cell, name="2020–2025", starts_on=date(2020, 9, 1), ends_on=date(2025, 9, 30)
    )
    new = Term.objects.create(organization=cell, name="2025–2030", starts_on=date(2025, 10, 1))
    return old, new


def numbers(cell, doc_type, *days):
    return [next_number(cell, doc_type, day).number for day in days]


def test_doc01_numbers_run_in_sequence_per_type(cell, terms):
    assert numbers(cell, NQ, date(2026, 1, 5), date(2026, 2, 5), date(2026, 3, 5)) == [1, 2, 3]


def test_doc01_two_types_are_independent(cell, terms):
    assert numbers(cell, NQ, date(2026, 1, 5), date(2026, 2, 5)) == [1, 2]
    assert numbers(cell, BB, date(2026, 2, 5)) == [1]
    assert numbers(cell, NQ, date(2026, 3, 5)) == [3]
    assert numbers(cell, BB, date(2026, 3, 5)) == [2]


def test_doc01_numbers_run_across_the_term_not_the_year(cell, terms):
    _old, new = terms
    assert numbers(cell, NQ, date(2025, 12, 20), date(2026, 1, 5), date(2027, 1, 5)) == [1, 2, 3]
    assert set(DocumentNumber.objects.values_list("term", flat=True)) == {new.pk}


def test_doc01_new_term_restarts_at_one_on_its_first_day(cell, terms):
    """Boundary: 30/09/2025 is the old term's last day, 01/10/2025 the new term's first."""
    old, new = terms
    assert numbers(cell, NQ, date(2025, 8, 1), date(2025, 9, 30)) == [1, 2]
    first_of_new = next_number(cell, NQ, date(2025, 10, 1))
    assert first_of_new.number == 1 and first_of_new.term == new
    last_of_old = DocumentNumber.objects.get(issued_on=date(2025, 9, 30))
    assert last_of_old.term == old
    # A late entry for the old term continues the old series.
    assert next_number(cell, NQ, date(2025, 9, 29)).number == 3


def test_term_in_force_boundaries(cell, terms):
    old, new = terms
    assert term_in_force(cell, date(2020, 8, 31)) is None
    assert term_in_force(cell, date(2020, 9, 1)) == old
    assert term_in_force(cell, date(2025, 9, 30)) == old
    assert term_in_force(cell, date(2025, 10, 1)) == new
    assert term_in_force(cell, date(2040, 1, 1)) == new  # open-ended


def test_doc01_without_a_term_numbers_per_calendar_year(cell):
    assert numbers(cell, NQ, date(2025, 11, 5), date(2025, 12, 31)) == [1, 2]
    assert numbers(cell, NQ, date(2026, 1, 1), date(2026, 2, 1)) == [1, 2]
    entry = DocumentNumber.objects.get(issued_on=date(2026, 1, 1))
    assert entry.term is None and entry.year == 2026


def test_days_before_the_first_term_number_per_year(cell, terms):
    assert numbers(cell, NQ, date(2020, 8, 30), date(2020, 8, 31)) == [1, 2]
    assert numbers(cell, NQ, date(2020, 9, 1)) == [1]  # the 2020–2025 term starts


def test_another_organizations_terms_and_numbers_do_not_count(tree, cell, terms):
    other = tree["cell_b"]
    assert numbers(cell, NQ, date(2026, 1, 5), date(2026, 2, 5)) == [1, 2]
    assert numbers(other, NQ, date(2026, 1, 5)) == [1]
    assert DocumentNumber.objects.get(organization=other).term is None


def test_same_ref_gets_the_same_number(cell, terms):
    user = UserFactory()
    first = next_number(
        cell, BB, date(2026, 3, 5), by=user, title="Biên bản tháng 3", ref="meetings.Minutes:42"
    )
    next_number(cell, BB, date(2026, 3, 6), ref="meetings.Minutes:43")
    again = next_number(cell, BB, date(2026, 3, 9), ref="meetings.Minutes:42")
    assert again.pk == first.pk and again.number == 1
    assert again.issued_on == date(2026, 3, 5) and again.title == "Biên bản tháng 3"
    assert first.created_by == user and first.history.first().history_user == user
    assert DocumentNumber.objects.count() == 2


def test_same_ref_different_type_is_a_different_document(cell, terms):
    minutes = next_number(cell, BB, date(2026, 3, 5), ref="meetings.Meeting:7")
    resolution = next_number(cell, NQ, date(2026, 3, 5), ref="meetings.Meeting:7")
    assert (minutes.doc_type, minutes.number) == ("BB", 1)
    assert (resolution.doc_type, resolution.number) == ("NQ", 1)


def test_unknown_doc_type_is_refused(cell):
    with pytest.raises(ValueError, match="Loại văn bản không hợp lệ: XX"):
        next_number(cell, "XX", date(2026, 3, 5))


def test_next_number_inside_an_outer_transaction(cell, terms):
    from django.db import transaction

    with transaction.atomic():
        assert numbers(cell, TB, date(2026, 3, 5), date(2026, 3, 6)) == [1, 2]


@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_get_distinct_numbers():
    """Eight threads ask at once: numbers 1..8, no duplicate, no error.

    In-memory SQLite (the SQLite test run) cannot share one database between threads, so
    there the eight requests run one after another; PostgreSQL runs them concurrently.
    """
    concurrent = not (
        connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith("file:memory")
    )
    root = OrganizationFactory(name="Đảng bộ tỉnh Lạng Sơn", kind=OrgKind.PROVINCE)
    cell = OrganizationFactory(name="Chi bộ thôn Pò Mã", kind=OrgKind.CELL, superior=root)
    Term.objects.create(organization=cell, name="2025–2030", starts_on=date(2025, 10, 1))
    barrier = threading.Barrier(8)
    results, errors = [], []

    def work(i):
        try:
            if concurrent:
                barrier.wait()
            results.append(next_number(cell, NQ, date(2026, 3, 5), ref=f"test.Doc:{i}").number)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            if concurrent:
                connections.close_all()

    if concurrent:
        threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    else:
        for i in range(8):
            work(i)
    assert errors == []
    assert sorted(results) == list(range(1, 9))


# --- header_for ------------------------------------------------------------------------


def test_issuing_names_and_abbreviations(tree):
    assert issuing_name(tree["province"]) == "Tỉnh ủy Lạng Sơn"
    assert abbreviation_of(tree["province"]) == "TU"
    assert issuing_name(tree["commune"]) == "Đảng ủy xã Tân Lập"
    assert abbreviation_of(tree["commune"]) == "ĐU"
    assert issuing_name(tree["grassroots"]) == "Đảng ủy Trường THPT Tân Lập"
    assert abbreviation_of(tree["grassroots"]) == "ĐU"
    assert issuing_name(tree["cell_a"]) == "Chi bộ thôn Nà Phát"
    assert abbreviation_of(tree["cell_a"]) == "CB"
    assert abbreviation_of(tree["other_cell"]) == "CB"  # chi bộ cơ sở
    district = OrganizationFactory(
        name="Đảng bộ huyện Cao Lộc", kind=OrgKind.DISTRICT, superior=tree["province"]
    )
    assert (issuing_name(district), abbreviation_of(district)) == ("Huyện ủy Cao Lộc", "HU")
    assert place_of(tree["cell_a"]) == "Lạng Sơn"


def test_header_for_a_cell_from_its_number(cell, terms):
    entry = next_number(cell, TB, date(2026, 3, 5), title="Về việc sinh hoạt chuyên đề quý I")
    doc = header_for(
        cell, number=entry, signer_name="Hoàng Văn Đức", recipients=["Đảng ủy (b/c)", "Lưu"]
    )
    assert doc.superior_line == "ĐẢNG ỦY TRƯỜNG THPT TÂN LẬP"
    assert doc.body_line == "CHI BỘ THÔN NÀ PHÁT"
    assert doc.number_line == "Số 01-TB/CB"
    assert doc.place_date == "Lạng Sơn, ngày 05 tháng 3 năm 2026"
    assert doc.type_line == "THÔNG BÁO"
    assert doc.summary_line == "Về việc sinh hoạt chuyên đề quý I"
    assert (doc.authority_line, doc.signer_title_line) == ("T/M CHI BỘ", "BÍ THƯ")


def test_header_for_a_commune_and_overrides(tree):
    doc = header_for(tree["commune"], doc_type=NQ, number=7, on=date(2026, 1, 15))
    assert doc.superior_line == "TỈNH ỦY LẠNG SƠN"
    assert doc.body_line == "ĐẢNG ỦY XÃ TÂN LẬP"
    assert doc.number_line == "Số 07-NQ/ĐU"
    assert doc.place_date == "Lạng Sơn, ngày 15 tháng 01 năm 2026"
    assert doc.authority_line == "T/M ĐẢNG ỦY"
    custom = header_for(
        tree["commune"],
        doc_type=NQ,
        number=7,
        on=date(2026, 1, 15),
        body_abbreviation="ĐUX",
        place="Tân Lập",
        authority="T/M Ban Thường vụ",
        signer_title="Phó Bí thư",
        superior_name="",
    )
    assert custom.number_line == "Số 07-NQ/ĐUX"
    assert custom.place_date == "Tân Lập, ngày 15 tháng 01 năm 2026"
    assert (custom.authority_line, custom.signer_title_line) == ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ")
    assert custom.superior_line == ""


def test_header_for_a_province_has_no_superior(tree):
    doc = header_for(tree["province"], doc_type=BB, number=1, on=date(2026, 3, 5))
    assert doc.superior_line == ""
    assert doc.body_line == "TỈNH ỦY LẠNG SƠN"
    assert doc.number_line == "Số 01-BB/TU"
    assert doc.authority_line == "T/M BAN THƯỜNG VỤ"


def test_header_for_refuses_a_number_of_another_organization_or_type(tree, cell):
    entry = next_number(tree["cell_b"], TB, date(2026, 3, 5))
    with pytest.raises(ValueError, match="Số văn bản thuộc tổ chức khác"):
        header_for(cell, number=entry)
    own = next_number(cell, TB, date(2026, 3, 5))
    with pytest.raises(ValueError, match="Số văn bản thuộc loại văn bản khác"):
        header_for(cell, number=own, doc_type=NQ)
    with pytest.raises(ValueError, match="Thiếu loại văn bản"):
        header_for(cell)


def test_numbered_notice_rendered_to_docx(cell, terms):
    """End to end: number, frame, DOCX; the document reads "Số 01-TB/CB"."""
    entry = next_number(cell, TB, date(2026, 3, 5), title="Về việc sinh hoạt chuyên đề quý I")
    doc = header_for(cell, number=entry, signer_name="Hoàng Văn Đức", recipients=["Lưu"])
    data = render_docx("documents/docx/base.docx", {"doc": doc, "body": ["Nội dung."]})
    left, right = Document(io.BytesIO(data)).tables[0].rows[0].cells
    assert "Số 01-TB/CB" in [p.text for p in left.paragraphs]
    date_paragraph = next(p for p in right.paragraphs if "ngày 05 tháng 3" in p.text)
    assert date_paragraph.text == "Lạng Sơn, ngày 05 tháng 3 năm 2026"
    assert date_paragraph.runs[0].italic
