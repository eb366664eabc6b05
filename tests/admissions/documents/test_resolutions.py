"""15-KNĐ, the grassroots committee's resolution on full membership (PRB-04): DOCX and PDF
built from the case data with the DOC-01 header, served only within the user's reach."""

import subprocess
from datetime import date

import pytest
from django.urls import reverse

from admissions.documents.resolutions import available_full_forms
from admissions.enums import FullStage, Proposal, Stage
from admissions.models import AdmissionCase
from admissions.services.full_membership import open_full_case
from admissions.services.stages import advance

from ..views.test_cases import docx_text

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def fcase(case, walk, officer):
    walk(case, Stage.MEMBER_FILE)
    member = AdmissionCase.objects.get(pk=case.pk).member
    fcase = open_full_case(member, by=officer)
    advance(
        fcase,
        FullStage.CELL_RESOLUTION,
        by=officer,
        on=date(2026, 3, 20),
        proposal=Proposal.FULL,
        votes_for=9,
    )
    return fcase


def committee(fcase, officer):
    advance(
        fcase,
        FullStage.COMMITTEE_RESOLUTION,
        by=officer,
        on=date(2026, 3, 25),
        committee_for=8,
        committee_against=1,
    )
    fcase.refresh_from_db()
    return fcase


def url(fcase, fmt, code="15-knd"):
    return reverse("admissions:full_document", args=[fcase.pk, code, fmt])


def test_15knd_only_after_the_committee_resolution(login, officer, fcase):
    assert "15-knd" not in {f.code for f in available_full_forms(fcase)}
    assert login(officer).get(url(fcase, "docx")).status_code == 404
    committee(fcase, officer)
    assert "15-knd" in {f.code for f in available_full_forms(fcase)}
    body = login(officer).get(reverse("admissions:full_case", args=[fcase.pk])).content.decode()
    assert 'data-testid="doc-15-knd-docx"' in body and 'data-testid="doc-15-knd-pdf"' in body
    assert "15-KNĐ" in body


def test_15knd_docx_and_pdf_text(login, officer, fcase, tmp_path):
    committee(fcase, officer)
    client = login(officer)
    response = client.get(url(fcase, "docx"))
    assert response.status_code == 200
    assert "15-KND" in response["Content-Disposition"]
    text = docx_text(response.content)
    # DOC-01: party heading, issuing body (the grassroots committee), number, place and date
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "ĐẢNG ỦY TRƯỜNG THPT TÂN LẬP" in text.upper()
    assert "Số 01-NQ/" in text
    assert "ngày 25 tháng 3 năm 2026" in text
    assert "NGHỊ QUYẾT" in text and "Đề nghị công nhận đảng viên chính thức" in text
    # the member and the vote on the register's base (9 seated, ADM-06)
    assert "Lường Thị Hoa" in text
    assert "tổng số cấp ủy viên: 9 đồng chí; số tán thành: 8 đồng chí (đạt 88,9%)" in text
    assert "số không tán thành: 1 đồng chí" in text
    assert "là đảng viên chính thức kể từ ngày 19/03/2026" in text
    # same ref, same number when downloaded again
    assert "Số 01-NQ/" in docx_text(client.get(url(fcase, "docx")).content)

    pdf = client.get(url(fcase, "pdf"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    ptext = " ".join(pdf_text(pdf.content, tmp_path).split())
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in ptext
    assert "Số 01-NQ/" in ptext
    assert "Lường Thị Hoa" in ptext
    assert "tổng số cấp ủy viên: 9 đồng chí; số tán thành: 8 đồng chí (đạt 88,9%)" in ptext


def test_full_decision_cites_the_committee_resolution(login, officer, fcase):
    committee(fcase, officer)
    advance(fcase, FullStage.DECISION, by=officer, on=date(2026, 4, 2))
    text = docx_text(login(officer).get(url(fcase, "docx", "qd-chinh-thuc")).content)
    assert "và của Đảng bộ Trường THPT Tân Lập ngày 25/03/2026" in text


def test_15knd_strike_off_wording(login, officer, case, walk):
    walk(case, Stage.MEMBER_FILE)
    member = AdmissionCase.objects.get(pk=case.pk).member
    fcase = open_full_case(member, by=officer)
    advance(
        fcase,
        FullStage.CELL_RESOLUTION,
        by=officer,
        on=date(2026, 3, 20),
        proposal=Proposal.STRIKE_OFF,
        votes_for=7,
        votes_against=2,
    )
    committee(fcase, officer)
    text = docx_text(login(officer).get(url(fcase, "docx")).content)
    assert "Đề nghị xóa tên đảng viên dự bị" in text
    assert "xóa tên đồng chí Lường Thị Hoa trong danh sách đảng viên dự bị" in text


def test_15knd_scoped(login, officer, fcase, other_secretary, outsider, member_user):
    committee(fcase, officer)
    for fmt in ("docx", "pdf"):
        assert login(officer).get(url(fcase, fmt)).status_code == 200
        for user in (other_secretary, outsider, member_user):
            assert login(user).get(url(fcase, fmt)).status_code == 404
    assert login(officer).get(url(fcase, "odt")).status_code == 404
