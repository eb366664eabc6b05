"""Admission pages by persona: scoped reads (404 outside reach), writes through the
services (403 when readable but not writable), refusals shown with rule IDs, exports."""

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from admissions.enums import Stage
from admissions.models import AdmissionCase
from admissions.services.cases import record_document
from admissions.services.targets import set_target

from ..conftest import DATES

pytestmark = pytest.mark.django_db

LIST_PAGES = [
    "admissions:dashboard",
    "admissions:candidates",
    "admissions:incomplete",
    "admissions:probation",
    "admissions:results",
]


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("name", LIST_PAGES)
def test_list_pages_for_reaching_personas(name, login, officer, secretary, inspector, case):
    for user in (officer, secretary, inspector):
        response = login(user).get(reverse(name))
        assert response.status_code == 200, (name, user)


@pytest.mark.parametrize("name", LIST_PAGES)
def test_list_pages_404_for_member(name, login, member_user):
    assert login(member_user).get(reverse(name)).status_code == 404


def test_case_page_scoped(
    login, case, officer, secretary, inspector, other_secretary, outsider, member_user
):
    url = reverse("admissions:case", args=[case.pk])
    for user in (officer, secretary, inspector):
        response = login(user).get(url)
        assert response.status_code == 200
        assert "Lường Thị Hoa" in response.content.decode()
    for user in (other_secretary, outsider, member_user):
        assert login(user).get(url).status_code == 404


def test_case_page_shows_findings_with_rule_ids(login, case, walk, officer):
    walk(case, Stage.SYMPATHIZER)
    AdmissionCase.objects.filter(pk=case.pk).update(stage=Stage.SPONSORS)
    body = login(officer).get(reverse("admissions:case", args=[case.pk])).content.decode()
    assert 'data-rule="ADM-04"' in body  # no certificate recorded
    assert 'data-rule="ADM-03"' in body  # no sponsors


def test_documents_docx_and_pdf(login, case, walk, officer, other_secretary):
    walk(case, Stage.DECISION)
    client = login(officer)
    url = reverse("admissions:case_document", args=[case.pk, "9-knd", "docx"])
    response = client.get(url)
    assert response.status_code == 200
    text = docx_text(response.content)
    assert "Kết nạp quần chúng Lường Thị Hoa" in text
    assert "QUYẾT ĐỊNH" in text
    assert "Số 01-QĐ/" in text
    # the same number when downloaded again
    assert "Số 01-QĐ/" in docx_text(client.get(url).content)
    text6 = docx_text(
        client.get(reverse("admissions:case_document", args=[case.pk, "6-knd", "docx"])).content
    )
    assert "NGHỊ QUYẾT" in text6 and "số tán thành: 8 đồng chí (đạt 88,9%)" in text6
    text8 = docx_text(
        client.get(reverse("admissions:case_document", args=[case.pk, "8-knd", "docx"])).content
    )
    assert "số tán thành: 7 đồng chí" in text8
    pdf = client.get(reverse("admissions:case_document", args=[case.pk, "9-knd", "pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert login(other_secretary).get(url).status_code == 404


def test_6knd_prints_the_year_ungrouped(login, case, walk, officer, tmp_path):
    """A Django template localizes a bare year ("năm 2.026"); the documents print 2026."""
    from tests.admissions.documents.test_resolutions import pdf_text

    walk(case, Stage.DECISION)
    client = login(officer)
    AdmissionCase.objects.filter(pk=case.pk).update(cell_resolution_on=date(2026, 3, 20))
    expected = "Ngày 20 tháng 3 năm 2026,"
    pdf = client.get(reverse("admissions:case_document", args=[case.pk, "6-knd", "pdf"]))
    ptext = " ".join(pdf_text(pdf.content, tmp_path).split())
    assert expected in ptext and "năm 2026" in ptext
    assert "2.026" not in ptext
    docx = client.get(reverse("admissions:case_document", args=[case.pk, "6-knd", "docx"]))
    text = docx_text(docx.content)
    assert expected in text and "2.026" not in text


def test_document_before_its_stage_is_404(login, case, officer):
    url = reverse("admissions:case_document", args=[case.pk, "9-knd", "docx"])
    assert login(officer).get(url).status_code == 404


def test_incomplete_dossiers_view(login, case, walk, officer, outsider):
    walk(case, Stage.HISTORY)
    assert (
        "Lường Thị Hoa" not in login(officer).get(reverse("admissions:incomplete")).content.decode()
    )
    application = case.documents.get(kind="application")
    record_document(application, by=officer, received_on=None, note="Bản gốc bị thất lạc")
    body = login(officer).get(reverse("admissions:incomplete")).content.decode()
    assert "Lường Thị Hoa" in body and "1-KNĐ" in body
    assert (
        "Lường Thị Hoa"
        not in login(outsider).get(reverse("admissions:incomplete")).content.decode()
    )


def test_results_page_achievement_and_export(login, case, walk, officer, tree, outsider):
    walk(case, Stage.CEREMONY)
    set_target(by=officer, organization=tree["grassroots"], year=2025, target=1)
    client = login(officer)
    url = (
        reverse("admissions:results")
        + f"?organization={tree['grassroots'].pk}&year_from=2024&year_to=2025"
    )
    body = client.get(url).content.decode()
    assert "100,0%" in body
    assert 'id="results-chart-data"' in body and "<script>" not in body
    response = client.get(url + "&format=xlsx")
    assert response.status_code == 200
    assert login(outsider).get(url).status_code == 200  # the filter ignores an unreachable org
    assert "100,0%" not in login(outsider).get(url).content.decode()


def test_walk_dates_are_consistent():
    assert DATES[Stage.DECISION] < DATES[Stage.CEREMONY]


def test_incomplete_export_scoped(login, case, walk, officer, outsider):
    walk(case, Stage.HISTORY)
    record_document(case.documents.get(kind="application"), by=officer, received_on=None)
    url = reverse("admissions:incomplete") + "?format=xlsx"

    def names(user):
        response = login(user).get(url)
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        return [c.value for row in sheet.iter_rows() for c in row]

    assert "Lường Thị Hoa" in names(officer)
    assert "Lường Thị Hoa" not in names(outsider)


def test_document_record_scoped(login, case, officer, outsider, inspector):
    document = case.documents.get(kind="application")
    url = reverse("admissions:document_record", args=[document.pk])
    assert login(outsider).post(url, {"received_on": "05/03/2024"}).status_code == 404
    assert login(inspector).post(url, {"received_on": "05/03/2024"}).status_code == 403
    assert login(officer).post(url, {"received_on": "05/03/2024"}).status_code == 302
    document.refresh_from_db()
    assert document.received_on == date(2024, 3, 5)
